package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.demand.DemandLevel;
import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.api.analytics.AnalyticsCsv;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demand}: skill demand for a slice of the vacancies held. */
@Command(
    name = "demand",
    mixinStandardHelpOptions = true,
    description = {
      "Skill demand in a slice of the vacancies held: postings, the postings mentioning each skill",
      "with the share and its 95 % Wilson interval, the shares of digital, green and transversal",
      "skills, and postings per 1,000 employed where the employment statistics have the slice.",
      "Duplicates are left out unless --include-duplicates."
    })
public class DemandCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SliceOptions sliceOptions;

  @Option(names = "--group-by", description = "sector, country, region, month, isco or occupation.")
  String groupBy;

  @Option(names = "--limit", defaultValue = "20", description = "Skills per group (1 to 1000).")
  int limit;

  @Option(
      names = "--level",
      defaultValue = "skill",
      description = "skill (default) or group: skills rolled up to their nearest ESCO skill group.")
  String level;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or csv.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "json", "csv");
    Slice slice = sliceOptions.slice();
    Optional<GroupBy> by = Optional.ofNullable(groupBy).map(GroupBy::parse);
    DemandLevel lvl = DemandLevel.parse(level);
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("demand", false, Map.of())) {
      DemandReport.Demand d = runtime.bean(DemandReport.class).demand(slice, by, limit, lvl);
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(d));
      } else {
        out.print(AnalyticsCsv.demand(d));
      }
      out.flush();
    }
    return 0;
  }
}
