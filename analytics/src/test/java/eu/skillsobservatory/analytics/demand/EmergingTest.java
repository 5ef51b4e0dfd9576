package eu.skillsobservatory.analytics.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Emerging skills on simulated monthly counts: binomial draws around set shares. */
class EmergingTest {

  static long binomial(Random r, long n, double p) {
    // Normal approximation with continuity is enough for these sizes.
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    return Math.max(0, Math.min(n, Math.round(mean + sd * r.nextGaussian())));
  }

  /** 300 stationary skills and, if asked, 5 whose share rises from 0 to 0.2 over 24 months. */
  static Emerging.Series simulate(long seed, boolean planted, long perMonth) {
    Random r = new Random(seed);
    TreeMap<YearMonth, Long> postings = new TreeMap<>();
    Map<String, Map<YearMonth, Long>> skills = new HashMap<>();
    double[] shares = new double[300];
    for (int k = 0; k < shares.length; k++) {
      shares[k] = 0.005 + 0.3 * Math.pow(r.nextDouble(), 3);
    }
    for (int m = 0; m < 24; m++) {
      YearMonth month = YearMonth.of(2023, 1).plusMonths(m);
      long n = perMonth + r.nextInt((int) (perMonth / 5) + 1);
      postings.put(month, n);
      for (int k = 0; k < shares.length; k++) {
        skills.computeIfAbsent("s" + k, x -> new HashMap<>()).put(month, binomial(r, n, shares[k]));
      }
      if (planted) {
        for (int k = 0; k < 5; k++) {
          double p = 0.2 * m / 23.0;
          skills.computeIfAbsent("rising" + k, x -> new HashMap<>()).put(month, binomial(r, n, p));
        }
      }
    }
    return new Emerging.Series(postings, skills);
  }

  @Test
  void plantedRisesAreFoundAndNothingElse() {
    for (long seed = 1; seed <= 5; seed++) {
      Emerging.Report report = Emerging.run(simulate(seed, true, 500), Emerging.Settings.DEFAULTS);
      Set<String> found =
          report.emerging().stream().map(Emerging.Result::uri).collect(Collectors.toSet());
      assertThat(found)
          .as("seed %d", seed)
          .contains("rising0", "rising1", "rising2", "rising3", "rising4");
      assertThat(found.size()).as("seed %d: %s", seed, found).isLessThanOrEqualTo(6);
      Emerging.Result r = report.emerging().get(0);
      assertThat(r.monthly()).hasSize(24);
      assertThat(r.qIncrease()).isLessThanOrEqualTo(0.01);
      assertThat(r.slope()).isPositive();
      assertThat(r.recentShare()).isGreaterThan(r.baselineShare());
    }
  }

  @Test
  void withoutATrendAtMostFivePercentOfSkillsAreCalledEmerging() {
    int tested = 0;
    int called = 0;
    for (long seed = 11; seed <= 20; seed++) {
      Emerging.Report report = Emerging.run(simulate(seed, false, 500), Emerging.Settings.DEFAULTS);
      tested += report.tested();
      called += report.emerging().size();
    }
    assertThat(tested).isGreaterThan(2_000);
    assertThat((double) called / tested).isLessThanOrEqualTo(0.05);
  }

  @Test
  void tooShortASeriesTestsNothingAndSaysWhyAndBadSettingsAreNamed() {
    TreeMap<YearMonth, Long> three = new TreeMap<>();
    for (int m = 0; m < 3; m++) {
      three.put(YearMonth.of(2024, 1).plusMonths(m), 10L);
    }
    Emerging.Report thin =
        Emerging.run(
            new Emerging.Series(three, Map.of("s", Map.of(YearMonth.of(2024, 1), 5L))),
            Emerging.Settings.DEFAULTS);
    assertThat(thin.note()).contains("the slice has 3 complete months of postings");
    assertThat(thin.tested()).isZero();
    assertThat(thin.emerging()).isEmpty();
    assertThat(thin.recentPostings()).isEqualTo(30);
    assertThat(thin.recentFrom()).isNull();
    Emerging.Report empty =
        Emerging.run(new Emerging.Series(new TreeMap<>(), Map.of()), Emerging.Settings.DEFAULTS);
    assertThat(empty.note()).contains("the slice has 0 complete months of postings");
    assertThatThrownBy(() -> new Emerging.Settings(0, 0, 20, 1.2, 0.05))
        .hasMessageContaining("recentMonths");
    assertThatThrownBy(() -> new Emerging.Settings(6, 0, 20, 0.5, 0.05))
        .hasMessageContaining("minLift");
    assertThatThrownBy(() -> new Emerging.Settings(6, 0, 20, 1.2, 1.5))
        .hasMessageContaining("alpha");
  }

