package eu.skillsobservatory.api.rows;

import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rejects file of an ingest (file, line, field, reason), created on the first rejected row. */
public final class RejectsWriter implements AutoCloseable {
  private final Path file;
  private CSVPrinter printer;
  private boolean closed;

  public RejectsWriter(Path file) {
    this.file = file;
  }

  public synchronized void write(String input, Rejection r) {
    try {
      if (printer == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        printer =
            CSVFormat.RFC4180.builder().setHeader("file", "line", "field", "reason").get().print(w);
      }
      printer.printRecord(input, r.line(), r.field(), r.reason());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects file " + file, e);
    }
  }

  public boolean used() {
    return printer != null;
  }

  @Override
  public synchronized void close() {
    if (printer != null && !closed) {
      closed = true;
      try {
        printer.close(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the rejects file " + file, e);
      }
    }
  }
}
