package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.cli.Output;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate occupation-titles}: title coding at the ISCO unit group, on labelled titles. */
@Command(
    name = "occupation-titles",
    mixinStandardHelpOptions = true,
    description = {
      "Score the coding of advert titles at the ISCO-08 unit group: FILE is a CSV of title and",
      "isco (the acceptable unit groups, separated by |), such as",
      "data/occupation-titles/advert-titles-en.csv. Uncoded titles count as wrong."
    })
public class OccupationTitlesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A CSV with the columns title and isco.")
  Path file;

  @Option(names = "--lang", defaultValue = "en", description = "The titles' language.")
  String language;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  @Override
  public Integer call() {
    return Output.report(
        spec,
        "evaluate occupation-titles",
        format,
        runtime ->
            runtime
                .bean(OccupationTitlesCheck.class)
                .check(file, language, ConsoleProgress.forStderr()),
        (out, r) -> {
          out.printf(
              Locale.ROOT,
              "titles %,d; coded %,d; right at the unit group %,d (%.1f %%); confidence >= 0.8:"
                  + " %,d, of which right %,d%n",
              r.titles(),
              r.coded(),
              r.right(),
              100 * r.accuracy(),
              r.confident(),
              r.confidentRight());
          for (OccupationTitlesCheck.Miss m : r.misses()) {
            out.printf(
                Locale.ROOT,
                "  %s -> %s (%s, %s) wanted %s%n",
                m.title(),
                m.label() == null ? "not coded" : m.label(),
                m.isco(),
                m.confidence(),
                m.acceptable());
          }
        });
  }
}
