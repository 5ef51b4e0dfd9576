package eu.skillsobservatory.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.ingest.vacancy.VacancyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small files that would fill the heap or the disk stop at a limit, with the file, the line and the
 * setting named, and nothing after that point is handed over.
 */
class InputBombsTest {
  static final RowFiles.Limits SMALL =
      new RowFiles.Limits(1 << 20, 2 << 20, 512L << 20, RowFiles.Limits.DEFAULT.maxRatio());
  static final String ROW =
      "{\"id\":\"%d\",\"posted\":\"2024-03-04\",\"country\":\"DE\",\"title\":\"Welder\"}\n";

  @TempDir Path dir;

  final List<Vacancy> accepted = new ArrayList<>();

  ReadReport read(Path file, RowFiles.Limits limits) {
    return RowFiles.read(
        file,
        VacancyFiles.SCHEMA,
        new RowSink<>() {
          @Override
          public void accept(Vacancy value, long line) {
            accepted.add(value);
          }

          @Override
          public void reject(Rejection r) {}
        },
        Progress.NONE,
        limits);
  }

  /** A gzip file of {@code prefix}, then about {@code total} bytes of {@code fill}. */
  Path gz(String name, String prefix, byte fill, long total) throws IOException {
    Path f = dir.resolve(name);
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, fill);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
      out.write(prefix.getBytes(StandardCharsets.UTF_8));
      for (long done = 0; done < total; done += block.length) {
        out.write(block);
      }
    }
    return f;
  }

  @Test
  void aLineWithNoEndStopsAtTheLineLimit() throws IOException {
    Path f = gz("zeros.jsonl.gz", ROW.formatted(1) + "{\"id\":\"", (byte) 'x', 256L << 20);
    ReadReport r = read(f, SMALL);
    assertThat(r.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("zeros.jsonl.gz")
                    .contains("line 2")
                    .contains("observatory.ingest.max-line"));
    assertThat(accepted).hasSize(1);
  }

  @Test
  void aCompressionBombOfBlankLinesStopsAtTheRatio() throws IOException {
    Path f = gz("newlines.jsonl.gz", "", (byte) '\n', 1L << 30);
    ReadReport r = read(f, SMALL);
    assertThat(r.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("newlines.jsonl.gz")
                    .contains("observatory.ingest.max-compression-ratio"));
    assertThat(accepted).isEmpty();
  }

  @Test
  void aFileThatInflatesPastTheCapStops() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      rows.append(ROW.formatted(i));
    }
    Path f = gz("many.jsonl.gz", rows.toString(), (byte) '\n', 0);
    ReadReport r = read(f, new RowFiles.Limits(1 << 20, 1 << 20, 1 << 20, 1_000_000));
    assertThat(r.problem())
        .hasValueSatisfying(p -> assertThat(p).contains("observatory.ingest.max-decompressed"));
    assertThat(accepted.size()).isLessThan(40_000);
  }

  @Test
  void anUnterminatedQuotedCsvFieldStopsAtTheRowLimit() throws IOException {
    Path f = dir.resolve("open-quote.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(
          "id,posted,country,title\n1,2024-03-04,DE,Welder\n2,2024-03-04,DE,\"Welder\n"
              .getBytes(StandardCharsets.UTF_8));
      // Short lines after the open quote, so that only the row (not a line) grows.
      byte[] line = "more words inside the quote\n".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 200_000; i++) {
        out.write(line);
      }
    }
    ReadReport r = read(f, SMALL);
    assertThat(r.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("open-quote.csv.gz")
                    .contains("line 3")
                    .contains("observatory.ingest.max-row"));
    assertThat(accepted).hasSize(1);
  }
}
