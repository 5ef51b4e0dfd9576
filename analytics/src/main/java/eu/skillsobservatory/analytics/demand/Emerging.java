package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.stats.Stats;
import eu.skillsobservatory.analytics.stats.Stratified;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * mentions, and {@link #explained} takes out skills whose rise another's explains. Every result
 * carries its evidence. Definitions: {@code src/docs/methods.md#emerging-skills}.
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

  /** The data's last month when it is incomplete, else null. */
  static YearMonth incompleteLastMonth(SortedMap<YearMonth, Long> days) {
    if (days.size() < 4) {
      return null;
    }
    List<Long> before = new ArrayList<>(days.headMap(days.lastKey()).values());
    before.sort(null);
    double median =
        before.size() % 2 == 1
            ? before.get(before.size() / 2)
            : (before.get(before.size() / 2 - 1) + before.get(before.size() / 2)) / 2.0;
    return days.get(days.lastKey()) < COMPLETE_DAYS * median ? days.lastKey() : null;
  }

  public static Report run(Series series, Settings s) {
    SortedMap<YearMonth, Long> total = series.total();
    YearMonth excluded = incompleteLastMonth(series.days());
    if (excluded != null && !total.isEmpty() && total.lastKey().equals(excluded)) {
      total.remove(excluded);
    } else {
      excluded = null;
    }
    List<YearMonth> months = new ArrayList<>(total.keySet());
    List<String> sources = new ArrayList<>(new java.util.TreeSet<>(series.postings().keySet()));
    // Before the windows are known, every source; after, those present in both.
    if (months.size() < s.recentMonths() + 2) {
      // A thin slice is a fact about the data, not a bad question: nothing is tested, and the
      // answer says why.
      long postings = total.values().stream().mapToLong(Long::longValue).sum();
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
              + " complete months of postings; emerging skills need the recent window ("
              + s.recentMonths()
              + " months) and at least 2 months before it",
          excluded,
          false,
          sources,
          null);
    }
    int recentStart = months.size() - s.recentMonths();
    int baselineStart = s.baselineMonths() == 0 ? 0 : Math.max(0, recentStart - s.baselineMonths());
    boolean seasonal = true;
    for (int i = recentStart; i < months.size() && seasonal; i++) {
      int calendar = months.get(i).getMonthValue();
      seasonal =
          months.subList(baselineStart, recentStart).stream()
              .anyMatch(m -> m.getMonthValue() == calendar);
    }
    Windows w = new Windows(months, recentStart, baselineStart, seasonal);
    Map<String, SortedMap<YearMonth, Long>> present = present(series.postings(), w);
    sources = new ArrayList<>(present.keySet());
    Strata totals = Strata.of(present, w);
    long n1 = 0;
    long n2 = 0;
    for (int i = baselineStart; i < months.size(); i++) {
      if (i >= recentStart) {
        n1 += total.get(months.get(i));
      } else {
        n2 += total.get(months.get(i));
      }
    }
    List<Result> tested = new ArrayList<>();
    for (var e : series.skills().entrySet()) {
      Strata counts = Strata.of(e.getValue(), w);
      long x1 = counts.recent();
      long x2 = counts.baseline();
      if (x1 + x2 < s.minSupport()) {
        continue;
      }
      Evidence ev = test(totals, counts, w);
      List<SourceEvidence> bySource = new ArrayList<>();
      for (String source : totals.sources()) {
        Stratified.WindowTest own = Stratified.windows(counts.tables(totals, source, false));
        long[] c = counts.windows(source);
        long[] t = totals.windows(source);
        if (t[0] > 0 && t[1] > 0) {
          bySource.add(
              new SourceEvidence(source, c[0], t[0], c[1], t[1], own.p(), own.p() <= SOURCE_ALPHA));
        }
      }
      List<Long> monthly = new ArrayList<>();
      for (YearMonth m : months) {
        long x = 0;
        for (Map<YearMonth, Long> bySourceMonth : e.getValue().values()) {
          x += bySourceMonth.getOrDefault(m, 0L);
        }
        monthly.add(x);
      }
      double share1 = n1 == 0 ? 0 : (double) x1 / n1;
      double share2 = n2 == 0 ? 0 : (double) x2 / n2;
      double lift = share2 == 0 ? Double.POSITIVE_INFINITY : share1 / share2;
      tested.add(
          new Result(
              e.getKey(),
              false,
              x1,
              n1,
              x2,
              n2,
              round(share1),
              round(share2),
              Double.isInfinite(lift) ? lift : round(lift),
              ev.window().p(),
              1,
              ev.trend().p(),
              1,
              ev.trend().slope(),
              monthly,
              null,
              round(ev.window().riskRatio()),
              ev.p(),
              1,
              bySource,
              null,
              null,
              null));
    }
    double[] qWindow =
        Stats.benjaminiHochberg(tested.stream().mapToDouble(Result::pIncrease).toArray());
    double[] qTrend =
        Stats.benjaminiHochberg(tested.stream().mapToDouble(Result::pTrend).toArray());
    List<Result> withQ = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Result r = tested.get(i);
      withQ.add(
          new Result(
              r.uri(),
              false,
              r.recent(),
              r.recentPostings(),
              r.baseline(),
              r.baselinePostings(),
              r.recentShare(),
              r.baselineShare(),
              r.lift(),
              r.pIncrease(),
              qWindow[i],
              r.pTrend(),
              qTrend[i],
              r.slope(),
              r.monthly(),
              null,
              r.adjustedLift(),
              r.p(),
              1,
              r.sources(),
              null,
              null,
              null));
    }
    Report report =
        new Report(
            months,
            months.get(recentStart),
            months.get(baselineStart),
            months.get(recentStart - 1),
            n1,
            n2,
            withQ.size(),
            List.of(),
            withQ,
            null,
            excluded,
            seasonal,
            sources,
            w);
    return call(report, s);
  }

  /** Months a source needs in each window (fewer when the window is shorter). */
  static final int PRESENT_MONTHS = 3;

  /**
   * The sources present in both windows, each with its months that count. A month counts for a
   * source when it holds at least a tenth of the source's median month: stray postings (a few
   * reposts under a portal's name before it joined) would otherwise be compared with its full
   * template later. A source is present in a window with at least {@link #PRESENT_MONTHS} months
   * that count there (all of them when the window is shorter); a source that joins inside the
   * recent window has no baseline to be compared with and is left out.
   */
  static Map<String, SortedMap<YearMonth, Long>> present(
      Map<String, SortedMap<YearMonth, Long>> postings, Windows w) {
    Map<String, SortedMap<YearMonth, Long>> out = new TreeMap<>();
    int recentMonths = w.months().size() - w.recentStart();
    int baselineMonths = w.recentStart() - w.baselineStart();
    postings.forEach(
        (source, months) -> {
          List<Long> positive = new ArrayList<>();
          for (int i = w.baselineStart(); i < w.months().size(); i++) {
            long n = months.getOrDefault(w.months().get(i), 0L);
            if (n > 0) {
              positive.add(n);
            }
          }
          if (positive.isEmpty()) {
            return;
          }
          positive.sort(null);
          double floor = Math.max(1, 0.1 * positive.get(positive.size() / 2));
          SortedMap<YearMonth, Long> kept = new TreeMap<>();
          int recent = 0;
          int baseline = 0;
          for (int i = w.baselineStart(); i < w.months().size(); i++) {
            YearMonth m = w.months().get(i);
            long n = months.getOrDefault(m, 0L);
            if (n >= floor) {
              kept.put(m, n);
              if (i >= w.recentStart()) {
                recent++;
              } else {
                baseline++;
              }
            }
          }
          if (recent >= Math.min(PRESENT_MONTHS, recentMonths)
              && baseline >= Math.min(PRESENT_MONTHS, baselineMonths)) {
            out.put(source, kept);
          }
        });
    return out;
  }

  /** Adjusts the skills' p-values together and calls those that pass every condition. */
  static Report call(Report report, Settings s) {
    List<Result> tested = report.testedResults();
    double[] q = Stats.benjaminiHochberg(tested.stream().mapToDouble(Result::p).toArray());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Result r = tested.get(i);
      String reason = null;
      if (r.explanation() != null) {
        reason = r.reason();
      } else if (q[i] > s.alpha()) {
        reason =
            r.employers() != null && r.employers().pWithoutTop() > s.alpha()
                ? "the rise does not hold without the top employer, " + r.employers().top()
                : "no significant rise within sources (q " + fmt(q[i]) + " > " + s.alpha() + ")";
      } else if (!(r.adjustedLift() >= s.minLift())) {
        reason = "share ratio within sources " + r.adjustedLift() + " < " + s.minLift();
      } else if (r.sources().stream().noneMatch(SourceEvidence::holds)) {
        reason = "the rise holds in no source on its own";
      }
      out.add(r.with(reason == null, r.p(), q[i], r.employers(), reason));
    }
    return report.withResults(out);
  }

  /**
   * What the service found about the employers of a called skill's recent mentions: the distinct
   * count, the top one, its mentions, and the slice's series without its postings (this skill's
   * counts only).
   */
  public record EmployerCounts(int distinct, String top, long topMentions, Series withoutTop) {}

  /**
   * Requires each called skill's rise without its top employer: the tests run again on the postings
   * of the other employers, the larger p-value joins the skill's p, and the p-values are adjusted
   * again; a skill whose rise one employer carries is no longer called.
   *
   * @param employers for each called skill, what the service counted
   */
  public static Report withEmployers(
      Report report, Settings s, Map<String, EmployerCounts> employers) {
    if (report.windows() == null || employers.isEmpty()) {
      return report;
    }
    Windows w = report.windows();
    List<Result> out = new ArrayList<>();
    for (Result r : report.testedResults()) {
      EmployerCounts c = employers.get(r.uri());
      if (c == null) {
        out.add(r);
        continue;
      }
      double share = r.recent() == 0 ? 0 : round((double) c.topMentions() / r.recent());
      double pWithout = Double.NaN;
      double p = r.p();
      if (c.top() != null) {
        Map<String, SortedMap<YearMonth, Long>> kept = present(c.withoutTop().postings(), w);
        kept.keySet().retainAll(report.sources());
        Strata totals = Strata.of(kept, w);
        Strata counts = Strata.of(c.withoutTop().skills().getOrDefault(r.uri(), Map.of()), w);
        pWithout = test(totals, counts, w).p();
        p = Math.max(p, pWithout);
      }
      out.add(
          r.with(
              r.emerging(),
              p,
              r.q(),
              new Employers(c.distinct(), c.top(), c.topMentions(), share, pWithout),
              r.reason()));
    }
    return call(report.withResults(out), s);
  }

  /**
   * Takes out of the emerging skills those whose rise another emerging skill explains. Candidates
   * to explain a skill: an emerging skill with a label holding all the words of one of its labels
   * (it is found inside the other's text), then the other emerging skills, strongest first. The
   * test ({@link #explains}) needs the counts of the postings without the candidate; a skill that
   * explains another is kept, so never both of a pair leave.
   *
   * @param labels each skill's labels as sets of word stems
   * @param without counts of postings without skill {@code a}: {@code [recent with b, recent,
   *     baseline with b, baseline]}
   */
  public static Report explained(
      Report report,
      Settings s,
      java.util.function.Function<String, List<java.util.Set<String>>> labels,
      java.util.function.BiFunction<Result, Result, long[]> without) {
    List<Result> emerging = new ArrayList<>(report.emerging());
    if (emerging.size() < 2) {
      return report;
    }
    emerging.sort(Comparator.comparingDouble(Result::q).thenComparing(ORDER));
    Map<String, Explanation> explained = new HashMap<>();
    java.util.Set<String> explaining = new java.util.HashSet<>();
    for (int i = 0; i < emerging.size(); i++) {
      Result b = emerging.get(i);
      if (explaining.contains(b.uri())) {
        continue;
      }
      List<Result> candidates = new ArrayList<>();
      for (Result a : emerging) {
        if (a != b && explains(labels.apply(a.uri()), labels.apply(b.uri()))) {
          candidates.add(a);
        }
      }
      for (int j = 0; j < i; j++) {
        if (!candidates.contains(emerging.get(j))) {
          candidates.add(emerging.get(j));
        }
      }
      for (Result a : candidates) {
        if (explained.containsKey(a.uri())) {
          continue;
        }
        Explanation e = explains(a, b, without.apply(a, b), s.alpha());
        if (e != null) {
          explained.put(b.uri(), e);
          explaining.add(a.uri());
          break;
        }
      }
    }
    if (explained.isEmpty()) {
      return report;
    }
    List<Result> out = new ArrayList<>();
    for (Result r : report.testedResults()) {
      Explanation e = explained.get(r.uri());
      out.add(e == null ? r : r.explained(e));
    }
    return report.withResults(out);
  }

  /**
   * Whether {@code a}'s rise explains {@code b}'s: stratified by presence of {@code a}, {@code b}'s
   * share did not rise (p above alpha) and the adjusted odds ratio's upper 95 % bound is under the
   * crude one. "Not significant" alone is no proof; the drop of the ratio is the evidence.
   *
   * @param withoutA {@code [recent with b, recent, baseline with b, baseline]} among postings
   *     without {@code a}
   * @return the explanation, or null when {@code a} does not explain {@code b}
   */
  static Explanation explains(Result a, Result b, long[] withoutA, double alpha) {
    Stratified.Table absent =
        new Stratified.Table(withoutA[0], withoutA[1], withoutA[2], withoutA[3]);
    Stratified.Table present =
        new Stratified.Table(
            Math.max(0, b.recent() - withoutA[0]),
            Math.max(0, b.recentPostings() - withoutA[1]),
            Math.max(0, b.baseline() - withoutA[2]),
            Math.max(0, b.baselinePostings() - withoutA[3]));
    if (present.x1() > present.n1() || present.x2() > present.n2()) {
      return null;
    }
    Stratified.WindowTest adjusted = Stratified.windows(List.of(present, absent));
    Stratified.WindowTest crude =
        Stratified.windows(
            List.of(
                new Stratified.Table(
                    b.recent(), b.recentPostings(), b.baseline(), b.baselinePostings())));
    double high = adjusted.oddsRatioHigh(Stats.Z95);
    if (adjusted.p() > alpha && high < crude.oddsRatio()) {
      return new Explanation(
          a.uri(),
          adjusted.p(),
          round(crude.oddsRatio()),
          round(adjusted.oddsRatio()),
          round(high));
    }
    return null;
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

  private record Evidence(Stratified.WindowTest window, Stratified.TrendTest trend) {
    double p() {
      return Math.max(window.p(), trend.p());
    }
  }

  private static Evidence test(Strata totals, Strata counts, Windows w) {
    List<Stratified.Table> tables = new ArrayList<>();
    List<Stratified.Series> series = new ArrayList<>();
    for (String source : totals.sources()) {
      tables.addAll(counts.tables(totals, source, false));
      series.addAll(counts.series(totals, source, w.seasonal()));
    }
    return new Evidence(Stratified.windows(tables), Stratified.trend(series));
  }

  private static String fmt(double x) {
    return String.format(java.util.Locale.ROOT, "%.3g", x);
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1_000_000) / 1_000_000.0 : x;
  }
}
