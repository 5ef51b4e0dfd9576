package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.api.analytics.AnalyticsCsv;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gaps}: demanded skills against the training offers in scope. */
@Command(
    name = "gaps",
    mixinStandardHelpOptions = true,
    description = {
      "Skill gaps of a slice of the vacancies against the training offers in scope (the offers of",
      "the slice's country or region, filtered): each demanded skill's weight (share x growth),",
      "the offers teaching it with their hours and EQF levels, and its gap score (weight / (1 +",
      "offers)); and the essential ESCO skills of the slice's most demanded occupations that no",
      "offer in scope teaches."
    })
public class GapsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SliceOptions sliceOptions;

  @CommandLine.Mixin OfferScopeOptions scope;

  @Option(names = "--limit", defaultValue = "50", description = "Demanded skills (1 to 1000).")
  int limit;

  @Option(
      names = "--occupations",
      defaultValue = "10",
      description = "Most demanded occupations checked (0 to 100).")
  int occupations;

  @Option(names = "--no-growth", description = "Weigh skills by share only (no trend run).")
  boolean noGrowth;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or csv.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "json", "csv");
    var slice = sliceOptions.slice();
    var filter = scope.filter(sliceOptions);
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("gaps", false, Map.of())) {
      GapAnalysis.Gaps g =
          runtime.bean(GapAnalysis.class).gaps(slice, filter, limit, occupations, !noGrowth);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          fmt.equals("json")
              ? JsonConfiguration.cliMapper().writeValueAsString(g) + System.lineSeparator()
              : AnalyticsCsv.gaps(g));
      out.flush();
    }
    return 0;
  }
}
