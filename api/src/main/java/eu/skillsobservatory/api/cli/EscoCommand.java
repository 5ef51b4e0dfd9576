package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.esco.EscoCsv;
import eu.skillsobservatory.api.esco.EscoService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reads the ESCO versions in the store. */
@Command(
    name = "esco",
    mixinStandardHelpOptions = true,
    description = "Read the loaded ESCO versions.",
    subcommands = {
      EscoCommand.Versions.class,
      EscoCommand.Show.class,
      EscoCommand.Diff.class,
      EscoCommand.Reindex.class
    })
public class EscoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: versions, show or diff");
  }

  /** Runs {@code work} against the ESCO service and prints what it returns. */
  static int withEsco(
      CommandLine.Model.CommandSpec spec, String what, Function<EscoService, String> work) {
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start(what, false, Map.of())) {
      String text = work.apply(runtime.bean(EscoService.class));
      PrintWriter out = spec.commandLine().getOut();
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
    }
    return 0;
  }

  public static String json(Object value) {
    return JsonConfiguration.cliMapper().writeValueAsString(value);
  }

  @Command(
      name = "versions",
      mixinStandardHelpOptions = true,
      description = "Per loaded version: skills, occupations, relations, ISCO groups, triples.")
  static class Versions implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "table", "json", "csv");
      return withEsco(
          spec,
          "esco versions",
          esco -> {
            List<VersionSummary> versions = esco.versions();
            return switch (fmt) {
              case "json" -> json(versions);
              case "csv" -> EscoCsv.versions(versions);
              default -> table(versions);
            };
          });
    }

    private static String table(List<VersionSummary> versions) {
      if (versions.isEmpty()) {
        return "No ESCO version is loaded. Load one with: ingest esco data/esco/v1.1.1/*.zip";
      }
      return Output.table(
          List.of(
              "version",
              "skills",
              "occupations",
              "occ-skill relations",
              "essential",
              "ISCO groups",
              "triples",
              "languages"),
          versions.stream()
              .map(
                  v ->
                      List.of(
                          v.version().value() + (v.current() ? " (current)" : ""),
                          String.format("%,d", v.skills()),
                          String.format("%,d", v.occupations()),
                          String.format("%,d", v.occupationSkillRelations()),
                          String.format("%,d", v.essentialRelations()),
                          String.format("%,d", v.iscoGroups()),
                          String.format("%,d", v.triples()),
                          String.join(" ", v.languages())))
              .toList());
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One concept as JSON: labels, description, hierarchy, collections, relations.")
  static class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URI", description = "The concept's ESCO URI.")
    String uri;

    @Option(names = "--lang", defaultValue = "en", description = "Label language (default: en).")
    String lang;

    @CommandLine.Mixin VersionOption version;

    @Override
    public Integer call() {
      Optional<EscoVersion> v = version.version();
      return withEsco(
          spec,
          "esco show",
          esco -> {
            Concept c = esco.concept(uri, lang, v);
            return json(c);
          });
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description =
          "What changed between two loaded versions: concepts added, removed and relabelled,"
              + " occupation-skill relations added and removed.")
  static class Diff implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The older version, e.g. v1.1.0.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The newer version, e.g. v1.1.1.")
    String to;

    @Option(names = "--lang", defaultValue = "en", description = "Label language (default: en).")
    String lang;

    @Option(names = "--format", defaultValue = "json", description = "json or csv.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "json", "csv");
      EscoVersion a = EscoVersion.parse(from);
      EscoVersion b = EscoVersion.parse(to);
      return withEsco(
          spec,
          "esco diff",
          esco -> {
            VersionDiff d = esco.diff(a, b, lang);
            return fmt.equals("csv") ? EscoCsv.diff(d) : json(d);
          });
    }
  }

  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description =
          "Rebuild the Elasticsearch index of a version from TDB2 and swap it in atomically.")
  static class Reindex implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin VersionOption version;

    @Override
    public Integer call() {
      Optional<EscoVersion> v = version.version();
      return withEsco(
          spec,
          "esco reindex",
          esco -> {
            var r = esco.index(v, ConsoleProgress.forStderr());
            return String.format(
                Locale.ROOT,
                "ESCO %s indexed: %,d concepts in %.1f s (index %s)",
                r.version(),
                r.documents(),
                r.duration().toMillis() / 1000.0,
                r.index());
          });
    }
  }
}
