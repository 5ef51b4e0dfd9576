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
  void payGradesShiftsAndTermsOfRealAdvertsAreRemoved() {
    assertThat(OccupationCoder.clean("Warehouse Operative £11.44 per hour"))
        .isEqualTo("Warehouse Operative");
    assertThat(OccupationCoder.clean("Up to £35k Accounts Assistant"))
        .isEqualTo("Accounts Assistant");
    assertThat(OccupationCoder.clean("Chef de Partie £28,000 - £30,000 pa + benefits"))
        .isEqualTo("Chef de Partie");
    assertThat(OccupationCoder.clean("Developer €4.500/month")).isEqualTo("Developer");
    assertThat(OccupationCoder.clean("Band 5 Staff Nurse")).isEqualTo("Staff Nurse");
    assertThat(OccupationCoder.clean("Level 3 Electrician")).isEqualTo("Electrician");
    assertThat(OccupationCoder.clean("Care Assistant x3")).isEqualTo("Care Assistant");
    assertThat(OccupationCoder.clean("Night Shift Warehouse Operative"))
        .isEqualTo("Warehouse Operative");
    assertThat(OccupationCoder.clean("Temporary Receptionist Mon-Fri")).isEqualTo("Receptionist");
    assertThat(OccupationCoder.clean("Graduate Civil Engineer")).isEqualTo("Civil Engineer");
    assertThat(OccupationCoder.clean("Software Engineer Remote")).isEqualTo("Software Engineer");
  }

  @Test
  void qualifiersStripOnlyOnTheSideWhereTheyQualify() {
    // After the occupation "graduate" may be it; before it "remote" and "contract" may be part of
    // it.
    assertThat(OccupationCoder.clean("Engineering Graduate")).isEqualTo("Engineering Graduate");
    assertThat(OccupationCoder.clean("Contract Manager")).isEqualTo("Contract Manager");
    assertThat(OccupationCoder.clean("Class 2 LGV Driver")).isEqualTo("Class 2 LGV Driver");
    assertThat(OccupationCoder.clean("Level Designer")).isEqualTo("Level Designer");
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
