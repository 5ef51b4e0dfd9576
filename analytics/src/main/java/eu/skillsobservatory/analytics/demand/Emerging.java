package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.stats.Stats;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Emerging skills: those whose share of postings rose. The months of a slice are split into a
 * baseline and a recent window; a skill is emerging when it has enough support in the recent
 * window, its share there is significantly larger than in the baseline (one-sided two-proportion
 * test), its monthly share has an increasing monotonic trend (Mann-Kendall), and both hold after
 * the Benjamini-Hochberg adjustment across all skills tested. Every result carries its evidence.
 */
public final class Emerging {
  private Emerging() {}

  /**
   * @param recentMonths months in the recent window, the last ones of the series
   * @param baselineMonths months in the baseline, those just before the window (0: all before)
   * @param minSupport postings in the recent window mentioning the skill, at least
   * @param minLift recent share / baseline share, at least
   * @param alpha the false discovery rate at which both tests are called
   */
  public record Settings(
      int recentMonths, int baselineMonths, long minSupport, double minLift, double alpha) {
    public static final Settings DEFAULTS = new Settings(6, 0, 20, 1.2, 0.01);

    /** Months a window may span: 100 years, far past any data, and no overflow of a date. */
    public static final int MAX_MONTHS = 1200;

    public Settings {
      if (recentMonths < 1 || recentMonths > MAX_MONTHS) {
        throw new IllegalArgumentException(
            "recentMonths: 1 to " + MAX_MONTHS + ", not " + recentMonths);
      }
      if (baselineMonths < 0 || baselineMonths > MAX_MONTHS) {
        throw new IllegalArgumentException(
            "baselineMonths: 0 (all) to " + MAX_MONTHS + ", not " + baselineMonths);
      }
      if (minSupport < 1) {
        throw new IllegalArgumentException("minSupport: at least 1, not " + minSupport);
      }
      if (!(minLift >= 1)) {
        throw new IllegalArgumentException("minLift: at least 1, not " + minLift);
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha: between 0 and 1, not " + alpha);
      }
    }
  }

  /** Postings per month of the slice, and per month mentioning each skill. */
  public record Series(
      SortedMap<YearMonth, Long> postings, Map<String, Map<YearMonth, Long>> skills) {}

  /**
   * One skill's evidence.
   *
   * @param recent postings mentioning it in the recent window, of {@code recentPostings}
   * @param baseline postings mentioning it in the baseline, of {@code baselinePostings}
   * @param lift recent share / baseline share (infinite when it was never seen before)
   * @param pIncrease one-sided p-value of the two-proportion test
   * @param qIncrease its Benjamini-Hochberg q-value across the skills tested
   * @param pTrend one-sided p-value of the Mann-Kendall test on the monthly shares
   * @param qTrend its q-value
   * @param slope Sen's slope of the monthly share, per month
   * @param monthly postings mentioning it, month by month
   * @param explainedBy an emerging skill whose label holds all the words of one of this skill's
   *     labels: the rise is that skill's, found again in part of its words; null otherwise
   */
  public record Result(
      String uri,
      boolean emerging,
      long recent,
      long recentPostings,
      long baseline,
      long baselinePostings,
      double recentShare,
      double baselineShare,
      double lift,
      double pIncrease,
      double qIncrease,
      double pTrend,
      double qTrend,
      double slope,
      List<Long> monthly,
      String explainedBy) {
    Result explained(String by) {
      return new Result(
          uri,
          false,
          recent,
          recentPostings,
          baseline,
          baselinePostings,
          recentShare,
          baselineShare,
          lift,
          pIncrease,
          qIncrease,
          pTrend,
          qTrend,
          slope,
          monthly,
          by);
    }
  }

  /**
   * @param months the months of the series, oldest first
   * @param tested skills with the minimum support, all of them, emerging or not, best first
   * @param note why nothing could be tested (a slice with too few months of postings), else null;
   *     the windows are null then
   */
  public record Report(
      List<YearMonth> months,
      YearMonth recentFrom,
      YearMonth baselineFrom,
      YearMonth baselineTo,
      long recentPostings,
      long baselinePostings,
      int tested,
      List<Result> emerging,
      List<Result> testedResults,
      String note) {}

