package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OccupationCoderTest {
  @Test
  void whatAdvertsAddAroundTheOccupationIsRemoved() {
    assertThat(OccupationCoder.clean("Senior Java Developer (m/f/d) - Berlin"))
        .isEqualTo("Java Developer - Berlin");
    assertThat(OccupationCoder.clean("Nurse m/w/d, full-time")).isEqualTo("Nurse");
    assertThat(OccupationCoder.clean("Vendeur H/F - CDI")).isEqualTo("Vendeur");
    assertThat(OccupationCoder.clean("Softwareentwickler*in Vollzeit"))
        .isEqualTo("Softwareentwickler");
    assertThat(OccupationCoder.clean("Pfleger:innen [Nachtdienst]")).isEqualTo("Pfleger");
    assertThat(OccupationCoder.clean("Experienced welder, immediate start")).isEqualTo("welder");
  }

  @Test
  void wordsInTheMiddleOfAnOccupationStay() {
    // "remote" and "part" are not stripped inside a title: they can be part of the occupation.
    assertThat(OccupationCoder.clean("remote sensing technician"))
        .isEqualTo("remote sensing technician");
    assertThat(OccupationCoder.clean("Senior full stack developer"))
        .isEqualTo("full stack developer");
    assertThat(OccupationCoder.clean("  ")).isEmpty();
    assertThat(OccupationCoder.clean("(m/f/d)")).isEmpty();
    assertThat(OccupationCoder.clean(null)).isEmpty();
  }
}
