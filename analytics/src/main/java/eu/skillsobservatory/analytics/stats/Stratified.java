package eu.skillsobservatory.analytics.stats;

import java.util.List;

/**
 * Tests of a rise that hold the strata of the data apart (sources, months of the year, presence of
 * another skill): a shift in the mix of strata moves no statistic here, only a change inside the
 * strata does.
 *
 * <ul>
 *   <li>{@link #windows}: the Cochran-Mantel-Haenszel test of a larger share in the recent window
 *       than in the baseline, with the Mantel-Haenszel risk ratio and odds ratio (the odds ratio's
 *       variance by Robins, Breslow and Greenland, 1986);
 *   <li>{@link #trend}: the Cochran-Armitage test of a share rising with time, extended across
 *       strata by Mantel (1963): each period weighs by its postings, so a thin month counts little.
 * </ul>
 *
 * Both are one-sided (a rise) and use the normal approximation, with the continuity correction on
 * the window test.
 */
public final class Stratified {
  private Stratified() {}

  /**
   * One stratum's two windows: {@code x1} of {@code n1} recent postings mention the skill, {@code
   * x2} of {@code n2} baseline postings.
   */
  public record Table(long x1, long n1, long x2, long n2) {
    public Table {
      if (n1 < 0 || n2 < 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
        throw new IllegalArgumentException(
            "a table needs 0 <= x <= n, not " + x1 + "/" + n1 + ", " + x2 + "/" + n2);
      }
    }

    /** A table with postings in both windows: the others tell nothing about a change. */
    public boolean informative() {
      return n1 > 0 && n2 > 0;
    }
  }

  /**
   * @param z the continuity-corrected normal score of the recent window's excess mentions
   * @param p one-sided p-value of a rise; 1 when no stratum has both windows or nothing varies
   * @param riskRatio the Mantel-Haenszel estimate of recent share / baseline share (NaN when no
   *     stratum has both windows; infinite when the baseline never mentions the skill)
   * @param oddsRatio the Mantel-Haenszel common odds ratio
   * @param logOddsRatioSe the standard error of its logarithm (Robins-Breslow-Greenland); NaN when
   *     the odds ratio is 0 or infinite
   * @param strata strata with postings in both windows
   */
  public record WindowTest(
      double z, double p, double riskRatio, double oddsRatio, double logOddsRatioSe, int strata) {
    /**
     * The upper end of the odds ratio's two-sided confidence interval at normal score {@code z}.
     */
    public double oddsRatioHigh(double zScore) {
      if (Double.isNaN(logOddsRatioSe)) {
        return oddsRatio == 0 ? 0 : Double.POSITIVE_INFINITY;
      }
      return Math.exp(Math.log(oddsRatio) + zScore * logOddsRatioSe);
    }
  }

  /** The Cochran-Mantel-Haenszel test of a rise across the strata. */
  public static WindowTest windows(List<Table> tables) {
    double observed = 0;
    double expected = 0;
    double variance = 0;
    double rrNum = 0;
    double rrDen = 0;
    double orNum = 0;
    double orDen = 0;
    // Robins-Breslow-Greenland sums.
    double pr = 0;
    double psqr = 0;
    double qs = 0;
    int strata = 0;
    for (Table t : tables) {
      if (!t.informative()) {
        continue;
      }
      strata++;
      double n = t.n1() + t.n2();
      double m = t.x1() + t.x2();
      observed += t.x1();
      expected += t.n1() * m / n;
      if (n > 1) {
        variance += t.n1() * (double) t.n2() * m * (n - m) / (n * n * (n - 1));
      }
      rrNum += t.x1() * (double) t.n2() / n;
      rrDen += t.x2() * (double) t.n1() / n;
      double a = t.x1();
      double b = t.n1() - t.x1();
      double c = t.x2();
      double d = t.n2() - t.x2();
      double r = a * d / n;
      double s = b * c / n;
      double pp = (a + d) / n;
      double qq = (b + c) / n;
      orNum += r;
      orDen += s;
      pr += pp * r;
      psqr += pp * s + qq * r;
      qs += qq * s;
    }
    if (strata == 0) {
      return new WindowTest(0, 1, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double riskRatio =
        rrDen == 0 ? (rrNum == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : rrNum / rrDen;
    double oddsRatio =
        orDen == 0 ? (orNum == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : orNum / orDen;
    double se =
        orNum > 0 && orDen > 0
            ? Math.sqrt(
                pr / (2 * orNum * orNum) + psqr / (2 * orNum * orDen) + qs / (2 * orDen * orDen))
            : Double.NaN;
    if (variance <= 0) {
      return new WindowTest(0, 1, riskRatio, oddsRatio, se, strata);
    }
    double excess = observed - expected;
    // The continuity correction moves the excess half a posting towards no change.
    double corrected = excess > 0 ? Math.max(0, excess - 0.5) : Math.min(0, excess + 0.5);
    double z = corrected / Math.sqrt(variance);
    return new WindowTest(z, Stats.upperTail(z), riskRatio, oddsRatio, se, strata);
  }

  /**
   * One stratum's periods in time order: {@code scores[i]} the period's position in time (months
   * since the first, say), {@code postings[i]} its postings, {@code mentions[i]} those mentioning
   * the skill.
   */
  public record Series(double[] scores, long[] postings, long[] mentions) {
    public Series {
      if (scores.length != postings.length || postings.length != mentions.length) {
        throw new IllegalArgumentException("scores, postings and mentions differ in length");
      }
      for (int i = 0; i < postings.length; i++) {
        if (mentions[i] < 0 || mentions[i] > postings[i]) {
          throw new IllegalArgumentException(
              "period " + i + ": mentions must be 0 to postings, not " + mentions[i]);
        }
      }
    }
  }

  /**
   * @param z the normal score of the trend statistic
   * @param p one-sided p-value of a share rising with time; 1 when nothing varies
   * @param slope the pooled least-squares slope of the share per unit of score, weighted by
   *     postings within the strata (the estimate the statistic tests)
   */
  public record TrendTest(double z, double p, double slope) {}

  /** The Cochran-Armitage test of a rising share, stratified (Mantel's extension). */
  public static TrendTest trend(List<Series> strata) {
    double statistic = 0;
    double variance = 0;
    double sxx = 0;
    for (Series s : strata) {
      double n = 0;
      double x = 0;
      double sumT = 0;
      double sumT2 = 0;
      double sumTX = 0;
      for (int i = 0; i < s.postings().length; i++) {
        n += s.postings()[i];
        x += s.mentions()[i];
        sumT += s.scores()[i] * s.postings()[i];
        sumT2 += s.scores()[i] * s.scores()[i] * s.postings()[i];
        sumTX += s.scores()[i] * s.mentions()[i];
      }
      if (n < 2) {
        continue;
      }
      double share = x / n;
      double spread = sumT2 - sumT * sumT / n;
      statistic += sumTX - share * sumT;
      variance += x * (n - x) / (n * (n - 1)) * spread;
      sxx += spread;
    }
    double slope = sxx > 0 ? statistic / sxx : 0;
    if (variance <= 0) {
      return new TrendTest(0, 1, slope);
    }
    double z = statistic / Math.sqrt(variance);
    return new TrendTest(z, Stats.upperTail(z), slope);
  }
}
