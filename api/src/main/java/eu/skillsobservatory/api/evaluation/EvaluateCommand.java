package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.cli.CommandRuntime;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.cli.EscoCommand;
import eu.skillsobservatory.api.cli.ObservatoryCommand;
import eu.skillsobservatory.api.cli.Output;
import eu.skillsobservatory.api.cli.VersionOption;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.offer.OfferService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate extraction FILE.csv}: the extraction quality on a benchmark file. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Measure the product's quality on benchmark data.",
    subcommands = {
      EvaluateCommand.Extraction.class,
      EvaluateCommand.Deduplication.class,
      EvaluateCommand.OccupationCoding.class,
      OccupationTitlesCommand.class,
      EvaluateCommand.EmergingSkills.class,
      EvaluateCommand.Offers.class
    })
public class EvaluateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name what to evaluate");
  }

  @Command(
      name = "extraction",
      mixinStandardHelpOptions = true,
      description = {
        "Score skill extraction on benchmark CSVs (columns sentence, label; labels are ESCO",
        "preferred labels): RP@1, RP@5, RP@10 and MRR, as in Decorte et al. With --folds K,",
        "cross-validate the settings of --grid over the sentences of all the files together:",
        "settings chosen on K-1 folds, scored on the fold held out."
      })
  static class Extraction implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = "The benchmark files.")
    List<Path> files;

    @Option(
        names = "--folds",
        defaultValue = "0",
        description = "Cross-validate the --grid settings in K folds (2 or more; 0: do not).")
    int folds;

    @Option(
        names = "--grid",
        defaultValue = ExtractionFolds.DEFAULT_GRID,
        paramLabel = "NAME=V1|V2;...",
        description = "The candidate settings of --folds (default: ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--seed", defaultValue = "1", description = "How the folds are dealt.")
    long seed;

    @Option(names = "--extraction", description = "fast, full or both (default: full).")
    String mode = "full";

    /** The name {@code --extraction} had before, kept for scripts that use it. */
    @Option(names = "--mode", hidden = true, paramLabel = "MODE")
    void oldModeName(String value) {
      this.mode = value;
    }

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Option(
        names = "--settings",
        defaultValue = "",
        paramLabel = "NAME=VALUE,...",
        description = {
          "Try other extraction settings: preferred, alternative, hidden, freeOrder,",
          "genericWord, lexical, candidates, minCosine (e.g. lexical=0.5)."
        })
    String settings;

    @Mixin VersionOption version;

    @Override
    public Integer call() {
      String fmt = Output.format(format, "text", "json");
      List<ExtractionMode> modes =
          mode.strip().equalsIgnoreCase("both")
              ? List.of(ExtractionMode.FAST, ExtractionMode.FULL)
              : List.of(ExtractionMode.parse(mode));
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("evaluate extraction", false, Map.of())) {
        ExtractionService service = runtime.bean(ExtractionService.class);
        PrintWriter out = spec.commandLine().getOut();
        if (folds != 0) {
          var report =
              service.crossValidate(
                  files,
                  modes.get(modes.size() - 1),
                  version.version(),
                  ExtractionFolds.candidates(grid),
                  folds,
                  seed,
                  ConsoleProgress.forStderr());
          if (fmt.equals("json")) {
            out.println(EscoCommand.json(report));
          } else {
            ExtractionFolds.print(out, report);
          }
          out.flush();
          return 0;
        }
        List<ExtractionService.Evaluation> results = new ArrayList<>();
        for (Path file : files) {
          for (ExtractionMode m : modes) {
            results.add(
                service.evaluate(
                    file, m, version.version(), settings, ConsoleProgress.forStderr()));
          }
        }
        if (fmt.equals("json")) {
          out.println(EscoCommand.json(results.size() == 1 ? results.get(0) : results));
        } else {
          for (ExtractionService.Evaluation e : results) {
            var s = e.scores();
            out.printf(
                Locale.ROOT,
                "%s  mode %s  ESCO %s  sentences %d%n  RP@1 %.2f  RP@5 %.2f  RP@10 %.2f  MRR %.3f%n",
                e.file(),
                e.mode().name().toLowerCase(Locale.ROOT),
                e.escoVersion(),
                s.sentences(),
                s.rp1(),
                s.rp5(),
                s.rp10(),
                s.mrr());
            if (!e.unresolvedLabels().isEmpty()) {
              out.printf(
                  Locale.ROOT,
                  "  %d gold labels name no skill of this version (counted as misses): %s%n",
                  e.unresolvedLabels().size(),
                  String.join("; ", e.unresolvedLabels()));
            }
          }
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "deduplication",
      mixinStandardHelpOptions = true,
      description = {
        "Score the duplicate marks of the vacancies held against a generated corpus: CORPUS is",
        "the file 'generate vacancies' wrote (its CORPUS.truth.json lists the planted reposts);",
        "ingest CORPUS first."
      })
  static class Deduplication implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", description = "The generated vacancy file.")
    Path corpus;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      return Output.report(
          spec,
          "evaluate deduplication",
          format,
          runtime -> runtime.bean(DeduplicationCheck.class).check(corpus),
          (out, r) -> {
            out.printf(
                Locale.ROOT,
                "planted reposts %,d, found %,d (recall %.2f %%); originals %,d, marked as duplicates"
                    + " %,d (%.2f %%); not in the index %,d%n",
                r.planted(),
                r.found(),
                100 * r.recall(),
                r.originals(),
                r.falseDuplicates(),
                100 * r.falseRate(),
                r.missing());
            if (r.sharedTextOriginals() > 0) {
              out.printf(
                  Locale.ROOT,
                  "  adverts of large employers sharing a long company text %,d, marked as"
                      + " duplicates %,d (%.2f %%)%n",
                  r.sharedTextOriginals(),
                  r.sharedTextMerged(),
                  100 * r.sharedTextMergedRate());
            }
          });
    }
  }

  @Command(
      name = "occupation-coding",
      mixinStandardHelpOptions = true,
      description = {
        "Score the coding of job titles to ESCO occupations: every row of FILE that gives an",
        "ESCO occupation URI has its title coded as if it came alone, and the coding is compared",
        "with the occupation given. FILE is any vacancy file in the ingest schema."
      })
  static class OccupationCoding implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A vacancy file (CSV, JSON Lines, .gz).")
    Path file;

    @Option(names = "--limit", defaultValue = "1000000", description = "Rows scored at most.")
    long limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit: at least 1");
      }
      return Output.report(
          spec,
          "evaluate occupation-coding",
          format,
          runtime ->
              runtime
                  .bean(OccupationCodingCheck.class)
                  .check(file, limit, ConsoleProgress.forStderr()),
          (out, r) -> {
            out.printf(
                Locale.ROOT,
                "titles with a known occupation %,d; coded %,d (%.2f %%); right %,d (accuracy %.2f"
                    + " %%); same ISCO unit group %,d; confidence >= 0.8: %,d, of which right %,d%n",
                r.labelled(),
                r.coded(),
                100 * r.coverage(),
                r.correct(),
                100 * r.accuracy(),
                r.sameIscoGroup(),
                r.confident(),
                r.confidentCorrect());
          });
    }
  }

  @Command(
      name = "emerging",
      mixinStandardHelpOptions = true,
      description = {
        "Score emerging-skill detection (default settings) against a generated corpus: CORPUS is",
        "the file 'generate vacancies' wrote, ingested first; its truth lists the planted skills",
        "and their sectors. A corpus made with --emerging 0 measures the share of tested skills",
        "called emerging where nothing rises."
      })
  static class EmergingSkills implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", description = "The generated vacancy file.")
    Path corpus;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      return Output.report(
          spec,
          "evaluate emerging",
          format,
          runtime -> runtime.bean(EmergingCheck.class).check(corpus, Emerging.Settings.DEFAULTS),
          (out, r) -> {
            out.printf(
                Locale.ROOT,
                "planted %d, found %d (recall %.2f); called emerging %d (precision %.2f); tested %,d"
                    + " (%.2f %% called)%n",
                r.planted(),
                r.found(),
                r.recall(),
                r.called(),
                r.precision(),
                r.tested(),
                100 * r.calledShare());
            r.unplanted()
                .forEach((s, l) -> l.forEach(x -> out.println("  not planted, " + s + ": " + x)));
            r.missed().forEach(x -> out.println("  missed: " + x));
            r.cases()
                .forEach(
                    (kind, n) ->
                        out.printf(
                            Locale.ROOT,
                            "  %s: %d of %d skill-sector pairs called emerging%n",
                            kind,
                            r.falseCalls().get(kind),
                            n));
            if (r.incompleteMonth() != null) {
              long left =
                  r.excludedMonths().values().stream().filter(r.incompleteMonth()::equals).count();
              out.printf(
                  Locale.ROOT,
                  "  incomplete month %s left out in %d of %d sectors%n",
                  r.incompleteMonth(),
                  left,
                  r.excludedMonths().size());
            }
            if (r.newTerms() > 0) {
              out.printf(
                  Locale.ROOT,
                  "planted terms outside ESCO %d, among the rising candidate phrases %d; candidates"
                      + " called %d%n",
                  r.newTerms(),
                  r.newTermsFound(),
                  r.candidatesCalled());
              r.candidates().forEach((sec, l) -> out.println("  candidates, " + sec + ": " + l));
            }
          });
    }
  }

  @Command(
      name = "offers",
      mixinStandardHelpOptions = true,
      description = {
        "Score the skills found in training offers' learning outcomes against the truth of a",
        "catalogue made by 'generate offers' (FILE.truth.json beside FILE): for the offers that",
        "give no skill URIs, the skills extracted from their outcome texts against the skills",
        "they were written from (recall and precision)."
      })
  static class Offers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A catalogue made by 'generate offers'.")
    Path file;

    @Option(names = "--extraction", description = "fast (default) or full.")
    String mode = "fast";

    /** The name {@code --extraction} had before, kept for scripts that use it. */
    @Option(names = "--mode", hidden = true, paramLabel = "MODE")
    void oldModeName(String value) {
      this.mode = value;
    }

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
      var m = ExtractionMode.parse(mode);
      return Output.report(
          spec,
          "evaluate offers",
          format,
          runtime ->
              runtime.bean(OfferService.class).evaluate(file, m, ConsoleProgress.forStderr()),
          (out, r) ->
              out.printf(
                  Locale.ROOT,
                  "%s (%s): %,d offers without given skills; %,d skills taught, %,d extracted, %,d"
                      + " right: recall %.2f %%, precision %.2f %% (%.1f s)%n",
                  r.file(),
                  r.mode(),
                  r.offers(),
                  r.truth(),
                  r.extracted(),
                  r.right(),
                  100 * r.recall(),
                  100 * r.precision(),
                  r.seconds()));
    }
  }
}
