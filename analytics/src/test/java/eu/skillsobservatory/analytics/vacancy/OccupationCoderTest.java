package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
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

  @Test
  void anEnglishTitleIsHeadedByItsLastWordBeforeOfOrTo() {
    // Drops a final "s"; stop words: the, of, to, a.
    eu.skillsobservatory.analytics.extract.WordForms forms =
        new eu.skillsobservatory.analytics.extract.WordForms() {
          @Override
          public String stem(String w, String language) {
            return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
          }

          @Override
          public boolean isStopWord(String w, String language) {
            return Set.of("the", "of", "to", "a").contains(w);
          }
        };
    OccupationCoder coder = new OccupationCoder(null, forms, null);
    assertThat(coder.head("retail sales assistant", "en")).isEqualTo("assistant");
    assertThat(coder.head("Head of Sales", "en")).isEqualTo("head");
    assertThat(coder.head("PA to the CEO", "en")).isEqualTo("pa");
    assertThat(coder.head("painter & decorator", "en")).isEqualTo("decorator");
    assertThat(coder.head("accounts payable clerks", "en")).isEqualTo("clerk");
    // Other languages put the head elsewhere: no head rule.
    assertThat(coder.head("administrateur de la sécurité", "fr")).isEmpty();
  }
}
