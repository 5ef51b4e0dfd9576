package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptSearch.Query;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searching ESCO in languages Elasticsearch has no analyzer for: Slovak, Ukrainian and Polish
 * labels are stemmed by the project, so a search with every word inflected otherwise than in the
 * label finds that label alone, in the first pass that wants all the words (unstemmed, only the
 * second pass found it, with every label sharing one word).
 */
@ExtendWith(EmbeddedNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualSearchIT {
  static final String FERROUS =
      "http://data.europa.eu/esco/skill/46786464-6c5b-4970-9a63-2f2fb29b4c12";
  static final String QUALITY =
      "http://data.europa.eu/esco/skill/8d4271ca-c9fd-40b3-875f-15f78332a49e";

  TdbEscoStore store;
  ConceptSearch search;

  @BeforeAll
  void loadAndIndex(SearchConnection es) throws Exception {
    Path mini = resource("/esco-mini/skills_en.csv");
    Path other = resource("/esco-mini-de-fr/skills_sk.csv");
    store = TdbEscoStore.open(Files.createTempDirectory("multilingual-search").resolve("tdb2"));
    EscoVersion v = EscoVersion.parse("v9.8.1");
    store.load(
        List.of(
            mini.getParent(),
            other,
            other.resolveSibling("skills_uk.csv"),
            resource("/esco-mini-pl/skills_pl.csv")),
        Optional.of(v),
        Progress.NONE);
    EscoSearchIndex index = new EscoSearchIndex(es);
    assertThat(index.reindex(store.catalog(), v, Progress.NONE).failed()).isEmpty();
    search = index.asConceptSearch();
  }

  static Path resource(String name) throws Exception {
    return Path.of(MultilingualSearchIT.class.getResource(name).toURI());
  }

  @AfterAll
  void close() {
    store.close();
  }

  List<String> uris(String text, String language) {
    return search
        .search(new Query(text, language, Optional.empty(), Optional.empty(), 10, 0))
        .hits()
        .stream()
        .map(ConceptSearch.Hit::uri)
        .toList();
  }

  @Test
  void inflectedWordsFindTheirLabelAlone() {
    // "spracovanie železných kovov" in the instrumental; "обробка чорних металів" in the genitive;
    // "obróbka metali żelaznych" in the instrumental.
    assertThat(uris("spracovaním železných kovov", "sk")).containsExactly(FERROUS);
    assertThat(uris("обробки чорних металів", "uk")).containsExactly(FERROUS);
    assertThat(uris("obróbką metali żelaznych", "pl")).containsExactly(FERROUS);
  }

  @Test
  void alternativeLabelsAreStemmedTooAndNamed() {
    ConceptSearch.Page page =
        search.search(
            new Query("standardami jakości", "pl", Optional.empty(), Optional.empty(), 10, 0));
    assertThat(page.hits()).extracting(ConceptSearch.Hit::uri).containsExactly(QUALITY);
    assertThat(page.hits().get(0).matchedLabel()).isEqualTo("standardy jakości");
  }
}
