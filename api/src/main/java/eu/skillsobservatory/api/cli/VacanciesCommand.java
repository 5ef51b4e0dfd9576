package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vacancies stats} and {@code vacancies show}: what the vacancies index holds. */
@Command(
    name = "vacancies",
    mixinStandardHelpOptions = true,
    description = "The vacancies held.",
    subcommands = {
      VacanciesCommand.Stats.class,
      VacanciesCommand.Show.class,
      VacanciesCommand.Datasets.class,
      VacanciesCommand.Delete.class,
      VacanciesCommand.Facets.class,
      VacanciesCommand.Summarize.class
    })
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
      try (CommandRuntime runtime = root.start("vacancies stats", false, Map.of())) {
        VacancyStore.Stats s = runtime.bean(VacancyService.class).stats();
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
            VacancyStore.IngestRun l = s.lastIngest();
            out.printf(
                Locale.ROOT,
                "last ingest %s (%s): %s rows, %s accepted, %s rejected%n",
                l.id(),
                l.finishedAt(),
                l.rows(),
                l.accepted(),
                l.rejected());
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "One vacancy as held: its fields, occupation (given or coded from the title, with the",
        "confidence), duplicate mark, and every skill with where it came from. Exit 2 when no",
        "vacancy has this source and id."
      })
  static class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "SOURCE", description = "The source.")
    String source;

    @CommandLine.Parameters(index = "1", paramLabel = "ID", description = "The id at the source.")
    String id;

    @Option(names = "--format", defaultValue = "json", description = "json (the only format).")
    String format;

    @Override
    public Integer call() {
      Output.format(format, "json");
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("vacancies show", false, Map.of())) {
        var v = runtime.bean(VacancyService.class).vacancy(source, id);
        if (v.isEmpty()) {
          spec.commandLine().getErr().println("no vacancy " + source + "/" + id + " is held");
          return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonConfiguration.cliMapper().writeValueAsString(v.get()));
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "datasets",
      mixinStandardHelpOptions = true,
      description = {
        "The datasets loaded: name, whether synthetic, when loaded, the ESCO version and",
        "extraction mode used, the files and the rows written."
      })
  static class Datasets implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("vacancies datasets", false, Map.of())) {
        var list = runtime.bean(VacancyService.class).datasets();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(JsonConfiguration.cliMapper().writeValueAsString(list));
        } else {
          for (var d : list) {
            out.printf(
                Locale.ROOT,
                "%-30s %,10d rows%s  loaded %s  ESCO %s  extraction %s  files %s%n",
                d.name(),
                d.rows(),
                d.synthetic() ? "  SYNTHETIC" : "",
                d.loadedAt(),
                d.escoVersion(),
                d.extractionMode(),
                String.join(", ", d.files()));
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Remove a dataset and its vacancies (for example the synthetic sample loaded on first",
        "start). Exit 2 when no dataset has that name."
      })
  static class Delete implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Its name.")
    String dataset;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      Slice.checkDataset(dataset);
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("vacancies delete", false, Map.of())) {
        var deleted = runtime.bean(VacancyService.class).deleteDataset(dataset);
        if (deleted.isEmpty()) {
          spec.commandLine().getErr().println("no dataset named '" + dataset + "' is held");
          return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(
              JsonConfiguration.cliMapper()
                  .writeValueAsString(Map.of("dataset", dataset, "deleted", deleted.get())));
        } else {
          out.printf(
              Locale.ROOT, "dataset %s removed: %,d vacancies deleted%n", dataset, deleted.get());
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "facets",
      mixinStandardHelpOptions = true,
      description = {
        "Write the ESCO collections and skill groups of the current ESCO version on every vacancy",
        "held without them (loaded before they were written, or under an ESCO version no longer",
        "current), so that demand counts them by one term again. Answers are the same before and",
        "after: a vacancy without them is counted by its skills."
      })
  static class Facets implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      return Output.report(
          spec,
          "vacancies facets",
          format,
          runtime -> runtime.bean(VacancyService.class).writeFacets(ConsoleProgress.forStderr()),
          (out, w) ->
              out.printf(
                  Locale.ROOT,
                  "%,d vacancies given the skill facets of ESCO %s%n",
                  w.given(),
                  w.escoVersion()));
    }
  }

  @Command(
      name = "summarize",
      mixinStandardHelpOptions = true,
      description = {
        "Counts again the skills' series by NACE section, country and dataset that emerging",
        "skills, gaps and matching read (done after every ingest; for a home loaded before",
        "these were kept, or after vacancies were posted one by one). Until then answers are",
        "counted live, never from older counts."
      })
  static class Summarize implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      return Output.report(
          spec,
          "vacancies summarize",
          format,
          runtime ->
              Map.of(
                  "cells",
                  runtime.bean(VacancyService.class).summarize(ConsoleProgress.forStderr())),
          (out, w) -> out.printf(Locale.ROOT, "%,d cells of counts written%n", w.get("cells")));
    }
  }
}
