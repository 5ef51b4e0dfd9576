package eu.skillsobservatory.analytics.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The statistics the analytics report with every figure: a proportion's Wilson interval, the
 * one-sided two-proportion test, the Mann-Kendall trend test with Sen's slope, and the
 * Benjamini-Hochberg adjustment for many tests at once.
 */
public final class Stats {
  private Stats() {}

  /** z for a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  /** A proportion's interval. */
  public record Interval(double low, double high) {}

  /**
   * The Wilson score interval of {@code successes} out of {@code n}: unlike the normal
   * approximation, it stays inside [0, 1] and behaves for small counts and shares near 0.
   */
  public static Interval wilson(long successes, long n, double z) {
    if (n <= 0) {
      return new Interval(0, 1);
    }
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("successes must be 0 to n, not " + successes);
    }
    double p = (double) successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** P(Z > z) for a standard normal Z, accurate in the far tail too. */
  public static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /**
   * The complementary error function, with a fractional error below 1.2e-7 everywhere (Chebyshev
   * fit, Numerical Recipes' {@code erfcc}), so small p-values keep their relative accuracy.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = 0;
    for (int i = ERFC.length - 1; i >= 0; i--) {
      poly = ERFC[i] + t * poly;
    }
    double r = t * Math.exp(-z * z + poly);
    return x >= 0 ? r : 2 - r;
  }

  private static final double[] ERFC = {
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277
  };

  /**
   * One-sided test that the share in the recent window ({@code x1} of {@code n1}) is larger than in
   * the baseline ({@code x2} of {@code n2}), with the pooled standard error.
   *
   * @return the p-value; 1 when either window is empty or nothing was seen at all
   */
  public static double twoProportionIncrease(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return 1;
    }
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) {
      return 1;
    }
    return upperTail((p1 - p2) / se);
  }

  /**
   * The Mann-Kendall test of a series (in time order) with Sen's slope.
   *
   * @param s Kendall's S: pairs rising less pairs falling
   * @param variance S's variance under no trend, corrected for ties
   * @param z the continuity-corrected normal score
   * @param pIncreasing one-sided p-value of an increasing trend
   * @param senSlope the median of the pairwise slopes, per step
   */
  public record Trend(long s, double variance, double z, double pIncreasing, double senSlope) {}

  public static Trend mannKendall(double[] series) {
    int n = series.length;
    long s = 0;
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = series[j] - series[i];
        s += d > 0 ? 1 : d < 0 ? -1 : 0;
        slopes[k++] = d / (j - i);
      }
    }
    double variance = n * (n - 1.0) * (2 * n + 5);
    double[] sorted = series.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      long t = j - i;
      variance -= t * (t - 1.0) * (2 * t + 5);
      i = j;
    }
    variance /= 18;
    double z = 0;
    if (variance > 0) {
      z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
    }
    double slope = 0;
    if (slopes.length > 0) {
      Arrays.sort(slopes);
      int m = slopes.length;
      slope = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
    }
    return new Trend(s, variance, z, variance > 0 ? upperTail(z) : 1, slope);
  }

  /**
   * Benjamini-Hochberg q-values: for each p-value, the smallest false discovery rate at which it
   * would be called significant. Keeping those with q at most alpha controls the expected share of
   * false discoveries at alpha.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] q = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      q[i] = Math.min(1, running);
    }
    return q;
  }
}
