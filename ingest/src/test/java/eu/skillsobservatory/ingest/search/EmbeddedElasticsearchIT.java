package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded default is a real Elasticsearch node: it answers the client's {@code info()}, and it
 * knows the language analyzers and token filters the mappings use.
 */
@ExtendWith(EmbeddedNodeExtension.class)
class EmbeddedElasticsearchIT {

  record Label(String text) {}

  @Test
  void theNodeAnswersTheClientsInfo(SearchConnection es) throws IOException {
    var info = es.client().info();
    assertThat(info.version().number()).startsWith("8.19");
    assertThat(es.client().cluster().health().status().jsonValue()).isIn("green", "yellow");
  }

  @Test
  void mergingStopsOnlyWhenTheDiskIsNearlyFull(SearchConnection es) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String settings =
        http.send(
                java.net.http.HttpRequest.newBuilder(
                        es.url().resolve("/_nodes/_local/settings?flat_settings=true"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(settings)
        .contains("\"indices.merge.disk.watermark.high\":\"98%\"")
        .contains("\"indices.merge.disk.watermark.high.max_headroom\":\"5gb\"");
  }

  @Test
  void languageAnalyzersStemAsOnAFullCluster(SearchConnection es) throws IOException {
    assertThat(tokens(es, "english", "managing the projects")).containsExactly("manag", "project");
    assertThat(tokens(es, "german", "Häuser bauen")).containsExactly("haus", "bau");
    assertThat(tokens(es, "french", "les gestionnaires")).containsExactly("gestionair");
    // Croatian labels go through the Serbian analyzer: case endings off, diacritics folded.
    assertThat(tokens(es, "serbian", "održavanje strojeva"))
        .isEqualTo(tokens(es, "serbian", "održavanju strojevi"));
    assertThat(EscoIndexMapping.analyzer("hr")).isEqualTo("serbian");
  }

  private static List<String> tokens(SearchConnection es, String analyzer, String text)
      throws IOException {
    return es.client().indices().analyze(a -> a.analyzer(analyzer).text(text)).tokens().stream()
        .map(t -> t.token())
        .toList();
  }

  @Test
  void languageAnalyzersAndEdgeNgramsWork(SearchConnection es) throws IOException {
    ElasticsearchClient c = es.client();
    c.indices()
        .create(
            i ->
                i.index("analysis-check")
                    .settings(
                        s ->
                            s.numberOfShards("1")
                                .numberOfReplicas("0")
                                .analysis(
                                    a ->
                                        a.filter(
                                                "prefixes",
                                                f ->
                                                    f.definition(
                                                        d ->
                                                            d.edgeNgram(
                                                                g -> g.minGram(2).maxGram(20))))
                                            .analyzer(
                                                "autocomplete",
                                                an ->
                                                    an.custom(
                                                        cu ->
                                                            cu.tokenizer("standard")
                                                                .filter(
                                                                    "lowercase",
                                                                    "asciifolding",
                                                                    "prefixes")))
                                            .analyzer(
                                                "autocomplete_search",
                                                an ->
                                                    an.custom(
                                                        cu ->
                                                            cu.tokenizer("standard")
                                                                .filter(
                                                                    "lowercase", "asciifolding")))))
                    .mappings(
                        m ->
                            m.properties(
                                "text",
                                p ->
                                    p.text(
                                        t ->
                                            t.analyzer("english")
                                                .fields(
                                                    Map.of(
                                                        "prefix",
                                                        co.elastic.clients.elasticsearch._types
                                                            .mapping.Property.of(
                                                            pp ->
                                                                pp.text(
                                                                    tt ->
                                                                        tt.analyzer("autocomplete")
                                                                            .searchAnalyzer(
                                                                                "autocomplete_search")))))))));
    List<Label> labels =
        List.of(
            new Label("manage projects"), new Label("Café management"), new Label("weld metal"));
    for (int i = 0; i < labels.size(); i++) {
      String id = Integer.toString(i);
      Label l = labels.get(i);
      c.index(x -> x.index("analysis-check").id(id).document(l).refresh(Refresh.True));
    }

    SearchResponse<Label> stemmed =
        c.search(
            s ->
                s.index("analysis-check")
                    .query(q -> q.match(m -> m.field("text").query("managing"))),
            Label.class);
    assertThat(stemmed.hits().hits())
        .extracting(Hit::source)
        .extracting(Label::text)
        .containsExactlyInAnyOrder("manage projects", "Café management");

    SearchResponse<Label> prefix =
        c.search(
            s ->
                s.index("analysis-check")
                    .query(q -> q.match(m -> m.field("text.prefix").query("cafe manag"))),
            Label.class);
    assertThat(prefix.hits().hits().get(0).source().text()).isEqualTo("Café management");
  }
}
