package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.offer.OfferService;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offers stats} and {@code offers show}: what the offers index holds. */
@Command(
    name = "offers",
    mixinStandardHelpOptions = true,
    description = "The training offers held.",
    subcommands = {OffersCommand.Stats.class, OffersCommand.Show.class})
public class OffersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name an offers command");
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description =
          "Training offers held: in all, per source, country and mode, and how their"
              + " skills came (given, extracted, none).")
  static class Stats implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("offers stats", false, Map.of())) {
        TrainingOffers.Stats s = runtime.bean(OfferService.class).stats();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
          out.println(JsonConfiguration.cliMapper().writeValueAsString(s));
        } else {
          out.printf(
              Locale.ROOT,
              "%,d training offers: skills given for %,d, extracted for %,d, none for %,d%n",
              s.offers(),
              s.withGivenSkills(),
              s.withExtractedSkills(),
              s.withoutSkills());
          s.bySource().forEach((k, n) -> out.printf(Locale.ROOT, "  source  %-24s %,8d%n", k, n));
          s.byCountry().forEach((k, n) -> out.printf(Locale.ROOT, "  country %-24s %,8d%n", k, n));
          s.byMode().forEach((k, n) -> out.printf(Locale.ROOT, "  mode    %-24s %,8d%n", k, n));
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
        "One training offer as held: its fields, learning outcomes, and every skill with where it",
        "came from. Exit 2 when no offer has this source and id."
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
      try (CommandRuntime runtime = root.start("offers show", false, Map.of())) {
        var v = runtime.bean(OfferService.class).offer(source, id);
        if (v.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println("no training offer " + source + "/" + id + " is held");
          return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonConfiguration.cliMapper().writeValueAsString(v.get()));
        out.flush();
      }
      return 0;
    }
  }
}