  @Test
  void aSkillThatRisesOnlyWithAnotherIsExplainedByItAndNeverBothLeave() {
    Postings data = new Postings();
    Random r = new Random(7);
    for (int m = 0; m < 24; m++) {
      for (int i = 0; i < 800; i++) {
        double share = 0.3 * m / 23.0;
        boolean a = r.nextDouble() < share;
        boolean b = a ? r.nextDouble() < 0.8 : r.nextDouble() < 0.02;
        boolean c = r.nextDouble() < share; // rises on its own
        data.add(m, "portal", "e" + r.nextInt(200), a ? "a" : null, b ? "b" : null, c ? "c" : null);
      }
    }
    Emerging.Report report = Emerging.run(data.series(), Emerging.Settings.DEFAULTS);
    assertThat(report.emerging()).extracting(Emerging.Result::uri).contains("a", "b", "c");
    Map<String, List<Set<String>>> labels =
        Map.of(
            "a", List.of(Set.of("tourism", "sector", "policy")),
            "b", List.of(Set.of("tourism", "market"), Set.of("tourism", "sector")),
            "c", List.of(Set.of("tourism", "policy", "sector", "law")));
    Emerging.Report cleaned =
        EmergingExplanations.explained(
            report,
            Emerging.Settings.DEFAULTS,
            u -> labels.getOrDefault(u, List.of()),
            (x, y) -> data.without(report, x.uri(), y.uri()));
    assertThat(cleaned.emerging()).extracting(Emerging.Result::uri).containsOnly("a", "c");
    Emerging.Result b =
        cleaned.testedResults().stream().filter(x -> x.uri().equals("b")).findFirst().orElseThrow();
    assertThat(b.explainedBy()).isEqualTo("a");
    assertThat(b.explanation().p()).isGreaterThan(0.01);
    assertThat(b.explanation().adjustedHigh()).isLessThan(b.explanation().oddsRatio());
    assertThat(b.q()).isLessThanOrEqualTo(0.01); // its evidence stays
    // "c" holds all of "a"'s label words, but rises on its own: the label rule alone is no proof.
    assertThat(EmergingExplanations.explains(List.of(Set.of("a", "b")), List.of(Set.of("a", "b"))))
        .isFalse(); // the same words: neither explains the other
  }

  /**
   * A new portal joins in month 12 and writes skill "t" into every advert's template; inside every
   * source the share of "t" is flat. The pooled share rises; the stratified tests see no rise. A
   * few stray postings of the portal before it joined (reposts of others' adverts) do not make it a
   * source present in the baseline: compared like month with like month, those strays against its
   * full template would read as a strong rise.
   */
  @Test
  void aNewSourcesTemplateIsNotARise() {
    Postings data = new Postings();
    Random r = new Random(11);
    for (int m = 0; m < 24; m++) {
      for (int i = 0; i < 600; i++) {
        boolean rising = r.nextDouble() < 0.25 * m / 23.0;
        data.add(
            m,
            "old" + (i % 3),
            "e" + r.nextInt(300),
            r.nextDouble() < 0.05 ? "t" : null,
            rising ? "up" : null);
      }
      if (m < 12 && m % 2 == 1) {
        data.add(m, "new", "e1", (String) null);
      }
      for (int i = 0; m >= 12 && i < 400; i++) {
        boolean rising = r.nextDouble() < 0.25 * m / 23.0;
        data.add(
            m,
            "new",
            "e" + r.nextInt(300),
            r.nextDouble() < 0.9 ? "t" : null,
            rising ? "up" : null);
      }
    }
    Emerging.Result pooled =
        Emerging.run(data.pooled(), Emerging.Settings.DEFAULTS).testedResults().stream()
            .filter(x -> x.uri().equals("t"))
            .findFirst()
            .orElseThrow();
    assertThat(pooled.emerging())
        .as("pooled over sources, the template looks like a rise")
        .isTrue();
    Emerging.Report report = Emerging.run(data.series(), Emerging.Settings.DEFAULTS);
    assertThat(report.emerging()).extracting(Emerging.Result::uri).containsExactly("up");
    Emerging.Result t =
        report.testedResults().stream().filter(x -> x.uri().equals("t")).findFirst().orElseThrow();
    assertThat(t.lift()).isGreaterThan(1.5);
    assertThat(t.adjustedLift()).isLessThan(1.2);
    assertThat(report.sources()).containsExactly("new", "old0", "old1", "old2");
    Emerging.SourceEvidence joined =
        t.sources().stream().filter(x -> x.source().equals("new")).findFirst().orElseThrow();
    assertThat(joined.holds()).isFalse();
    assertThat(joined.baselinePostings()).as("its strays left out").isEqualTo(6 * 400);
  }

