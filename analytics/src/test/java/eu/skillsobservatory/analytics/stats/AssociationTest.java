package eu.skillsobservatory.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values computed independently (the formulas by hand in Python) for three count tables. */
class AssociationTest {
  @Test
  void normalizedPmiMatchesTheDefinition() {
    // P(a,b) = 0.01, P(a) = 0.02, P(b) = 0.05: PMI = ln 10, -ln P(a,b) = ln 100, so exactly 1/2.
    assertThat(Association.npmi(10, 20, 50, 1000)).isCloseTo(0.5, within(1e-12));
    assertThat(Association.npmi(400, 1000, 2000, 10000))
        .isCloseTo(0.21533827903669647, within(1e-12));
    assertThat(Association.npmi(5, 5, 5, 100)).isCloseTo(1.0, within(1e-12));
    assertThat(Association.npmi(0, 5, 5, 100)).isEqualTo(-1.0);
    // Independent: P(a,b) = P(a) P(b).
    assertThat(Association.npmi(25, 50, 50, 100)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void theLowerBoundOfTheLiftTakesBothSharesAtTheirWorst() {
    assertThat(Association.liftLowerBound(10, 20, 50, 1000, Stats.Z95))
        .isCloseTo(4.582460604492932, within(1e-9));
    assertThat(Association.liftLowerBound(400, 1000, 2000, 10000, Stats.Z95))
        .isCloseTo(1.779595850573121, within(1e-9));
  }

  @Test
  void aRareCompanionNoLongerOutranksACommonOneByOrdersOfMagnitude() {
    // Five postings of a companion, all with the skill: lift 10, PMI 3.3 bits; a common companion
    // in 400 of the skill's 1,000 postings: lift 2, PMI 1 bit. By PMI the rare one is ten times
    // ahead in lift; by the lower bound they are close.
    double rare = Association.liftLowerBound(5, 1000, 5, 10000, Stats.Z95);
    double common = Association.liftLowerBound(400, 1000, 2000, 10000, Stats.Z95);
    assertThat(rare).isCloseTo(1.8269129281897714, within(1e-9));
    assertThat(rare / common).isLessThan(1.1);
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> Association.npmi(6, 5, 10, 100)).hasMessageContaining("counts");
    assertThatThrownBy(() -> Association.liftLowerBound(1, 5, 10, 8, 1.96))
        .hasMessageContaining("counts");
  }
}
