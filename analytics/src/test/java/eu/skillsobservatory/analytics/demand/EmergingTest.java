package eu.skillsobservatory.analytics.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
    assertThat(thin.note()).contains("the slice has 3 months of postings");
    assertThat(thin.tested()).isZero();
    assertThat(thin.emerging()).isEmpty();
    assertThat(thin.recentPostings()).isEqualTo(30);
    assertThat(thin.recentFrom()).isNull();
    Emerging.Report empty =
        Emerging.run(new Emerging.Series(new TreeMap<>(), Map.of()), Emerging.Settings.DEFAULTS);
    assertThat(empty.note()).contains("the slice has 0 months of postings");
    assertThatThrownBy(() -> new Emerging.Settings(0, 0, 20, 1.2, 0.05))
        .hasMessageContaining("recentMonths");
    assertThatThrownBy(() -> new Emerging.Settings(6, 0, 20, 0.5, 0.05))
        .hasMessageContaining("minLift");
    assertThatThrownBy(() -> new Emerging.Settings(6, 0, 20, 1.2, 1.5))
        .hasMessageContaining("alpha");
  }

  @Test
  void aSkillNamedInsideARisingOnesLabelIsExplainedByItNotEmerging() {
    Emerging.Report report = Emerging.run(simulate(3, true, 500), Emerging.Settings.DEFAULTS);
    Map<String, java.util.List<Set<String>>> labels =
        Map.of(
            "rising0", java.util.List.of(Set.of("tourism", "sector", "policy")),
            "rising1", java.util.List.of(Set.of("tourism", "market"), Set.of("tourism", "sector")));
    Emerging.Report cleaned =
        Emerging.withoutExplained(report, u -> labels.getOrDefault(u, java.util.List.of()));
    assertThat(cleaned.emerging()).extracting(Emerging.Result::uri).doesNotContain("rising1");
    assertThat(cleaned.emerging()).extracting(Emerging.Result::uri).contains("rising0", "rising2");
    Emerging.Result explained =
        cleaned.testedResults().stream()
            .filter(r -> r.uri().equals("rising1"))
            .findFirst()
            .orElseThrow();
    assertThat(explained.explainedBy()).isEqualTo("rising0");
    assertThat(explained.qIncrease()).isLessThanOrEqualTo(0.05); // its evidence stays
    assertThat(
            Emerging.explains(
                java.util.List.of(Set.of("a", "b")), java.util.List.of(Set.of("a", "b"))))
        .isFalse(); // the same words: neither explains the other
  }
}
