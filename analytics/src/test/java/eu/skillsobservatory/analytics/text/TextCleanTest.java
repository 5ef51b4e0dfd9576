package eu.skillsobservatory.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanTest {

  @Test
  void labelsLoseInvisibleCharactersAndStraySpaces() {
    assertThat(TextClean.label(" manage\u00a0 prison\u200b procedures "))
        .isEqualTo("manage prison procedures");
    assertThat(TextClean.label("wiredrawing  machine tender"))
        .isEqualTo("wiredrawing machine tender");
    assertThat(TextClean.label("\ufeffsoft\u00adware")).isEqualTo("software");
  }

  @Test
  void utf8ReadAsLatin1IsRepaired() {
    assertThat(TextClean.label("worker\u00e2\u0080\u0099s tool")).isEqualTo("worker\u2019s tool");
    assertThat(TextClean.text("caf\u00c3\u00a9")).isEqualTo("caf\u00e9");
  }

  @Test
  void realAccentsAndOtherScriptsStay() {
    assertThat(TextClean.label("Maschinenführer für Drahtziehmaschinen"))
        .isEqualTo("Maschinenführer für Drahtziehmaschinen");
    assertThat(TextClean.label("ÉLECTRICIEN")).isEqualTo("ÉLECTRICIEN");
    assertThat(TextClean.label("Ελληνικά")).isEqualTo("Ελληνικά");
  }

  @Test
  void textsKeepTheirLineBreaks() {
    assertThat(TextClean.text("first line  \r\nsecond\u00a0line\n"))
        .isEqualTo("first line\nsecond line");
  }

  @Test
  void decomposedAccentsAreComposed() {
    assertThat(TextClean.label("cafe\u0301")).isEqualTo("caf\u00e9");
  }

  @Test
  void nothingLeftIsEmpty() {
    assertThat(TextClean.label("\u200b \u00a0")).isEmpty();
    assertThat(TextClean.label(null)).isEmpty();
  }

  @Test
  void foldingIgnoresCaseAccentsAndPunctuation() {
    assertThat(TextClean.fold("  Réparer  les MOTEURS!")).isEqualTo("reparer les moteurs");
    assertThat(TextClean.fold("cafe\u0301-bar, (2nd)")).isEqualTo("cafe bar 2nd");
    assertThat(TextClean.fold("Ελληνικά")).isEqualTo("ελληνικα");
    assertThat(TextClean.fold("...")).isEmpty();
  }
}
