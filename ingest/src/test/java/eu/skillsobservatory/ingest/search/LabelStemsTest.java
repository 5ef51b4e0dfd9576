package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.ingest.extract.LuceneWordForms;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelStemsTest {
  final LabelStems stems = new LabelStems(new LuceneWordForms());

  @Test
  void everyLanguageOfTheStemmerTableIsStemmedInTheSearchIndexOneWayOrTheOther() {
    Set<String> here =
        LuceneWordForms.LANGUAGES.stream()
            .filter(EscoIndexMapping::stemmedHere)
            .collect(Collectors.toSet());
    assertThat(here).containsExactlyInAnyOrder("is", "mt", "pl", "sk", "sl", "uk");
    for (String lang : LuceneWordForms.LANGUAGES) {
      assertThat(EscoIndexMapping.stemmedHere(lang) || EscoIndexMapping.ANALYZERS.containsKey(lang))
          .as(lang)
          .isTrue();
    }
    // Regional tags and field names stem as their language; English stays with Elasticsearch.
    assertThat(EscoIndexMapping.stemmedHere("pl-PL")).isTrue();
    assertThat(EscoIndexMapping.stemmedHere("sk_sk")).isTrue();
    assertThat(EscoIndexMapping.stemmedHere("en")).isFalse();
  }

  @Test
  void inflectedFormsMeetAndStopWordsAreLeftOut() {
    assertThat(stems.of("spracovaním železných kovov", "sk"))
        .isEqualTo(stems.of("spracovanie železných kovov", "sk"));
    assertThat(stems.of("obróbką metali żelaznych", "pl"))
        .isEqualTo(stems.of("Obróbka metali żelaznych", "pl"));
    assertThat(stems.of("обробки чорних металів", "uk"))
        .isEqualTo(stems.of("обробка чорних металів", "uk"));
    assertThat(stems.of("normy kvality a bezpečnosti", "sk").split(" ")).hasSize(3);
    assertThat(stems.of("a", "sk")).isEmpty();
  }
}
