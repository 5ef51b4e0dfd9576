package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-fold cross-validation of extraction settings: the sentences are dealt into k folds at random (a
 * fixed seed); for each fold, the candidate settings with the best mean RP@5 on the other folds are
 * chosen and scored on the fold held out. The mean and spread of those held-out scores is what
 * settings chosen this way give on sentences they were not chosen on; the settings chosen most
 * often are the ones to make the defaults.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * One fold.
   *
   * @param chosen the settings chosen on the other folds
   * @param tunedRp5 their RP@5 on the other folds
   * @param heldRp5 their RP@5 on this fold
   */
  public record Fold(int fold, int sentences, String chosen, double tunedRp5, double heldRp5) {}

  /**
   * @param meanRp5 the mean of the held-out RP@5 over the folds
   * @param sdRp5 its standard deviation over the folds
   * @param mostChosen the settings chosen by most folds (the first of them on a tie)
   * @param wholeRp5 each candidate's RP@5 on all sentences at once (what tuning on everything would
   *     see)
   */
  public record Report(
      int folds,
      int sentences,
      long seed,
      List<Fold> perFold,
      double meanRp5,
      double sdRp5,
      String mostChosen,
      Map<String, Double> wholeRp5) {}

  /**
   * @param rp5 per candidate (settings as {@code name=value,...}), the RP@5 (0 to 1) of each
   *     sentence, all in the same sentence order
   */
  public static Report run(Map<String, double[]> rp5, int k, long seed) {
    if (rp5.isEmpty()) {
      throw new IllegalArgumentException("no candidate settings");
    }
    int n = rp5.values().iterator().next().length;
    if (k < 2 || k > n) {
      throw new IllegalArgumentException("folds: 2 to " + n + " (the sentences), not " + k);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] foldOf = new int[n];
    for (int i = 0; i < n; i++) {
      foldOf[order.get(i)] = i % k;
    }
    List<Fold> folds = new ArrayList<>();
    Map<String, Integer> chosenCount = new LinkedHashMap<>();
    for (int f = 0; f < k; f++) {
      String best = null;
      double bestScore = -1;
      for (Map.Entry<String, double[]> c : rp5.entrySet()) {
        double s = mean(c.getValue(), foldOf, f, false);
        if (s > bestScore) {
          best = c.getKey();
          bestScore = s;
        }
      }
      int size = 0;
      for (int i = 0; i < n; i++) {
        size += foldOf[i] == f ? 1 : 0;
      }
      folds.add(
          new Fold(
              f + 1,
              size,
              best,
              round(100 * bestScore),
              round(100 * mean(rp5.get(best), foldOf, f, true))));
      chosenCount.merge(best, 1, Integer::sum);
    }
    double mean = folds.stream().mapToDouble(Fold::heldRp5).average().orElse(0);
    double var = folds.stream().mapToDouble(x -> (x.heldRp5() - mean) * (x.heldRp5() - mean)).sum();
    double sd = Math.sqrt(var / Math.max(1, k - 1));
    String most = null;
    for (Map.Entry<String, Integer> e : chosenCount.entrySet()) {
      if (most == null || e.getValue() > chosenCount.get(most)) {
        most = e.getKey();
      }
    }
    Map<String, Double> whole = new LinkedHashMap<>();
    rp5.forEach((name, v) -> whole.put(name, round(100 * mean(v, foldOf, -1, false))));
    return new Report(k, n, seed, folds, round(mean), round(sd), most, whole);
  }

  /** The mean over the sentences of fold {@code f} (held) or of the others; f = -1: all. */
  private static double mean(double[] v, int[] foldOf, int f, boolean held) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < v.length; i++) {
      if (f < 0 || (foldOf[i] == f) == held) {
        sum += v[i];
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
