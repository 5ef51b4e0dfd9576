package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.statistics.StatisticsService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest statistics}: the Eurostat employment table, from a file or from Eurostat's API. */
@Command(
    name = "statistics",
    mixinStandardHelpOptions = true,
    description = {
      "Load employment statistics (NACE section x ISCO-08 major group x country x year): PATH is",
      "a CSV in the shape of data/eurostat/lfsa_eisn2_long.csv, or --eurostat DATASET fetches the",
      "dataset from Eurostat's dissemination API (JSON-stat), fixing dimensions with --filter",
      "(sex=T, age=Y15-74, unit=THS_PER...). A load replaces the dataset's previous table at once.",
      "Exit 0 when every row loaded, 2 when a row or the request was wrong, 1 when Eurostat or",
      "Elasticsearch failed."
    })
public class IngestStatisticsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "PATH", description = "A statistics CSV file.")
  Path path;

  @Option(
      names = "--eurostat",
      paramLabel = "DATASET",
      description = "Fetch this dataset from Eurostat's API (e.g. lfsa_eisn2).")
  String eurostat;

  @Option(
      names = "--filter",
      paramLabel = "DIMENSION=CODE",
      description = "With --eurostat: keep only this category of a dimension; repeatable.")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      defaultValue = StatisticsService.DEFAULT_DATASET,
      description = "With PATH: the dataset the file holds (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "text", "json");
    if ((path == null) == (eurostat == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either PATH or --eurostat DATASET");
    }
    if (path != null && !filters.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--filter applies to --eurostat only");
    }
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq < 1 || eq == f.length() - 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--filter: '" + f + "' is not DIMENSION=CODE");
      }
      pairs.add(Map.entry(f.substring(0, eq).strip(), f.substring(eq + 1).strip()));
    }
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("ingest statistics", false, Map.of())) {
      StatisticsService service = runtime.bean(StatisticsService.class);
      spec.commandLine()
          .getErr()
          .println(
              path != null
                  ? "Reading " + path + " ..."
                  : "Asking Eurostat for " + eurostat + " ...");
      StatisticsService.LoadReport r =
          path != null ? service.loadFile(path, dataset) : service.loadEurostat(eurostat, pairs);
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(r));
      } else {
        out.printf(
            Locale.ROOT,
            "%s%s: %,d cells loaded from %s in %.1f s%n",
            r.dataset(),
            r.label().isEmpty() ? "" : " (" + r.label() + ")",
            r.cells(),
            r.source(),
            r.seconds());
        r.skipped()
            .forEach((why, n) -> out.printf(Locale.ROOT, "  %,d values left out: %s%n", n, why));
        r.problems().stream().limit(20).forEach(p -> out.println("  rejected: " + p));
        if (r.problems().size() > 20) {
          out.printf(Locale.ROOT, "  ... %,d rows rejected in all%n", r.problems().size());
        }
      }
      out.flush();
      return r.complete() ? 0 : 2;
    }
  }
}
