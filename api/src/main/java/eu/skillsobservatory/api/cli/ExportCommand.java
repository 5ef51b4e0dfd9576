package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.export.RowExport;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.api.export.ExportFiles;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export vacancies} and {@code export offers}: every row held (of a slice, or in scope),
 * with its occupation and skills labelled and its provenance, streamed to a file that appears whole
 * or not at all.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Row-level data out: the vacancies or training offers held, one row each.",
    subcommands = {ExportCommand.Vacancies.class, ExportCommand.Offers.class})
public class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to export: vacancies or offers");
  }

  /** Where a command that writes a file writes it: export and report alike. */
  static class OutputOption {
    @Option(
        names = {"--output", "-o"},
        required = true,
        paramLabel = "FILE",
        description = "The file to write ('-' for standard output).")
    String output;
  }

  /** The output options both subcommands take. */
  static class FileOptions extends OutputOption {
    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "csv (default; a row's skills in columns separated by |) or jsonl.")
    String format;
  }

  @Command(
      name = "vacancies",
      mixinStandardHelpOptions = true,
      description = {
        "Every vacancy of a slice, in the order of source and id: the row as loaded, its occupation",
        "(given or coded, with its ESCO label), its skills (URI, label, given or extracted, span),",
        "its duplicate mark and its provenance (dataset, synthetic, ingest run, ESCO version).",
        "Duplicates are included and marked unless --originals-only."
      })
  static class Vacancies implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin SliceOptions slice;

    @CommandLine.Mixin FileOptions file;

    @Option(names = "--originals-only", description = "Leave out the rows marked as duplicates.")
    boolean originalsOnly;

    @Override
    public Integer call() {
      String format = Output.format(file.format, "csv", "jsonl");
      var s = slice.slice().withDuplicates(!originalsOnly);
      return write(
          spec,
          file.output,
          (runtime, out) -> {
            try (var sink = ExportFiles.vacancies(format, out)) {
              return runtime
                  .bean(RowExport.class)
                  .eachVacancy(s, sink::write, ConsoleProgress.forStderr());
            }
          },
          "vacancies");
    }
  }

  @Command(
      name = "offers",
      mixinStandardHelpOptions = true,
      description = {
        "Every training offer in scope, in the order of source and id: the offer as loaded, the",
        "skills it teaches (URI, label, given or extracted, span) and its provenance."
      })
  static class Offers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--country", description = "Country code.")
    String country;

    @Option(names = "--region", description = "NUTS code (its sub-regions included).")
    String region;

    @CommandLine.Mixin OfferScopeOptions scope;

    @CommandLine.Mixin FileOptions file;

    @Override
    public Integer call() {
      String format = Output.format(file.format, "csv", "jsonl");
      OfferFilter filter = scope.filter(country, region);
      return write(
          spec,
          file.output,
          (runtime, out) -> {
            try (var sink = ExportFiles.offers(format, out)) {
              return runtime
                  .bean(RowExport.class)
                  .eachOffer(filter, sink::write, ConsoleProgress.forStderr());
            }
          },
          "training offers");
    }
  }

  interface Work {
    long write(CommandRuntime runtime, OutputStream out);
  }

  /**
   * Runs an export into a file beside the output, moved onto it once whole; on failure the output
   * is left as it was.
   */
  static int write(CommandLine.Model.CommandSpec spec, String output, Work work, String what) {
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    PrintWriter err = spec.commandLine().getErr();
    try (CommandRuntime runtime = root.start("export", false, Map.of())) {
      if (output.equals("-")) {
        PrintWriter out = spec.commandLine().getOut();
        work.write(runtime, new BufferedOutputStream(into(out), 1 << 16));
        out.flush();
        return 0;
      }
      Path target = Path.of(output).toAbsolutePath();
      Path parent = target.getParent();
      if (!Files.isDirectory(parent)) {
        throw new IllegalArgumentException("--output: no such directory: " + parent);
      }
      // Beside the output (so that the move is atomic), made as any file the user writes is.
      Path part = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
      try {
        long n;
        try (OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(part, StandardOpenOption.CREATE_NEW), 1 << 16)) {
          n = work.write(runtime, unclosable(out));
        }
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.println(String.format(Locale.ROOT, "%,d %s written to %s", n, what, target));
        err.flush();
      } finally {
        Files.deleteIfExists(part);
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /** Bytes of UTF-8 text, decoded as they come onto the command's standard output. */
  private static OutputStream into(PrintWriter writer) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        while (len > 0) {
          int n = Math.min(len, in.remaining());
          in.put(b, off, n);
          off += n;
          len -= n;
          in.flip();
          CoderResult r;
          do {
            r = decoder.decode(in, chars, false);
            chars.flip();
            writer.write(chars.array(), chars.position(), chars.remaining());
            chars.clear();
          } while (r.isOverflow());
          in.compact();
        }
      }

      @Override
      public void flush() {
        writer.flush();
      }

      @Override
      public void close() {
        writer.flush();
      }
    };
  }

  /** The stream, its close only flushing (the sink's close must not end the file early). */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
