package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.api.analytics.AnalyticsCsv;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emerging}: the emerging skills of a slice, with their evidence. */
@Command(
    name = "emerging",
    mixinStandardHelpOptions = true,
    description = {
      "Emerging skills in a slice of the vacancies held: the last --recent-months complete months",
      "(an incomplete last month of the data is left out, and said so) against the months before",
      "(--baseline-months, 0 for all). Skills with at least --min-support postings over both",
      "windows are tested within sources (and within months of the year when the baseline holds",
      "them a year earlier): a larger share in the recent window (Cochran-Mantel-Haenszel) and a",
      "share rising month by month, months weighted by postings (Cochran-Armitage). The larger",
      "p-value is adjusted across skills (Benjamini-Hochberg) and called at --alpha; the share",
      "ratio within sources must reach --min-lift, the rise hold in one source on its own and",
      "without the top employer. Every result carries its evidence; src/docs/methods.md defines it."
    })
public class EmergingCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SliceOptions sliceOptions;

  @Option(names = "--recent-months", defaultValue = "6", description = "Default: ${DEFAULT-VALUE}.")
  int recentMonths;

  @Option(names = "--baseline-months", defaultValue = "0", description = "Default: all before.")
  int baselineMonths;

  @Option(names = "--min-support", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
  long minSupport;

  @Option(names = "--min-lift", defaultValue = "1.2", description = "Default: ${DEFAULT-VALUE}.")
  double minLift;

  @Option(names = "--alpha", defaultValue = "0.01", description = "Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Non-emerging skills listed too, the fastest growing (default 20).")
  int limit;

  @Option(
      names = "--candidates",
      description = {
        "Instead of ESCO skills, test the phrases of the vacancies' text that no ESCO label",
        "matched: candidate new skills outside ESCO (English texts; JSON only)."
      })
  boolean candidates;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or csv.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "json", "csv");
    Slice slice = sliceOptions.slice();
    Emerging.Settings settings =
        new Emerging.Settings(recentMonths, baselineMonths, minSupport, minLift, alpha);
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("emerging", false, Map.of())) {
      if (candidates) {
        Output.format(format, "json");
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            JsonConfiguration.cliMapper()
                .writeValueAsString(
                    runtime.bean(EmergingReport.class).candidates(slice, settings, limit)));
        out.flush();
        return 0;
      }
      EmergingReport.Report r = runtime.bean(EmergingReport.class).emerging(slice, settings, limit);
      if (r.note() != null) {
        spec.commandLine()
            .getErr()
            .println((r.recentFrom() == null ? "Nothing tested: " : "Note: ") + r.note());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(r));
      } else {
        out.print(AnalyticsCsv.emerging(r));
      }
      out.flush();
    }
    return 0;
  }
}
