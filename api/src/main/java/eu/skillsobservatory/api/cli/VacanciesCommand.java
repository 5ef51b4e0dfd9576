package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.vacancy.VacancyService;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vacancies stats}: what the vacancies index holds. */
@Command(
    name = "vacancies",
    mixinStandardHelpOptions = true,
    description = "The vacancies held.",
    subcommands = {VacanciesCommand.Stats.class})
public class VacanciesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a vacancies command");
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = {
        "Vacancies held: total, per source (with duplicates and their rate), per month of",
        "posting, and what the last ingest accepted and rejected. Duplicates are left out of",
        "every count but their own."
      })
  static class Stats implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (Runtime runtime = root.start("vacancies stats", false, Map.of())) {
        VacancyIndex.Stats s = runtime.bean(VacancyService.class).stats();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(JsonConfiguration.cliMapper().writeValueAsString(s));
        } else {
          out.printf(
              Locale.ROOT,
              "%,d vacancies (%,d more marked as duplicates)%n",
              s.total(),
              s.duplicates());
          s.bySource()
              .forEach(
                  x ->
                      out.printf(
                          Locale.ROOT,
                          "  source %-24s %,10d  duplicates %,d (%.1f %%)%n",
                          x.source(),
                          x.vacancies(),
                          x.duplicates(),
                          100 * x.duplicateRate()));
          s.byMonth().forEach((m, n) -> out.printf(Locale.ROOT, "  %s %,10d%n", m, n));
          if (s.lastIngest() != null) {
            Map<String, Object> l = s.lastIngest();
            out.printf(
                Locale.ROOT,
                "last ingest %s (%s): %s rows, %s accepted, %s rejected%n",
                l.get("id"),
                l.get("finishedAt"),
                l.get("rows"),
                l.get("accepted"),
                l.get("rejected"));
          }
        }
        out.flush();
      }
      return 0;
    }
  }
}