  /**
   * A skill in demand every July to December is not emerging when the baseline holds the same
   * months a year before; a skill rising within its season still is.
   */
  @Test
  void aSeasonalSkillIsComparedWithItsOwnSeason() {
    Postings data = new Postings();
    Random r = new Random(5);
    for (int m = 0; m < 24; m++) {
      boolean season = m % 12 >= 6;
      for (int i = 0; i < 700; i++) {
        data.add(
            m,
            "portal",
            "e" + r.nextInt(300),
            r.nextDouble() < (season ? 0.25 : 0.02) ? "ski" : null,
            r.nextDouble() < (season ? 0.1 : 0.02) + 0.1 * m / 23.0 ? "up" : null);
      }
    }
    Emerging.Report report = Emerging.run(data.series(), Emerging.Settings.DEFAULTS);
    assertThat(report.seasonal()).isTrue();
    assertThat(report.emerging()).extracting(Emerging.Result::uri).containsExactly("up");
    Emerging.Result ski =
        report.testedResults().stream()
            .filter(x -> x.uri().equals("ski"))
            .findFirst()
            .orElseThrow();
    assertThat(ski.lift())
        .as("recent July-December against the whole year before")
        .isGreaterThan(1.5);
    assertThat(ski.reason()).contains("no significant rise");
  }

  /** One employer's recruiting drive in the last four months carries the rise of two skills. */
  @Test
  void aRiseCarriedByOneEmployerIsNotEmerging() {
    Postings data = new Postings();
    Random r = new Random(3);
    for (int m = 0; m < 24; m++) {
      for (int i = 0; i < 600; i++) {
        data.add(
            m,
            "p" + (i % 2),
            "e" + r.nextInt(400),
            r.nextDouble() < 0.03 ? "x" : null,
            r.nextDouble() < 0.03 ? "y" : null,
            r.nextDouble() < 0.3 * m / 23.0 ? "up" : null);
      }
      for (int i = 0; m >= 20 && i < 150; i++) {
        data.add(m, "p" + (i % 2), "Big Employer", "x", "y", null);
      }
    }
    Emerging.Report report = Emerging.run(data.series(), Emerging.Settings.DEFAULTS);
    assertThat(report.emerging()).extracting(Emerging.Result::uri).contains("x", "y", "up");
    Map<String, Emerging.EmployerCounts> employers = new HashMap<>();
    for (Emerging.Result e : report.emerging()) {
      employers.put(e.uri(), data.employers(report, e.uri()));
    }
    Emerging.Report checked = Emerging.withEmployers(report, Emerging.Settings.DEFAULTS, employers);
    assertThat(checked.emerging()).extracting(Emerging.Result::uri).containsExactly("up");
    Emerging.Result x =
        checked.testedResults().stream().filter(t -> t.uri().equals("x")).findFirst().orElseThrow();
    assertThat(x.employers().top()).isEqualTo("Big Employer");
    assertThat(x.employers().topShare()).isGreaterThan(0.7);
    assertThat(x.employers().pWithoutTop()).isGreaterThan(0.05);
    assertThat(x.reason()).contains("without the top employer");
    Emerging.Result up = checked.emerging().get(0);
    assertThat(up.employers().distinct()).isGreaterThan(100);
    assertThat(up.employers().topShare()).isLessThan(0.05);
  }

