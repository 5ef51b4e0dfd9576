package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.extract.CrossValidation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The candidate settings of {@code evaluate extraction --folds}, and its report as text. */
final class ExtractionFolds {
  private ExtractionFolds() {}

  /**
   * Around the defaults, the three settings that weigh most: 27 candidates. Each axis lists the
   * default first: candidates that score the same are told apart by their order, so a tie keeps the
   * default and only what the data asks for changes.
   */
  static final String DEFAULT_GRID =
      "spans=0.75|0.6|0.9;lexical=0.6|0.45|0.8;minCosine=0.3|0.25|0.35";

  /**
   * Every combination of a grid {@code name=v1|v2;name=v1|v2} as settings changes ({@code
   * name=v1,name=v1}).
   */
  static List<String> candidates(String grid) {
    List<String> out = new ArrayList<>(List.of(""));
    for (String axis : grid.split(";")) {
      if (axis.isBlank()) {
        continue;
      }
      String[] kv = axis.strip().split("=", 2);
      if (kv.length != 2 || kv[1].isBlank()) {
        throw new IllegalArgumentException("--grid: NAME=V1|V2;NAME=V1|V2, not '" + axis + "'");
      }
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String v : kv[1].split("\\|")) {
          next.add((prefix.isEmpty() ? "" : prefix + ",") + kv[0].strip() + "=" + v.strip());
        }
      }
      out = next;
    }
    return out;
  }

  static void print(PrintWriter out, CrossValidation.Report r) {
    out.printf(
        Locale.ROOT,
        "%d-fold cross-validation over %d sentences (seed %d), %d candidate settings%n",
        r.folds(),
        r.sentences(),
        r.seed(),
        r.wholeRp5().size());
    for (CrossValidation.Fold f : r.perFold()) {
      out.printf(
          Locale.ROOT,
          "  fold %d (%d sentences): chose %s (RP@5 %.2f on the other folds), RP@5 %.2f held out%n",
          f.fold(),
          f.sentences(),
          f.chosen(),
          f.tunedRp5(),
          f.heldRp5());
    }
    double best = r.wholeRp5().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    out.printf(
        Locale.ROOT,
        "held-out RP@5 %.2f +- %.2f (mean and standard deviation over the folds)%n"
            + "best RP@5 tuned and scored on all sentences at once: %.2f (the optimism of tuning"
            + " on everything: %.2f points)%n"
            + "chosen most often: %s (RP@5 %.2f on all sentences)%n",
        r.meanRp5(),
        r.sdRp5(),
        best,
        best - r.meanRp5(),
        r.mostChosen(),
        r.wholeRp5().get(r.mostChosen()));
  }
}
