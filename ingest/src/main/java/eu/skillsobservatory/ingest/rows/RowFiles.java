package eu.skillsobservatory.ingest.rows;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.MeteredInput;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files of rows in one of the observatory's ingest schemas, streamed row by row: CSV (comma
 * or semicolon, UTF-8 with or without a byte order mark) or JSON Lines, each plain or gzipped; the
 * format is told by the content, not the name. A {@link Schema} turns each row into a value or
 * {@link Rejection}s naming its line and field; a file that cannot be used at all (no {@code id}
 * column, cut short) is said so in the report, after the rows before the damage were handed over. A
 * schema may also take whole JSON documents (a pretty-printed JSON object or array, or a line
 * holding one): training offers read European Learning Model JSON-LD that way.
 */
public final class RowFiles {

  /** Characters at most in a JSON document read whole (not row by row). */
  public static final long MAX_DOCUMENT = 64L * 1024 * 1024;

  private RowFiles() {}

  /**
   * What one input may hold, so that a small file cannot take the heap or the disk: characters in
   * one line, characters in one CSV row (a quoted field may span lines), and bytes once
   * decompressed together with the ratio of decompressed to compressed bytes.
   */
  public record Limits(long maxLine, long maxRow, long maxDecompressed, long maxRatio) {
    /**
     * 16 M characters a line and a row (a description may hold 10 M), 64 GB and 1:200 decompressed.
     */
    public static final Limits DEFAULT =
        new Limits(16L * 1024 * 1024, 16L * 1024 * 1024, 64L * 1024 * 1024 * 1024, 200);

    public Limits {
      if (maxLine < 1 || maxRow < 1 || maxDecompressed < 1 || maxRatio < 1) {
        throw new IllegalArgumentException("every ingest limit must be positive");
      }
    }

    /** Ratios are judged once this much was inflated: small files compress in odd ways. */
    static final long RATIO_AFTER = 64L * 1024 * 1024;

    /**
     * Why an input that inflated to {@code inflated} bytes from {@code compressed} is past these
     * limits, or null when it is not.
     */
    public String pastInflation(long inflated, long compressed) {
      if (inflated > maxDecompressed) {
        return String.format(
            Locale.ROOT,
            "decompresses to more than %,d bytes (observatory.ingest.max-decompressed)",
            maxDecompressed);
      }
      if (inflated > RATIO_AFTER && inflated > maxRatio * Math.max(1, compressed)) {
        return "decompresses more than "
            + maxRatio
            + " times its compressed size, a compression bomb"
            + " (observatory.ingest.max-compression-ratio)";
      }
      return null;
    }
  }

  /** An input went past one of its {@link Limits}: nothing after that point is read. */
  public static final class LimitExceeded extends IOException {
    LimitExceeded(String message) {
      super(message);
    }
  }

  /** What a row became: a value, or the reasons it is not one. */
  public record Result<T>(T value, List<Rejection> problems) {
    public boolean ok() {
      return value != null;
    }
  }

  /** One ingest schema: its fields, and the rules that make a value of a row. */
  public interface Schema<T> {
    /** What the rows are, for progress: {@code vacancies}, {@code training offers}. */
    String what();

    /** The scalar fields of the schema (a JSON value of another type there is an error). */
    Set<String> fields();

    /** The fields that hold lists: JSON arrays, or CSV values split at {@code |}. */
    Set<String> lists();

    /**
     * @param fields the row's scalar values by field name (absent: not given)
     * @param lists the row's list values by field name
     * @param defaultSource the source when the row names none (e.g. the file name)
     */
    Result<T> apply(
        Map<String, String> fields,
        Map<String, List<String>> lists,
        String defaultSource,
        long line);

    /** Whether a JSON object is a whole document of another model rather than a row. */
    default boolean isDocument(JsonNode node) {
      return false;
    }

    /**
     * The values of a whole document (only called when {@link #isDocument} says so, or for a JSON
     * document spanning several lines when this schema reads documents).
     */
    default List<Result<T>> document(JsonNode node, String defaultSource, long line) {
      return List.of(
          new Result<>(null, List.of(new Rejection(line, "row", "not a row of " + what()))));
    }

