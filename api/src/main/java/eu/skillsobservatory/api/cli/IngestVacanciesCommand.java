package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest vacancies PATH...}: vacancy files into the vacancies index. */
@Command(
    name = "vacancies",
    mixinStandardHelpOptions = true,
    description = {
      "Load vacancy files (CSV or JSON Lines, plain or .gz; schema in src/docs/vacancy-schema.md)",
      "into the vacancies index, with skills extracted from their text. The same source and id",
      "again updates the vacancy. Rejected rows go to a rejects file (file, line, field, reason).",
      "Exit code 0 when every row loaded, 2 when a row was rejected or a file is unusable (the",
      "valid rows are loaded either way)."
    })
public class IngestVacanciesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Vacancy files.")
  List<Path> paths;

  @Option(
      names = "--extraction",
      defaultValue = "fast",
      description = "fast (labels, default) or full (labels and meaning; slower).")
  String extraction;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Where rejected rows go (default: HOME/rejects/INGEST-ID.csv).")
  Path rejects;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  @Option(
      names = "--restart",
      description = {
        "Read every file from its first line. Without it, a file whose earlier load was",
        "interrupted (and that has not changed since) is resumed after the rows that load stored."
      })
  boolean restart;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = {
        "The dataset the vacancies go into (letters, digits, '.', '-', '_'); default: the first",
        "file's name without its extensions. Analytics can be filtered on it, and it can be",
        "removed with 'vacancies delete --dataset NAME'."
      })
  String dataset;

  @Option(
      names = "--synthetic",
      description = {
        "Mark the dataset as synthetic (made by a generator, not real adverts); files with a",
        "generator's FILE.truth.json beside them are marked so without it."
      })
  boolean synthetic;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "text", "json");
    ExtractionMode mode = ExtractionMode.parse(extraction);
    VacancyService.DatasetSpec target =
        VacancyService.DatasetSpec.of(paths, Optional.ofNullable(dataset), synthetic);
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("ingest vacancies", false, Map.of())) {
      VacancyService.IngestReport r =
          runtime
              .bean(VacancyService.class)
              .ingest(
                  paths,
                  mode,
                  Optional.ofNullable(rejects),
                  ConsoleProgress.forStderr(),
                  !restart,
                  target);
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(r));
      } else {
        for (ReadReport f : r.files()) {
          out.printf(
              Locale.ROOT,
              "%s: %,d rows, %,d accepted, %,d rejected%n",
              f.name(),
              f.rows(),
              f.accepted(),
              f.rejected());
          f.problem().ifPresent(p -> out.println("  not read to its end: " + p));
        }
        out.printf(
            Locale.ROOT,
            "%s: %,d vacancies written in %.1f s (%,.0f/s), %,d of them near-duplicates (kept,"
                + " not counted), %,d refused by Elasticsearch, %,d with an occupation no loaded"
                + " ESCO version knows (kept, flagged)%n",
            r.ingest(),
            r.written(),
            r.seconds(),
            r.perSecond(),
            r.duplicates(),
            r.refused().size(),
            r.unknownOccupations());
        out.printf(
            Locale.ROOT,
            "dataset %s%s: %,d vacancies over its loads%n",
            r.dataset().name(),
            r.dataset().synthetic() ? " (synthetic)" : "",
            r.dataset().rows());
        if (r.resumed() > 0) {
          out.printf(
              Locale.ROOT,
              "resumed an interrupted load: %,d rows it had stored were skipped%n",
              r.resumed());
        }
        r.refused().stream().limit(20).forEach(x -> out.println("  refused: " + x));
        if (r.rejects() != null) {
          out.printf(Locale.ROOT, "%,d rows rejected: see %s%n", r.rejected(), r.rejects());
        }
      }
      out.flush();
      if (!r.refused().isEmpty()) {
        return 1;
      }
      return r.complete() ? 0 : 2;
    }
  }
}
