package eu.skillsobservatory.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every language of the table stems and knows its stop words: two forms of one word meet in one
 * stem, a different word keeps another, and a common function word is a stop word.
 */
class LuceneWordFormsTest {
  final LuceneWordForms forms = new LuceneWordForms();

  /** Per language: two forms of one word, another word, a stop word. */
  static final Map<String, String[]> CASES =
      Map.ofEntries(
          Map.entry("en", new String[] {"welding", "welds", "drawing", "the"}),
          Map.entry("de", new String[] {"maschinen", "maschine", "zeichnung", "und"}),
          Map.entry("fr", new String[] {"soudures", "soudure", "dessin", "et"}),
          Map.entry("es", new String[] {"máquinas", "máquina", "dibujo", "el"}),
          Map.entry("it", new String[] {"macchine", "macchina", "disegno", "il"}),
          Map.entry("nl", new String[] {"tekeningen", "tekening", "machine", "de"}),
          Map.entry("pt", new String[] {"máquinas", "máquina", "desenho", "de"}),
          Map.entry("sv", new String[] {"maskiner", "maskin", "ritning", "och"}),
          Map.entry("no", new String[] {"maskiner", "maskin", "tegning", "og"}),
          Map.entry("nb", new String[] {"maskiner", "maskin", "tegning", "og"}),
          Map.entry("da", new String[] {"maskiner", "maskine", "tegning", "og"}),
          Map.entry("fi", new String[] {"koneet", "kone", "piirustus", "ja"}),
          Map.entry("hu", new String[] {"gépek", "gép", "rajz", "és"}),
          Map.entry("ro", new String[] {"mașinile", "mașina", "desen", "și"}),
          Map.entry("ca", new String[] {"màquines", "màquina", "dibuix", "i"}),
          Map.entry("ga", new String[] {"bhfeirm", "feirm", "carr", "agus"}),
          Map.entry("lt", new String[] {"mašinos", "mašina", "brėžinys", "ir"}),
          Map.entry("et", new String[] {"masinad", "masinaga", "joonis", "ja"}),
          Map.entry("bg", new String[] {"машини", "машина", "чертеж", "и"}),
          Map.entry("cs", new String[] {"stroje", "stroj", "výkres", "a"}),
          Map.entry("el", new String[] {"μηχανές", "μηχανή", "σχέδιο", "και"}),
          Map.entry("lv", new String[] {"mašīnas", "mašīna", "rasējums", "un"}),
          Map.entry("pl", new String[] {"maszyny", "maszyna", "rysunek", "i"}),
          Map.entry("ar", new String[] {"المهندسون", "مهندس", "رسم", "في"}));

  @Test
  void everyLanguageOfTheTableStemsAndKnowsItsStopWords() {
    assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(LuceneWordForms.LANGUAGES);
    for (var c : CASES.entrySet()) {
      String lang = c.getKey();
      String[] w = c.getValue();
      assertThat(forms.stem(w[0], lang))
          .as(lang + ": " + w[0] + " and " + w[1])
          .isEqualTo(forms.stem(w[1], lang));
      assertThat(forms.stem(w[2], lang))
          .as(lang + ": " + w[2])
          .isNotEqualTo(forms.stem(w[0], lang));
      assertThat(forms.isStopWord(w[3], lang)).as(lang + ": stop word " + w[3]).isTrue();
      assertThat(forms.isStopWord(w[0], lang))
          .as(lang + ": " + w[0] + " is no stop word")
          .isFalse();
    }
  }

  @Test
  void romanianStopWordsMatchWithTheCommaBelowAndTheCedilla() {
    assertThat(forms.isStopWord("și", "ro")).isTrue();
    assertThat(forms.isStopWord("şi", "ro")).isTrue();
    assertThat(forms.isStopWord("față", "ro")).isEqualTo(forms.isStopWord("faţă", "ro"));
  }

  @Test
  void aLanguageOutsideTheTableKeepsItsWordsAndHasNoStopWords() {
    assertThat(forms.stem("strojevi", "hr")).isEqualTo("strojevi");
    assertThat(forms.isStopWord("i", "hr")).isFalse();
  }

  @Test
  void greekIsFoldedAsLucenesFilterFoldsItBeforeStemming() {
    assertThat(LightStemmers.greekFold("Μηχανές")).isEqualTo("μηχανεσ");
    assertThat(forms.stem("Μηχανές".toLowerCase(Locale.ROOT), "el"))
        .isEqualTo(forms.stem("μηχανεσ", "el"));
  }
}