  /** The data's last month, with postings on 9 days only, is left out, and the report says so. */
  @Test
  void anIncompleteLastMonthIsLeftOut() {
    Postings data = new Postings();
    Random r = new Random(1);
    for (int m = 0; m < 13; m++) {
      for (int i = 0; i < (m == 12 ? 200 : 600); i++) {
        data.add(m, "p", "e" + r.nextInt(50), r.nextDouble() < 0.1 ? "s" : null);
      }
    }
    TreeMap<YearMonth, Long> days = new TreeMap<>();
    for (int m = 0; m < 13; m++) {
      days.put(START.plusMonths(m), m == 12 ? 9L : 28L + m % 3);
    }
    Emerging.Series s = data.series();
    Emerging.Report report =
        Emerging.run(
            new Emerging.Series(s.postings(), s.skills(), days), Emerging.Settings.DEFAULTS);
    assertThat(report.excludedMonth()).isEqualTo(START.plusMonths(12));
    assertThat(report.months()).hasSize(12).doesNotContain(START.plusMonths(12));
    days.put(START.plusMonths(12), 25L);
    assertThat(
            Emerging.run(
                    new Emerging.Series(s.postings(), s.skills(), days), Emerging.Settings.DEFAULTS)
                .excludedMonth())
        .isNull();
  }

  /**
   * Admission by the count over both windows: a skill that fell out of use (many mentions before,
   * few lately) is tested, so the recent window's count does not select the skills tested.
   */
  @Test
  void skillsAreAdmittedByTheirCountOverBothWindowsAndTheLargerPIsAdjusted() {
    Postings data = new Postings();
    Random r = new Random(9);
    for (int m = 0; m < 24; m++) {
      for (int i = 0; i < 300; i++) {
        data.add(m, "p", "e" + r.nextInt(300), m < 18 && r.nextDouble() < 0.05 ? "old" : null);
      }
    }
    Emerging.Report report = Emerging.run(data.series(), Emerging.Settings.DEFAULTS);
    Emerging.Result old = report.testedResults().get(0);
    assertThat(old.uri()).isEqualTo("old");
    assertThat(old.recent()).isZero();
    assertThat(old.p()).isEqualTo(Math.max(old.pIncrease(), old.pTrend()));
  }

  static final YearMonth START = YearMonth.of(2023, 1);

  /** Postings one by one, as an in-memory stand-in for the vacancy store's aggregations. */
  static final class Postings {
    record Posting(int month, String source, String employer, Set<String> skills) {}

    final List<Posting> all = new ArrayList<>();

    void add(int month, String source, String employer, String... skills) {
      Set<String> set = new HashSet<>();
      for (String s : skills) {
        if (s != null) {
          set.add(s);
        }
      }
      all.add(new Posting(month, source, employer, set));
    }

    Emerging.Series series() {
      return series(all, false);
    }

    Emerging.Series pooled() {
      return series(all, true);
    }

    static Emerging.Series series(List<Posting> postings, boolean pooled) {
      Map<String, SortedMap<YearMonth, Long>> totals = new HashMap<>();
      Map<String, Map<String, Map<YearMonth, Long>>> skills = new HashMap<>();
      for (Posting p : postings) {
        String source = pooled ? "all" : p.source();
        YearMonth m = START.plusMonths(p.month());
        totals.computeIfAbsent(source, x -> new TreeMap<>()).merge(m, 1L, Long::sum);
        for (String k : p.skills()) {
          skills
              .computeIfAbsent(k, x -> new HashMap<>())
              .computeIfAbsent(source, x -> new HashMap<>())
              .merge(m, 1L, Long::sum);
        }
      }
      return new Emerging.Series(totals, skills, new TreeMap<>());
    }

    private static boolean in(Emerging.Report r, int month, boolean recent) {
      YearMonth m = START.plusMonths(month);
      return recent
          ? !m.isBefore(r.recentFrom()) && !m.isAfter(r.months().get(r.months().size() - 1))
          : !m.isBefore(r.baselineFrom()) && !m.isAfter(r.baselineTo());
    }

    long[] without(Emerging.Report r, String a, String b) {
      long[] out = new long[4];
      for (Posting p : all) {
        if (p.skills().contains(a)) {
          continue;
        }
        for (int w = 0; w < 2; w++) {
          if (in(r, p.month(), w == 0)) {
            out[2 * w + 1]++;
            if (p.skills().contains(b)) {
              out[2 * w]++;
            }
          }
        }
      }
      return out;
    }

    Emerging.EmployerCounts employers(Emerging.Report r, String skill) {
      Map<String, Long> recent = new HashMap<>();
      for (Posting p : all) {
        if (p.skills().contains(skill) && in(r, p.month(), true)) {
          recent.merge(p.employer(), 1L, Long::sum);
        }
      }
      var top = recent.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      return new Emerging.EmployerCounts(
          recent.size(),
          top.getKey(),
          top.getValue(),
          series(all.stream().filter(p -> !p.employer().equals(top.getKey())).toList(), false));
    }
  }
}
