package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.statistics.StatisticsService;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code statistics}: the employment statistics held. */
@Command(
    name = "statistics",
    mixinStandardHelpOptions = true,
    description = "The employment statistics held.",
    subcommands = {StatisticsCommand.Datasets.class, StatisticsCommand.Employment.class})
public class StatisticsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a statistics command: datasets, employment");
  }

  @Command(
      name = "datasets",
      mixinStandardHelpOptions = true,
      description = "The datasets held: cells, years, countries, source and when loaded.")
  static class Datasets implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("statistics datasets", false, Map.of())) {
        var all = runtime.bean(StatisticsService.class).datasets();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(JsonConfiguration.cliMapper().writeValueAsString(all));
        } else if (all.isEmpty()) {
          out.println("no statistics held; load some with 'ingest statistics'");
        } else {
          all.forEach(
              d ->
                  out.printf(
                      Locale.ROOT,
                      "%s: %,d cells, %d-%d, %d countries, from %s (loaded %s)%n",
                      d.dataset(),
                      d.cells(),
                      d.fromYear(),
                      d.toYear(),
                      d.countries(),
                      d.source(),
                      d.loadedAt()));
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "employment",
      mixinStandardHelpOptions = true,
      description = {
        "People employed in a slice, in thousands, per year: any of --sector (section letter),",
        "--isco (major group digit), --country, --year; what is not given is summed over."
      })
  static class Employment implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--sector", description = "NACE Rev. 2 section letter (A to U).")
    String nace;

    /** The name {@code --sector} had before, kept for scripts that use it. */
    @Option(names = "--nace", hidden = true, paramLabel = "SECTION")
    void oldSectorName(String value) {
      this.nace = value;
    }

    @Option(names = "--isco", description = "ISCO-08 major group (0 to 9).")
    String isco;

    @Option(names = "--country", description = "Country code (ISO 3166 or Eurostat's).")
    String country;

    @Option(names = "--year", description = "Year.")
    Integer year;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      EmploymentFigures.Slice slice = StatisticsService.slice(nace, isco, country, year);
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("statistics employment", false, Map.of())) {
        var e = runtime.bean(StatisticsService.class).employed(slice);
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(JsonConfiguration.cliMapper().writeValueAsString(e));
        } else if (e.cells() == 0) {
          out.println("no employment figure for this slice");
        } else {
          e.thousandsByYear()
              .forEach((y, t) -> out.printf(Locale.ROOT, "%d %,14.1f thousand%n", y, t));
          out.printf(Locale.ROOT, "(%,d cells summed)%n", e.cells());
        }
        out.flush();
      }
      return 0;
    }
  }
}
