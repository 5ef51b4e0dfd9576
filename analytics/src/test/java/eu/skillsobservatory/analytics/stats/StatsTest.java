package eu.skillsobservatory.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void wilsonMatchesPublishedValues() {
    // Newcombe (1998), Table I: 81/263 gives 0.2553 to 0.3662; 15/148 gives 0.0624 to 0.1605.
    Stats.Interval a = Stats.wilson(81, 263, Stats.Z95);
    assertThat(a.low()).isCloseTo(0.2553, within(1e-4));
    assertThat(a.high()).isCloseTo(0.3662, within(1e-4));
    Stats.Interval b = Stats.wilson(15, 148, Stats.Z95);
    assertThat(b.low()).isCloseTo(0.0624, within(1e-4));
    assertThat(b.high()).isCloseTo(0.1605, within(1e-4));
    Stats.Interval zero = Stats.wilson(0, 20, Stats.Z95);
    assertThat(zero.low()).isZero();
    assertThat(zero.high()).isCloseTo(0.1611, within(1e-4));
    assertThat(Stats.wilson(0, 0, Stats.Z95)).isEqualTo(new Stats.Interval(0, 1));
  }

  @Test
  void theNormalTailIsAccurateNearTheCentreAndFarOut() {
    assertThat(Stats.upperTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Stats.upperTail(1.959963984540054)).isCloseTo(0.025, within(1e-7));
    assertThat(Stats.upperTail(-1.644853626951)).isCloseTo(0.95, within(1e-7));
    // Far out, relative accuracy: P(Z > 6) = 9.8659e-10.
    assertThat(Stats.upperTail(6) / 9.865876450377e-10).isCloseTo(1, within(1e-5));
  }

  @Test
  void twoProportionsAgreeWithTheTextbookZ() {
    // 60/200 against 40/200: pooled 0.25, z = 0.1 / sqrt(0.1875 * 0.01) = 2.3094.
    assertThat(Stats.twoProportionIncrease(60, 200, 40, 200))
        .isCloseTo(Stats.upperTail(2.309401), within(1e-6))
        .isCloseTo(0.010461, within(1e-5));
    assertThat(Stats.twoProportionIncrease(40, 200, 60, 200)).isGreaterThan(0.98);
    assertThat(Stats.twoProportionIncrease(0, 100, 0, 100)).isEqualTo(1);
    assertThat(Stats.twoProportionIncrease(5, 0, 1, 10)).isEqualTo(1);
  }

  @Test
  void mannKendallCountsPairsAndCorrectsForTies() {
    double[] rising = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Stats.Trend t = Stats.mannKendall(rising);
    assertThat(t.s()).isEqualTo(45);
    assertThat(t.variance()).isCloseTo(125, within(1e-9));
    assertThat(t.z()).isCloseTo(44 / Math.sqrt(125), within(1e-9));
    assertThat(t.pIncreasing()).isCloseTo(4.15e-5, within(0.02e-5));
    assertThat(t.senSlope()).isEqualTo(1);

    double[] ties = {1, 1, 2, 2, 2, 3};
    Stats.Trend u = Stats.mannKendall(ties);
    // Brute force: S over pairs; variance (6*5*17 - 2*1*9 - 3*2*11) / 18.
    long s = 0;
    for (int i = 0; i < ties.length; i++) {
      for (int j = i + 1; j < ties.length; j++) {
        s += (long) Math.signum(ties[j] - ties[i]);
      }
    }
    assertThat(u.s()).isEqualTo(s);
    assertThat(u.variance()).isCloseTo((6 * 5 * 17 - 2 * 1 * 9 - 3 * 2 * 11) / 18.0, within(1e-9));

    assertThat(Stats.mannKendall(new double[] {3, 3, 3}).pIncreasing()).isEqualTo(1);
    assertThat(Stats.mannKendall(new double[] {5, 4, 3, 2, 1}).pIncreasing()).isGreaterThan(0.95);
  }

  @Test
  void mannKendallHoldsItsLevelOnNoise() {
    Random r = new Random(11);
    int rejected = 0;
    int runs = 2_000;
    for (int k = 0; k < runs; k++) {
      double[] x = new double[24];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
      }
      if (Stats.mannKendall(x).pIncreasing() < 0.05) {
        rejected++;
      }
    }
    assertThat((double) rejected / runs).isBetween(0.03, 0.07);
  }

  @Test
  void benjaminiHochbergMatchesRsPAdjust() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    assertThat(Stats.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}))
        .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    // p.adjust(c(0.5, 0.9, 0.001), "BH") = 0.75 0.9 0.003
    assertThat(Stats.benjaminiHochberg(new double[] {0.5, 0.9, 0.001}))
        .containsExactly(new double[] {0.75, 0.9, 0.003}, within(1e-12));
    assertThat(Stats.benjaminiHochberg(new double[0])).isEmpty();
  }
}
