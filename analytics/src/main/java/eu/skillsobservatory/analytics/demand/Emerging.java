package eu.skillsobservatory.analytics.demand;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Emerging skills: those whose share of postings rose inside the sources that publish them. The
 * complete months of a slice are split into a baseline and a recent window. Skills mentioned in
 * enough postings over both windows are tested twice, both tests stratified by source: the
 * Cochran-Mantel-Haenszel test of a larger share in the recent window, and the Cochran-Armitage
 * test of a share rising month by month, months weighted by their postings; when the baseline holds
 * the recent window's months a year earlier, the trend test is stratified by month of the year too,
 * so that it compares years and a seasonal skill is compared with its own season. A skill's p-value
 * is the larger of the two (intersection-union: both must hold, so a seasonal skill is not called
 * however high its season stands against the whole baseline), adjusted by Benjamini-Hochberg across
 * all skills tested. A skill is emerging when that q-value is at most alpha, the Mantel-Haenszel
 * ratio of shares is at least the minimum lift, and the rise holds in at least one source on its
 * own. {@link #withEmployers} then requires the rise without the top employer of the recent
 * mentions, and {@link EmergingExplanations#explained} takes out skills whose rise another's
 * explains. Every result carries its evidence. Definitions: {@code
 * src/docs/methods.md#emerging-skills}.
 */
public final class Emerging {
  private Emerging() {}

  /** Where the method is written down, relative to the project's documentation. */
  public static final String METHOD = "src/docs/methods.md#emerging-skills";

  /** A source holds a rise on its own when its own test gives at most this p-value. */
  public static final double SOURCE_ALPHA = 0.1;

  /**
   * The data's last month is incomplete when it has fewer days with postings than this share of the
   * median of the months before it.
   */
  public static final double COMPLETE_DAYS = 0.8;

  /**
   * @param recentMonths months in the recent window, the last complete ones of the series
   * @param baselineMonths months in the baseline, those just before the window (0: all before)
   * @param minSupport postings mentioning the skill over both windows, at least
   * @param minLift recent share / baseline share within sources (Mantel-Haenszel), at least
   * @param alpha the false discovery rate at which skills are called
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

  /**
   * Postings per month and source of the slice, and per month and source mentioning each skill.
   *
   * @param postings source to month to postings
   * @param skills skill to source to month to postings mentioning it
   * @param days days with postings in each month of the whole data (not only the slice), to tell an
   *     incomplete last month; empty when unknown
   */
  public record Series(
      Map<String, SortedMap<YearMonth, Long>> postings,
      Map<String, Map<String, Map<YearMonth, Long>>> skills,
      SortedMap<YearMonth, Long> days) {
    /** One source, days unknown. */
    public Series(SortedMap<YearMonth, Long> postings, Map<String, Map<YearMonth, Long>> skills) {
      this(Map.of(ALL, postings), oneSource(skills), new TreeMap<>());
    }

    private static Map<String, Map<String, Map<YearMonth, Long>>> oneSource(
        Map<String, Map<YearMonth, Long>> skills) {
      Map<String, Map<String, Map<YearMonth, Long>>> out = new LinkedHashMap<>();
      skills.forEach((k, v) -> out.put(k, Map.of(ALL, v)));
      return out;
    }

    /** Postings per month, all sources together, months without postings inside the span 0. */
    public SortedMap<YearMonth, Long> total() {
      TreeMap<YearMonth, Long> out = new TreeMap<>();
      postings.values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
      if (!out.isEmpty()) {
        for (YearMonth m = out.firstKey(); m.isBefore(out.lastKey()); m = m.plusMonths(1)) {
          out.putIfAbsent(m, 0L);
        }
      }
      return out;
    }
  }

  static final String ALL = "all";

  /**
   * A source's own evidence: its postings and mentions in both windows and the p-value of its own
   * test of a rise.
   */
  public record SourceEvidence(
      String source,
      long recent,
      long recentPostings,
      long baseline,
      long baselinePostings,
      double p,
      boolean holds) {}

  /**
   * Who posted the recent mentions.
   *
   * @param distinct distinct employers of the recent postings mentioning the skill (approximate
   *     above 3,000)
   * @param top the employer with most of them, or null when no posting names one
   * @param topShare the top employer's share of the recent mentions
   * @param pWithoutTop the skill's p-value (larger of the two tests) with the top employer's
   *     postings left out of both windows; NaN when there is no top employer
   */
  public record Employers(
      int distinct, String top, long topMentions, double topShare, double pWithoutTop) {}

  /**
   * Why a skill's rise is another's: within the postings with and without skill {@code by}, its
   * share did not rise ({@code p}, the Cochran-Mantel-Haenszel test stratified by presence of
   * {@code by}), and adjusting for {@code by} lowered its odds ratio significantly (the adjusted
   * ratio's upper 95 % bound under the crude ratio).
   */
  public record Explanation(
      String by, double p, double oddsRatio, double adjustedOddsRatio, double adjustedHigh) {}

  /**
   * One skill's evidence.
   *
   * @param recent postings mentioning it in the recent window, of {@code recentPostings}
   * @param baseline postings mentioning it in the baseline, of {@code baselinePostings}
   * @param lift recent share / baseline share, all sources together (infinite when it was never
   *     seen before)
   * @param pIncrease one-sided p-value of the stratified window test (Cochran-Mantel-Haenszel)
   * @param qIncrease its Benjamini-Hochberg q-value across the skills tested, alone
   * @param pTrend one-sided p-value of the stratified trend test (Cochran-Armitage)
   * @param qTrend its q-value, alone
   * @param slope the trend's pooled slope: change of share per month within strata
   * @param monthly postings mentioning it, month by month
   * @param explainedBy an emerging skill whose rise explains this one's ({@code explanation}); null
   *     otherwise
   * @param adjustedLift recent share / baseline share within strata (Mantel-Haenszel)
   * @param p the larger p-value of the two tests (and of the tests without the top employer, when
   *     checked): what is adjusted
   * @param q its Benjamini-Hochberg q-value: the skill is called when at most alpha
   * @param sources each source with postings in both windows, its own evidence
   * @param employers who posted the recent mentions; null for skills not called before the check
   * @param reason why it is not emerging; null when it is
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
      String explainedBy,
      double adjustedLift,
      double p,
      double q,
      List<SourceEvidence> sources,
      Employers employers,
      Explanation explanation,
      String reason) {
    Result with(boolean emerging, double p, double q, Employers employers, String reason) {
      return copy(emerging, p, q, employers, explanation, reason);
    }

    Result explained(Explanation e) {
      return copy(false, p, q, employers, e, "its rise is that of " + e.by());
    }

    private Result copy(
        boolean emerging,
        double p,
        double q,
        Employers employers,
        Explanation explanation,
        String reason) {
      return new Result(
          uri,
          emerging,
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
          explanation == null ? explainedBy : explanation.by(),
          adjustedLift,
          p,
          q,
          sources,
          employers,
          explanation,
          reason);
    }
  }

  /**
   * The months tested and how.
   *
   * @param months the complete months of the series, oldest first
   * @param recentStart index in {@code months} of the recent window's first month
   * @param baselineStart index of the baseline's first month
   * @param seasonal the trend test's strata by month of the year too: the baseline holds every
   *     month of the year of the recent window
   */
  public record Windows(
      List<YearMonth> months, int recentStart, int baselineStart, boolean seasonal) {}

  /**
   * @param months the months of the series, oldest first, the incomplete last month left out
   * @param tested skills with the minimum support, all of them, emerging or not, best first
   * @param note why nothing could be tested (a slice with too few months of postings), else null;
   *     the windows are null then
   * @param excludedMonth the data's last month, left out because incomplete, or null
   * @param seasonal whether months were compared with the same months of the year before
   * @param sources the sources tested: present in both windows ({@link #present}); all the slice's
   *     sources when nothing was tested
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
      String note,
      YearMonth excludedMonth,
      boolean seasonal,
      List<String> sources,
      Windows windows) {
    Report withResults(List<Result> results) {
      List<Result> sorted = new ArrayList<>(results);
      sorted.sort(ORDER);
      return new Report(
          months,
          recentFrom,
          baselineFrom,
          baselineTo,
          recentPostings,
          baselinePostings,
          tested,
          sorted.stream().filter(Result::emerging).toList(),
          sorted,
          note,
          excludedMonth,
          seasonal,
          sources,
          windows);
    }
  }

  /** Emerging first, then by growth in share. */
  static final Comparator<Result> ORDER =
      Comparator.comparing((Result r) -> !r.emerging())
          .thenComparing(
              Comparator.comparingDouble((Result r) -> r.recentShare() - r.baselineShare())
                  .reversed())
          .thenComparing(Result::uri);

  /**
   * What the service found about the employers of a called skill's recent mentions: the distinct
   * count, the top one, its mentions, and the slice's series without its postings (this skill's
   * counts only).
   */
  public record EmployerCounts(int distinct, String top, long topMentions, Series withoutTop) {}

  /**
   * Tests every skill of the series and calls the emerging ones (see the class comment).
   *
   * @see EmergingTests#run
   */
  public static Report run(Series series, Settings s) {
    return EmergingTests.run(series, s);
  }

  /**
   * Requires each called skill's rise without its top employer: the tests run again on the postings
   * of the other employers, the larger p-value joins the skill's p, and the p-values are adjusted
   * again; a skill whose rise one employer carries is no longer called.
   *
   * @param employers for each called skill, what the service counted
   */
  public static Report withEmployers(
      Report report, Settings s, Map<String, EmployerCounts> employers) {
    return EmergingTests.withEmployers(report, s, employers);
  }
}