  public static Report run(Series series, Settings s) {
    List<YearMonth> months = new ArrayList<>(series.postings().keySet());
    if (months.size() < s.recentMonths() + 2) {
      // A thin slice is a fact about the data, not a bad question: nothing is tested, and the
      // answer says why.
      long postings = series.postings().values().stream().mapToLong(Long::longValue).sum();
      return new Report(
          months,
          null,
          null,
          null,
          postings,
          0,
          0,
          List.of(),
          List.of(),
          "the slice has "
              + months.size()
              + " months of postings; emerging skills need the recent window ("
              + s.recentMonths()
              + " months) and at least 2 months before it");
    }
    int recentStart = months.size() - s.recentMonths();
    int baselineStart = s.baselineMonths() == 0 ? 0 : Math.max(0, recentStart - s.baselineMonths());
    long n1 = 0;
    long n2 = 0;
    long[] totals = new long[months.size()];
    for (int i = 0; i < months.size(); i++) {
      totals[i] = series.postings().get(months.get(i));
      if (i >= recentStart) {
        n1 += totals[i];
      } else if (i >= baselineStart) {
        n2 += totals[i];
      }
    }
    List<Result> tested = new ArrayList<>();
    List<double[]> ps = new ArrayList<>();
    for (Map.Entry<String, Map<YearMonth, Long>> e : series.skills().entrySet()) {
      long x1 = 0;
      long x2 = 0;
      List<Long> monthly = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        long x = e.getValue().getOrDefault(months.get(i), 0L);
        monthly.add(x);
        if (i >= recentStart) {
          x1 += x;
        } else if (i >= baselineStart) {
          x2 += x;
        }
        if (i >= baselineStart && totals[i] > 0) {
          shares.add((double) x / totals[i]);
        }
      }
      if (x1 < s.minSupport()) {
        continue;
      }
      double share1 = n1 == 0 ? 0 : (double) x1 / n1;
      double share2 = n2 == 0 ? 0 : (double) x2 / n2;
      double lift = share2 == 0 ? Double.POSITIVE_INFINITY : share1 / share2;
      double pIncrease = Stats.twoProportionIncrease(x1, n1, x2, n2);
      Stats.Trend trend =
          Stats.mannKendall(shares.stream().mapToDouble(Double::doubleValue).toArray());
      tested.add(
          new Result(
              e.getKey(),
              false,
              x1,
              n1,
              x2,
              n2,
              share1,
              share2,
              lift,
              pIncrease,
              1,
              trend.pIncreasing(),
              1,
              trend.senSlope(),
              monthly,
              null));
      ps.add(new double[] {pIncrease, trend.pIncreasing()});
    }
    double[] q1 = Stats.benjaminiHochberg(ps.stream().mapToDouble(p -> p[0]).toArray());
    double[] q2 = Stats.benjaminiHochberg(ps.stream().mapToDouble(p -> p[1]).toArray());
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Result r = tested.get(i);
      boolean emerging = q1[i] <= s.alpha() && q2[i] <= s.alpha() && r.lift() >= s.minLift();
      results.add(
          new Result(
              r.uri(),
              emerging,
              r.recent(),
              r.recentPostings(),
              r.baseline(),
              r.baselinePostings(),
              round(r.recentShare()),
              round(r.baselineShare()),
              Double.isInfinite(r.lift()) ? r.lift() : round(r.lift()),
              r.pIncrease(),
              q1[i],
              r.pTrend(),
              q2[i],
              r.slope(),
              r.monthly(),
              null));
    }
    // Emerging first, then by growth in share.
    results.sort(
        Comparator.comparing((Result r) -> !r.emerging())
            .thenComparing(
                Comparator.comparingDouble((Result r) -> r.recentShare() - r.baselineShare())
                    .reversed())
            .thenComparing(Result::uri));
    return new Report(
        months,
        months.get(recentStart),
        months.get(baselineStart),
        months.get(recentStart - 1),
        n1,
        n2,
        results.size(),
        results.stream().filter(Result::emerging).toList(),
        results,
        null);
  }

  /**
   * Takes out of the emerging skills those whose rise another emerging skill explains: a skill with
   * a label made only of words of the other's label ("tourism sector", a label of "tourism market",
   * in "tourism sector policies") is found in the other's text, so it rises with it. The longer
   * skill explains the shorter; each keeps its evidence.
   *
   * @param labels each skill's labels as sets of word stems
   */
  public static Report withoutExplained(
      Report report, java.util.function.Function<String, List<java.util.Set<String>>> labels) {
    List<Result> emerging = report.emerging();
    java.util.Map<String, String> explainedBy = new java.util.HashMap<>();
    for (Result b : emerging) {
      for (Result a : emerging) {
        if (a == b) {
          continue;
        }
        if (explains(labels.apply(a.uri()), labels.apply(b.uri()))) {
          explainedBy.put(b.uri(), a.uri());
          break;
        }
      }
    }
    return markExplained(report, explainedBy);
  }

  /**
   * Marks emerging skills as explained by others (skill to the skill that explains it): they leave
   * the emerging list and keep their evidence, with {@code explainedBy} set.
   */
  public static Report markExplained(Report report, java.util.Map<String, String> explainedBy) {
    if (explainedBy.isEmpty()) {
      return report;
    }
    List<Result> tested = new ArrayList<>();
    for (Result r : report.testedResults()) {
      String by = explainedBy.get(r.uri());
      tested.add(by == null || !r.emerging() ? r : r.explained(by));
    }
    return new Report(
        report.months(),
        report.recentFrom(),
        report.baselineFrom(),
        report.baselineTo(),
        report.recentPostings(),
        report.baselinePostings(),
        report.tested(),
        tested.stream().filter(Result::emerging).toList(),
        tested,
        report.note());
  }

  /** Whether some label of {@code b} is a strict subset of the words of some label of {@code a}. */
  static boolean explains(List<java.util.Set<String>> a, List<java.util.Set<String>> b) {
    for (java.util.Set<String> longer : a) {
      for (java.util.Set<String> shorter : b) {
        if (!shorter.isEmpty() && shorter.size() < longer.size() && longer.containsAll(shorter)) {
          return true;
        }
      }
    }
    return false;
  }

  private static double round(double x) {
    return Math.round(x * 1_000_000) / 1_000_000.0;
  }
}
