package eu.skillsobservatory.analytics.vacancy;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.searchOver;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Abbreviations of English advert titles, spelled out where the title is not coded surely. */
class TitleAbbreviationsTest {
  static final String ASSISTANT = "http://data.europa.eu/esco/occupation/personal-assistant";
  static final String CEO = "http://data.europa.eu/esco/occupation/ceo";
  static final String HCA = "http://data.europa.eu/esco/occupation/healthcare-assistant";
  static final String PA_SYSTEM = "http://data.europa.eu/esco/occupation/pa-system-technician";

  static final InMemoryCatalog CATALOG =
      aCatalog()
          .occupationIn(ASSISTANT, "3343", "personal assistant", "executive secretary")
          .occupationIn(CEO, "1120", "chief executive officer", "CEO")
          .occupationIn(HCA, "5321", "healthcare assistant", "care assistant")
          .occupationIn(PA_SYSTEM, "3521", "sound technician", "PA technician")
          .build();

  final OccupationCoder coder =
      new OccupationCoder(searchOver(CATALOG), WordForms.NONE, OccupationTable.of(CATALOG));

  @Test
  void acronymsInCapitalsAndShortWordsInAnyCaseAreSpelledOut() {
    assertThat(TitleAbbreviations.expand("PA to CEO")).isEqualTo("personal assistant to CEO");
    assertThat(TitleAbbreviations.expand("HCA - Nights"))
        .isEqualTo("healthcare assistant - Nights");
    assertThat(TitleAbbreviations.expand("Snr. Sales Mgr")).isEqualTo("senior Sales manager");
    assertThat(TitleAbbreviations.expand("HR Asst")).isEqualTo("human resources assistant");
    // Not a capitalised word, not inside a word, not an abbreviation ESCO itself uses.
    assertThat(TitleAbbreviations.expand("Pa Driver")).isEqualTo("Pa Driver");
    assertThat(TitleAbbreviations.expand("PAINTER")).isEqualTo("PAINTER");
    assertThat(TitleAbbreviations.expand("HGV Driver")).isEqualTo("HGV Driver");
  }

  @Test
  void aTitleNotCodedSurelyIsCodedSpelledOut() {
    assertThat(coder.code("PA to CEO", "en", null).map(OccupationCoder.Coding::uri))
        .contains(ASSISTANT);
    assertThat(coder.code("HCA", "en", null).map(OccupationCoder.Coding::uri)).contains(HCA);
  }

  @Test
  void aTitleCodedSurelyAsWrittenKeepsItsCoding() {
    // ESCO's own label with the acronym: not spelled out.
    OccupationCoder.Coding c = coder.code("PA Technician", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(PA_SYSTEM);
    assertThat(c.confidence()).isGreaterThanOrEqualTo(0.8);
    // Another language is not read as English.
    assertThat(coder.code("HCA", "fr", null)).isEqualTo(Optional.empty());
  }
}
