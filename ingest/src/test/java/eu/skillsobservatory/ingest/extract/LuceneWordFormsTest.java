package eu.skillsobservatory.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.extract.Tokens;
import java.util.List;
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
          Map.entry("ar", new String[] {"المهندسون", "مهندس", "رسم", "في"}),
          Map.entry("hr", new String[] {"strojevi", "strojeva", "crtež", "i"}),
          Map.entry("is", new String[] {"teikningar", "teikning", "vél", "og"}),
          Map.entry("mt", new String[] {"magni", "magna", "disinn", "il"}),
          Map.entry("sk", new String[] {"projektov", "projekty", "výkres", "a"}),
          Map.entry("sl", new String[] {"projektov", "projekti", "risba", "in"}),
          Map.entry("uk", new String[] {"машинами", "машини", "креслення", "і"}));

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
  void esco28LanguagesAreAllInTheTable() {
    assertThat(LuceneWordForms.LANGUAGES)
        .containsAll(
            List.of(
                "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu",
                "is", "it", "lt", "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv",
                "uk"));
  }

  @Test
  void aLanguageOutsideTheTableKeepsItsWordsAndHasNoStopWords() {
    assertThat(forms.stem("makineler", "tr")).isEqualTo("makineler");
    assertThat(forms.isStopWord("ve", "tr")).isFalse();
  }

  @Test
  void aWordTheDictionaryDoesNotKnowStaysAsItIs() {
    assertThat(forms.stem("kubernetesom", "sk")).isEqualTo("kubernetesom");
    assertThat(forms.stem("докеризація", "uk")).isEqualTo("докеризація");
  }

  @Test
  void ofSeveralDictionaryFormsTheShortestIsTaken() {
    assertThat(DictionaryStemmers.shortest(List.of("projekti", "projekt"), "projekti"))
        .isEqualTo("projekt");
    assertThat(DictionaryStemmers.shortest(List.of("strojiť", "stroj"), "stroj"))
        .isEqualTo("stroj");
    assertThat(DictionaryStemmers.shortest(List.of(), "xyz")).isEqualTo("xyz");
    assertThat(forms.stem("stroji", "sl")).isEqualTo(forms.stem("strojev", "sl"));
  }

  @Test
  void ukrainianIsLookedUpWithGheAndApostrophesAsTheDictionarySpellsThem() {
    assertThat(forms.stem("ґрунтами", "uk")).isEqualTo(forms.stem("грунт", "uk"));
    assertThat(forms.stem("роботи", "uk")).isEqualTo("робота");
    assertThat(forms.stem("машини", "uk")).isEqualTo("машина");
  }

  @Test
  void malteseLosesAPluralEndingThenAFinalVowel() {
    assertThat(LightStemmers.maltese("kwalifikazzjonijiet"))
        .isEqualTo(LightStemmers.maltese("kwalifikazzjoni"));
    assertThat(LightStemmers.maltese("attivitajiet")).isEqualTo(LightStemmers.maltese("attività"));
    assertThat(LightStemmers.maltese("impjegati")).isEqualTo("impjegat");
    assertThat(LightStemmers.maltese("impjegata")).isEqualTo("impjegat");
    assertThat(LightStemmers.maltese("ommijiet")).isEqualTo("omm");
    assertThat(LightStemmers.maltese("sit")).isEqualTo("sit");
  }

  @Test
  void aTokenIsStemmedAsWrittenThenFoldedSoTextWithoutAccentsMeetsTheLemma() {
    String written = forms.stemOf(Tokens.of("Údržby").get(0), "sk");
    assertThat(written).isEqualTo(forms.stemOf(Tokens.of("údržbu").get(0), "sk"));
    assertThat(written).isEqualTo(forms.stemOf(Tokens.of("udrzba").get(0), "sk"));
    assertThat(forms.isStop(Tokens.of("že").get(0), "sk")).isTrue();
    assertThat(forms.isStop(Tokens.of("Für").get(0), "de")).isTrue();
    // Cyrillic keeps й and ї for the dictionary, where folding would have dropped their marks.
    assertThat(forms.stemOf(Tokens.of("Бухгалтерський").get(0), "uk"))
        .isEqualTo(forms.stemOf(Tokens.of("бухгалтерського").get(0), "uk"));
  }

  @Test
  void greekIsFoldedAsLucenesFilterFoldsItBeforeStemming() {
    assertThat(LightStemmers.greekFold("Μηχανές")).isEqualTo("μηχανεσ");
    assertThat(forms.stem("Μηχανές".toLowerCase(Locale.ROOT), "el"))
        .isEqualTo(forms.stem("μηχανεσ", "el"));
  }
}
