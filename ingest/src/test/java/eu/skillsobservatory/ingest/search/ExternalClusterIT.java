package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The external path: a second, separate node is the "cluster", reached only by its URL, with
 * nothing shared with the embedded default but the code.
 */
class ExternalClusterIT {
  static final Path DATA = Path.of("..", "data", "esco", "v1.1.1");

  @Test
  void indexingAndSearchWorkAgainstANodeGivenByUrl() throws Exception {
    Path dir = Files.createTempDirectory("external-es");
    try (EmbeddedElasticsearch cluster = EmbeddedElasticsearch.start(dir.resolve("es"), 0);
        SearchConnection es = SearchConnection.connect(SearchConnection.Options.of(cluster.url()));
        TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      store.load(
          List.of(
              DATA.resolve("esco-v1.1.1-classification-en-csv.zip"),
              DATA.resolve("esco-v1.1.1-classification-relations-csv.zip")),
          Optional.empty(),
          Progress.NONE);
      EscoSearchIndex index = new EscoSearchIndex(es);
      var report = index.reindex(store.catalog(), EscoVersion.parse("v1.1.1"), Progress.NONE);
      assertThat(report.failed()).isEmpty();
      assertThat(report.documents()).isEqualTo(18_162);

      ConceptSearch.Page page =
          index.search(
              new ConceptSearch.Query(
                  "metal drawing machine operator",
                  "en",
                  Optional.empty(),
                  Optional.empty(),
                  5,
                  0));
      assertThat(page.hits().get(0).uri())
          .isEqualTo("http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84");
    }
  }

  @Test
  void anUnreachableClusterFailsFastWithAClearMessage() {
    try (SearchConnection es =
        SearchConnection.connect(
            SearchConnection.Options.of("http://127.0.0.1:9").withRetries(0))) {
      EscoSearchIndex index = new EscoSearchIndex(es);
      assertThat(index.ping()).isEmpty();
      org.assertj.core.api.Assertions.assertThatThrownBy(index::isIndexed)
          .isInstanceOf(SearchStoreException.class)
          .hasMessageContaining("Elasticsearch did not answer");
    }
  }
}
