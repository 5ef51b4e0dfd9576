package eu.skillsobservatory.api.rows;

import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every row ingest (vacancies, training offers) shares: run ids, rejects files, totals. */
public final class RowIngest {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private RowIngest() {}

  /** A run's id: the kind and the time it started, such as {@code ingest-20261204-231500-123}. */
  public static String runId(String kind) {
    return kind + "-" + STAMP.format(Instant.now());
  }

  /** Where a run's rejected rows go: the file asked for, else {@code HOME/rejects/RUN.csv}. */
  public static Path rejectsFile(Path home, String run, Optional<Path> asked) {
    return asked.orElse(home.resolve("rejects").resolve(run + ".csv"));
  }

  /** Rows, accepted and rejected, summed over the inputs of a run. */
  public record Totals(long rows, long accepted, long rejected) {
    public static Totals of(List<ReadReport> reports) {
      long rows = 0;
      long accepted = 0;
      long rejected = 0;
      for (ReadReport r : reports) {
        rows += r.rows();
        accepted += r.accepted();
        rejected += r.rejected();
      }
      return new Totals(rows, accepted, rejected);
    }
  }

  /** A run as recorded in the store, from its inputs' reports. */
  public static VacancyStore.IngestRun run(
      String id, List<ReadReport> reports, long refused, String rejects, long startNanos) {
    List<VacancyStore.FileRun> files = new ArrayList<>();
    for (ReadReport f : reports) {
      files.add(
          new VacancyStore.FileRun(
              f.name(), f.rows(), f.accepted(), f.rejected(), f.problem().orElse(null)));
    }
    Totals t = Totals.of(reports);
    return new VacancyStore.IngestRun(
        id,
        Instant.now().minusNanos(System.nanoTime() - startNanos).toString(),
        Instant.now().toString(),
        t.rows(),
        t.accepted(),
        t.rejected(),
        refused,
        rejects,
        files);
  }
}
