package eu.skillsobservatory.api.generate;

import eu.skillsobservatory.analytics.offer.OfferGenerator;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator;
import eu.skillsobservatory.api.cli.CommandRuntime;
import eu.skillsobservatory.api.cli.ObservatoryCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate vacancies}: a synthetic, honestly labelled vacancy corpus. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Make synthetic data.",
    subcommands = {GenerateCommand.Vacancies.class, GenerateCommand.Offers.class})
public class GenerateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name what to generate");
  }

  @Command(
      name = "vacancies",
      mixinStandardHelpOptions = true,
      description = {
        "Write N synthetic vacancies (JSON Lines; gzipped when OUT ends in .gz) in the ingest",
        "schema, from the current ESCO version and the Eurostat employment table, and beside",
        "them OUT.truth.json: the planted near-duplicates and emerging skills."
      })
  static class Vacancies implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--n", required = true, description = "How many vacancies.")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
    long seed;

    @Option(names = "--from", defaultValue = "2023-01", description = "First month (yyyy-MM).")
    String from;

    @Option(names = "--months", defaultValue = "24", description = "Months covered (default 24).")
    int months;

    @Option(
        names = "--emerging",
        defaultValue = "5",
        description = "Skills planted as emerging, one per sector (0 to 5; 0 for no trend).")
    int emerging;

    @Option(
        names = "--new-terms",
        defaultValue = "0",
        description = "Terms outside ESCO planted as rising, one per sector (0 to 5; default 0).")
    int newTerms;

    @Option(
        names = "--cases",
        description = {
          "Plant the hard cases of real feeds too, each in the truth: a portal joining after 55 %%",
          "of the months that names 3 skills in its template, one employer's hiring campaign",
          "(2 skills, sector C, last 4 months), 4 seasonal skills (sectors F and M, July to",
          "December), a volume ramp with thin first months, an incomplete last month (10 days),",
          "large employers whose adverts share a 230-word company text, and reposts edited as",
          "aggregators edit them (gender marker, legal form, a sentence, a few words, line breaks)."
        })
    boolean cases;

    @Option(
        names = "--employment",
        defaultValue = "data/eurostat/lfsa_eisn2_long.csv",
        description = "The Eurostat employment table (default: the shipped one).")
    Path employment;

    @Override
    public Integer call() {
      YearMonth first;
      try {
        first = YearMonth.parse(from);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--from: '" + from + "' is not a month like 2023-01");
      }
      VacancyGenerator.Settings settings =
          new VacancyGenerator.Settings(n, seed, first, months, emerging, newTerms, cases);
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("generate vacancies", false, Map.of())) {
        long start = System.nanoTime();
        VacancyGenerator.Truth truth =
            runtime.bean(SampleCorpus.class).write(settings, employment, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
            Locale.ROOT,
            "%s: %,d synthetic vacancies (%,d planted near-duplicates, %d planted emerging skills,"
                + " %d skills of hard cases) in %.1f s; truth in %s.truth.json%n",
            out,
            truth.vacancies(),
            truth.duplicates(),
            truth.emerging().size(),
            truth.cases().size(),
            (System.nanoTime() - start) / 1e9,
            out.getFileName());
        w.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "offers",
      mixinStandardHelpOptions = true,
      description = {
        "Write N synthetic training offers (JSON Lines in the offer schema; gzipped when OUT ends",
        "in .gz) for real ESCO occupations weighted by Eurostat employment, teaching subsets of",
        "their essential skills, and beside them OUT.truth.json: each offer's taught skills and",
        "each occupation's essential skills no offer teaches (the planted gaps)."
      })
  static class Offers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--n", required = true, description = "How many offers.")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
    long seed;

    @Option(
        names = "--from",
        defaultValue = "2025-01",
        description = "Month of the first start dates (yyyy-MM; default 2025-01).")
    String from;

    @Option(
        names = "--employment",
        defaultValue = "data/eurostat/lfsa_eisn2_long.csv",
        description = "The Eurostat employment table (default: the shipped one).")
    Path employment;

    @Override
    public Integer call() {
      YearMonth first;
      try {
        first = YearMonth.parse(from);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--from: '" + from + "' is not a month like 2025-01");
      }
      var settings = new OfferGenerator.Settings(n, seed, first);
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("generate offers", false, Map.of())) {
        long start = System.nanoTime();
        var truth = runtime.bean(SampleCorpus.class).writeOffers(settings, employment, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
            Locale.ROOT,
            "%s: %,d synthetic training offers for %,d occupations (each with its untaught"
                + " essential skills) in %.1f s; truth in %s.truth.json%n",
            out,
            truth.offers(),
            truth.untaught().size(),
            (System.nanoTime() - start) / 1e9,
            out.getFileName());
        w.flush();
      }
      return 0;
    }
  }
}
