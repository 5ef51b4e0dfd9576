package eu.skillsobservatory.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedTest {
  /**
   * McDonald, Handbook of Biological Statistics (3rd ed.), the Cochran-Mantel-Haenszel example:
   * Lap94 allele in marine and estuarine mussels at four locations; chi-square 5.05 with the
   * continuity correction, common odds ratio 1.32.
   */
  @Test
  void cochranMantelHaenszelMatchesThePublishedExample() {
    var t =
        Stratified.windows(
            List.of(
                new Stratified.Table(56, 96, 69, 146),
                new Stratified.Table(61, 118, 257, 558),
                new Stratified.Table(73, 144, 65, 144),
                new Stratified.Table(71, 126, 48, 96)));
    assertThat(t.z() * t.z()).isCloseTo(5.05, within(0.005));
    assertThat(t.oddsRatio()).isCloseTo(1.32, within(0.005));
    assertThat(t.p()).isCloseTo(0.0123, within(0.0001));
    assertThat(t.strata()).isEqualTo(4);
  }

  /** With one stratum, the Robins-Breslow-Greenland variance is Woolf's: 1/a + 1/b + 1/c + 1/d. */
  @Test
  void oneStratumVarianceIsWoolfs() {
    var t = Stratified.windows(List.of(new Stratified.Table(30, 100, 15, 120)));
    double woolf = Math.sqrt(1.0 / 30 + 1.0 / 70 + 1.0 / 15 + 1.0 / 105);
    assertThat(t.logOddsRatioSe()).isCloseTo(woolf, within(1e-12));
    assertThat(t.oddsRatio()).isCloseTo(30.0 * 105 / (70 * 15), within(1e-12));
    assertThat(t.riskRatio()).isCloseTo((30.0 / 100) / (15.0 / 120), within(1e-12));
    assertThat(t.oddsRatioHigh(Stats.Z95)).isGreaterThan(t.oddsRatio());
  }

  /**
   * Simpson's paradox as a new portal makes it: in each source the share is flat, but the source
   * with the high share only joins in the recent window; the pooled share rises, the stratified
   * test sees no rise.
   */
  @Test
  void aSourceJoiningWithAHighShareIsNoRise() {
    var pooled = Stats.twoProportionIncrease(100 + 400, 1000 + 500, 100, 1000);
    assertThat(pooled).isLessThan(1e-10);
    var t =
        Stratified.windows(
            List.of(
                new Stratified.Table(100, 1000, 100, 1000), new Stratified.Table(400, 500, 0, 0)));
    assertThat(t.p()).isGreaterThan(0.4);
    assertThat(t.strata()).isEqualTo(1);
    assertThat(t.riskRatio()).isEqualTo(1.0);
  }

  @Test
  void noInformativeStratumIsNoEvidence() {
    var t = Stratified.windows(List.of(new Stratified.Table(5, 10, 0, 0)));
    assertThat(t.p()).isEqualTo(1.0);
    assertThat(t.riskRatio()).isNaN();
    assertThat(Stratified.windows(List.of(new Stratified.Table(0, 10, 0, 10))).p()).isEqualTo(1.0);
  }

  /**
   * Agresti, Categorical Data Analysis (2nd ed., section 3.4.6): infant malformation by mother's
   * alcohol consumption, scores 0, 0.5, 1.5, 4, 7; z-squared 6.57, one-sided P 0.0052.
   */
  @Test
  void cochranArmitageMatchesThePublishedExample() {
    var t =
        Stratified.trend(
            List.of(
                new Stratified.Series(
                    new double[] {0, 0.5, 1.5, 4, 7},
                    new long[] {17114, 14502, 793, 127, 38},
                    new long[] {48, 38, 5, 1, 1})));
    assertThat(t.z() * t.z()).isCloseTo(6.57, within(0.005));
    assertThat(t.p()).isCloseTo(0.0052, within(0.0001));
    assertThat(t.slope()).isPositive();
  }

  /**
   * Months weigh by their postings: a share that is flat in the big months, after three thin months
   * without a mention, is no trend, where the unweighted monthly shares show one.
   */
  @Test
  void thinMonthsWeighLittle() {
    double[] months = {0, 1, 2, 3, 4, 5, 6, 7};
    long[] postings = {2, 2, 2, 1000, 1000, 1000, 1000, 1000};
    long[] mentions = {0, 0, 0, 100, 101, 99, 100, 100};
    var shares = new double[months.length];
    for (int i = 0; i < months.length; i++) {
      shares[i] = (double) mentions[i] / postings[i];
    }
    assertThat(Stats.mannKendall(shares).pIncreasing()).isLessThan(0.05);
    var t = Stratified.trend(List.of(new Stratified.Series(months, postings, mentions)));
    assertThat(t.p()).isGreaterThan(0.2);
  }

  /**
   * Two strata at different levels with the same rise add up; a level difference alone does not.
   */
  @Test
  void strataKeepTheirLevelsApart() {
    double[] six = {0, 1, 2, 3, 4, 5};
    var flat =
        Stratified.trend(
            List.of(
                new Stratified.Series(
                    six, new long[] {100, 100, 100, 0, 0, 0}, new long[] {10, 10, 10, 0, 0, 0}),
                new Stratified.Series(
                    six, new long[] {0, 0, 0, 100, 100, 100}, new long[] {0, 0, 0, 50, 50, 50})));
    assertThat(flat.p()).isGreaterThan(0.4);
    var pooledShares = new double[] {0.1, 0.1, 0.1, 0.5, 0.5, 0.5};
    assertThat(Stats.mannKendall(pooledShares).pIncreasing()).isLessThan(0.05);
    double[] t = {0, 1, 2, 3};
    var rising =
        Stratified.trend(
            List.of(
                new Stratified.Series(
                    t, new long[] {500, 500, 500, 500}, new long[] {10, 30, 50, 70}),
                new Stratified.Series(
                    t, new long[] {500, 500, 500, 500}, new long[] {200, 220, 240, 260})));
    assertThat(rising.p()).isLessThan(1e-6);
    assertThat(rising.slope()).isCloseTo(0.04, within(1e-9));
  }
}
