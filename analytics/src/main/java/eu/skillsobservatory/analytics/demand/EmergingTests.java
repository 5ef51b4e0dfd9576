package eu.skillsobservatory.analytics.demand;

import static eu.skillsobservatory.analytics.demand.Emerging.COMPLETE_DAYS;
import static eu.skillsobservatory.analytics.demand.Emerging.SOURCE_ALPHA;

import eu.skillsobservatory.analytics.demand.Emerging.EmployerCounts;
import eu.skillsobservatory.analytics.demand.Emerging.Employers;
import eu.skillsobservatory.analytics.demand.Emerging.Report;
import eu.skillsobservatory.analytics.demand.Emerging.Result;
import eu.skillsobservatory.analytics.demand.Emerging.Series;
import eu.skillsobservatory.analytics.demand.Emerging.Settings;
import eu.skillsobservatory.analytics.demand.Emerging.SourceEvidence;
import eu.skillsobservatory.analytics.demand.Emerging.Windows;
import eu.skillsobservatory.analytics.stats.Stats;
import eu.skillsobservatory.analytics.stats.Stratified;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tests behind {@link Emerging}, stage by stage: the incomplete last month, the windows, the
 * sources present in both, each skill's window and trend tests stratified by source (and month of
 * the year when seasonal), the evidence per source, the adjustment across skills, the call; then
 * the test without the top employer.
 */
final class EmergingTests {
  private EmergingTests() {}

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

  static Report run(Series series, Settings s) {
    SortedMap<YearMonth, Long> total = series.total();
    YearMonth excluded = incompleteLastMonth(series.days());
    if (excluded != null && !total.isEmpty() && total.lastKey().equals(excluded)) {
      total.remove(excluded);
    } else {
      excluded = null;
    }
    List<YearMonth> months = new ArrayList<>(total.keySet());
    if (months.size() < s.recentMonths() + 2) {
      return tooThin(months, total, series, s, excluded);
    }
    Windows w = windows(months, s);
    Map<String, SortedMap<YearMonth, Long>> present = present(series.postings(), w);
    Strata totals = Strata.of(present, w);
    long n1 = 0;
    long n2 = 0;
    for (int i = w.baselineStart(); i < months.size(); i++) {
      if (i >= w.recentStart()) {
        n1 += total.get(months.get(i));
      } else {
        n2 += total.get(months.get(i));
      }
    }
    List<Result> tested = new ArrayList<>();
    for (var e : series.skills().entrySet()) {
      Strata counts = Strata.of(e.getValue(), w);
      if (counts.recent() + counts.baseline() >= s.minSupport()) {
        tested.add(tested(e.getKey(), e.getValue(), counts, totals, w, n1, n2));
      }
    }
    Report report =
        new Report(
            months,
            months.get(w.recentStart()),
            months.get(w.baselineStart()),
            months.get(w.recentStart() - 1),
            n1,
            n2,
            tested.size(),
            List.of(),
            adjusted(tested),
            null,
            excluded,
            w.seasonal(),
            new ArrayList<>(present.keySet()),
            w);
    return call(report, s);
  }

  /**
   * A thin slice is a fact about the data, not a bad question: nothing is tested, and the answer
   * says why. Every source is listed (the windows that decide presence are not known).
   */
  private static Report tooThin(
      List<YearMonth> months,
      SortedMap<YearMonth, Long> total,
      Series series,
      Settings s,
      YearMonth excluded) {
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
        new ArrayList<>(new TreeSet<>(series.postings().keySet())),
        null);
  }

  /**
   * The recent window (the last months) and the baseline before it; seasonal when the baseline
   * holds every month of the year of the recent window.
   */
  private static Windows windows(List<YearMonth> months, Settings s) {
    int recentStart = months.size() - s.recentMonths();
    int baselineStart = s.baselineMonths() == 0 ? 0 : Math.max(0, recentStart - s.baselineMonths());
    boolean seasonal = true;
    for (int i = recentStart; i < months.size() && seasonal; i++) {
      int calendar = months.get(i).getMonthValue();
      seasonal =
          months.subList(baselineStart, recentStart).stream()
              .anyMatch(m -> m.getMonthValue() == calendar);
    }
    return new Windows(months, recentStart, baselineStart, seasonal);
  }

  /** One skill tested: both windows, its trend, the evidence per source, its monthly mentions. */
  private static Result tested(
      String uri,
      Map<String, Map<YearMonth, Long>> bySourceMonth,
      Strata counts,
      Strata totals,
      Windows w,
      long n1,
      long n2) {
    long x1 = counts.recent();
    long x2 = counts.baseline();
    Evidence ev = test(totals, counts, w);
    List<Long> monthly = new ArrayList<>();
    for (YearMonth m : w.months()) {
      long x = 0;
      for (Map<YearMonth, Long> one : bySourceMonth.values()) {
        x += one.getOrDefault(m, 0L);
      }
      monthly.add(x);
    }
    double share1 = n1 == 0 ? 0 : (double) x1 / n1;
    double share2 = n2 == 0 ? 0 : (double) x2 / n2;
    double lift = share2 == 0 ? Double.POSITIVE_INFINITY : share1 / share2;
    return new Result(
        uri,
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
        bySource(counts, totals),
        null,
        null,
        null);
  }

  /** The window test in each source present in both windows, on its own. */
  private static List<SourceEvidence> bySource(Strata counts, Strata totals) {
    List<SourceEvidence> out = new ArrayList<>();
    for (String source : totals.sources()) {
      Stratified.WindowTest own = Stratified.windows(counts.tables(totals, source, false));
      long[] c = counts.windows(source);
      long[] t = totals.windows(source);
      if (t[0] > 0 && t[1] > 0) {
        out.add(
            new SourceEvidence(source, c[0], t[0], c[1], t[1], own.p(), own.p() <= SOURCE_ALPHA));
      }
    }
    return out;
  }

  /** The window and trend p-values adjusted over all skills tested (Benjamini-Hochberg). */
  private static List<Result> adjusted(List<Result> tested) {
    double[] qWindow =
        Stats.benjaminiHochberg(tested.stream().mapToDouble(Result::pIncrease).toArray());
    double[] qTrend =
        Stats.benjaminiHochberg(tested.stream().mapToDouble(Result::pTrend).toArray());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Result r = tested.get(i);
      out.add(
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
    return out;
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
   * Requires each called skill's rise without its top employer: the tests run again on the postings
   * of the other employers, the larger p-value joins the skill's p, and the p-values are adjusted
   * again; a skill whose rise one employer carries is no longer called.
   *
   * @param employers for each called skill, what the service counted
   */
  static Report withEmployers(Report report, Settings s, Map<String, EmployerCounts> employers) {
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
    return String.format(Locale.ROOT, "%.3g", x);
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1_000_000) / 1_000_000.0 : x;
  }
}