    /** Whether this schema reads JSON documents spanning several lines. */
    default boolean readsDocuments() {
      return false;
    }
  }

  public static <T> ReadReport read(
      Path file, Schema<T> schema, RowSink<T> sink, Progress progress) {
    return read(file, schema, sink, progress, Limits.DEFAULT);
  }

  public static <T> ReadReport read(
      Path file, Schema<T> schema, RowSink<T> sink, Progress progress, Limits limits) {
    long size;
    InputStream raw;
    try {
      size = Files.size(file);
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return new ReadReport(file.toString(), 0, 0, 0, Optional.of(file + ": no such file"));
    } catch (IOException e) {
      return new ReadReport(
          file.toString(), 0, 0, 0, Optional.of(file + ": cannot be read: " + e.getMessage()));
    }
    try (InputStream in = raw) {
      return read(in, file.toString(), defaultSource(file), size, schema, sink, progress, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader of rows in one schema, within these limits. */
  public static <T> RowReader<T> reader(Schema<T> schema, Limits limits) {
    return (input, sink, progress) -> {
      if (input instanceof RowInput.Stream s) {
        return read(s.in(), s.name(), s.source(), -1, schema, sink, progress, limits);
      }
      return read(((RowInput.File) input).file(), schema, sink, progress, limits);
    };
  }

  /** The source of rows that name none: the file name without its extensions. */
  public static String defaultSource(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads one input stream (a file, or a request body).
   *
   * @param size its length in bytes for progress, or -1 when unknown
   */
  public static <T> ReadReport read(
      InputStream raw,
      String name,
      String defaultSource,
      long size,
      Schema<T> schema,
      RowSink<T> sink,
      Progress progress) {
    return read(raw, name, defaultSource, size, schema, sink, progress, Limits.DEFAULT);
  }

  /** Reads one input stream within the given limits. */
  public static <T> ReadReport read(
      InputStream raw,
      String name,
      String defaultSource,
      long size,
      Schema<T> schema,
      RowSink<T> sink,
      Progress progress,
      Limits limits) {
    long[] read = new long[1];
    InputStream counted =
        new MeteredInput(new BufferedInputStream(raw, 1 << 16), (buf, off, n) -> read[0] += n);
    RowCounter<T> counter = new RowCounter<>(name, schema, sink, progress, read);
    progress.start("Reading " + schema.what() + " from " + name, "rows", size);
    try {
      BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      InputStream body = in;
      if (b1 == 0x1f && b2 == 0x8b) {
        body =
            new BufferedInputStream(
                BoundedInput.inflated(
                    new GZIPInputStream(in, 1 << 16), read, limits, name, () -> counter.lastLine),
                1 << 16);
      }
      BoundedInput.Lines lines =
          new BoundedInput.Lines(
              new InputStreamReader(
                  body,
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPLACE)
                      .onUnmappableCharacter(CodingErrorAction.REPLACE)),
              limits,
              name);
      counter.lines = lines;
      BufferedReader reader = new BufferedReader(lines, 1 << 16);
      reader.mark(8);
      int first = reader.read();
      if (first != '\uFEFF') {
        reader.reset();
      }
      reader.mark(1 << 16);
      int c;
      do {
        c = reader.read();
      } while (c != -1 && Character.isWhitespace(c));
      reader.reset();
      if (c == -1) {
        return counter.report(Optional.of(name + ": empty, no header and no rows"));
      }
      Optional<String> problem =
          c == '{' || c == '['
              ? JsonRows.read(reader, name, defaultSource, counter)
              : CsvRows.read(reader, name, defaultSource, counter);
      return counter.report(problem);
    } catch (LimitExceeded e) {
      return counter.report(Optional.of(e.getMessage() + "; nothing after it was read"));
    } catch (EOFException | ZipException e) {
      return counter.report(
          Optional.of(
              name
                  + ": cut short after line "
                  + counter.lastLine
                  + " ("
                  + e.getMessage()
                  + "); the rows before it were read"));
    } catch (IOException | UncheckedIOException e) {
      return counter.report(
          Optional.of(
              name + ": read failed after line " + counter.lastLine + ": " + e.getMessage()));
    }
  }
}
