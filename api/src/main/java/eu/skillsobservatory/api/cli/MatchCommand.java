package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.match.BudgetOn;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.api.analytics.AnalyticsCsv;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code match}: the training offers that close a gap. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "The set of training offers in scope that covers most of a gap within --max-offers and a",
      "--budget (lazy greedy weighted maximum coverage: at least 1 - 1/e of the best set), each",
      "with the gap skills it adds and their weight, and each offer alone ranked. The gap is the",
      "slice's (its demanded skills weighted by gap score) unless skills are given with --skill",
      "URI[=WEIGHT] or --skills FILE (CSV or lines: uri[,weight])."
    })
public class MatchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SliceOptions sliceOptions;

  @CommandLine.Mixin OfferScopeOptions scope;

  @Option(names = "--skill", paramLabel = "URI[=WEIGHT]", description = "A gap skill (weight 1).")
  List<String> skill;

  @Option(names = "--skills", paramLabel = "FILE", description = "Gap skills: uri[,weight] lines.")
  Path skillsFile;

  @Option(names = "--gap-skills", defaultValue = "30", description = "Slice gap: skills (1-1000).")
  int gapSkills;

  @Option(names = "--no-growth", description = "Slice gap: weigh by share only (no trend run).")
  boolean noGrowth;

  @Option(names = "--max-offers", defaultValue = "5", description = "Offers at most (1 to 100).")
  int maxOffers;

  @Option(names = "--budget", description = "Total budget (cost, or hours with --budget-on).")
  Double budget;

  @Option(names = "--budget-on", defaultValue = "cost", description = "cost (default) or hours.")
  String budgetOn;

  @Option(names = "--rank", defaultValue = "10", description = "Offers in the ranking (0-1000).")
  int rank;

  @Option(
      names = "--currency",
      description =
          "The currency of a budget on cost (ISO 4217, e.g. EUR); needed when the offers are"
              + " priced in several. Offers priced in another are left out of the choice.")
  String currency;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or csv.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "json", "csv");
    var filter = scope.filter(sliceOptions);
    Map<String, Double> gap = givenSkills();
    BudgetOn on = BudgetOn.parse(budgetOn);
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("match", false, Map.of())) {
      OfferMatching service = runtime.bean(OfferMatching.class);
      OfferMatching.Match m =
          gap.isEmpty()
              ? service.forSlice(
                  sliceOptions.slice(),
                  filter,
                  gapSkills,
                  !noGrowth,
                  maxOffers,
                  Optional.ofNullable(budget),
                  on,
                  Optional.ofNullable(currency),
                  rank)
              : service.forSkills(
                  gap,
                  filter,
                  maxOffers,
                  Optional.ofNullable(budget),
                  on,
                  Optional.ofNullable(currency),
                  rank);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          fmt.equals("json")
              ? JsonConfiguration.cliMapper().writeValueAsString(m) + System.lineSeparator()
              : AnalyticsCsv.match(m));
      out.flush();
    }
    return 0;
  }

  private Map<String, Double> givenSkills() {
    Map<String, Double> gap = new LinkedHashMap<>();
    if (skill != null) {
      skill.forEach(s -> add(gap, s, "--skill"));
    }
    if (skillsFile != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(skillsFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + skillsFile + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (l.isEmpty() || l.startsWith("#") || l.startsWith("uri")) {
          continue;
        }
        add(gap, l.replace(',', '=').replace(';', '='), skillsFile + ": line " + (i + 1));
      }
    }
    return gap;
  }

  private static void add(Map<String, Double> gap, String entry, String where) {
    int eq = entry.lastIndexOf('=');
    String uri = (eq > 0 ? entry.substring(0, eq) : entry).strip();
    double weight = 1.0;
    if (eq > 0) {
      try {
        weight = Double.parseDouble(entry.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + ": '" + entry.substring(eq + 1).strip() + "' is not a weight");
      }
    }
    if (!uri.startsWith("http://data.europa.eu/esco/skill/")) {
      throw new IllegalArgumentException(where + ": '" + uri + "' is not an ESCO skill URI");
    }
    gap.merge(uri, weight, Double::sum);
  }
}
