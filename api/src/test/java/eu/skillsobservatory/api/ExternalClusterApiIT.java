package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import eu.skillsobservatory.api.web.ApiKeyFilter;
import eu.skillsobservatory.ingest.search.EmbeddedElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application configured with {@code observatory.elasticsearch.url}: a separate node started by
 * the test stands for the cluster. The application starts no node, indexes into the cluster on its
 * first start and searches there.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ExternalClusterApiIT {
  static final Path home = Path.of("target", "test-homes", "external-" + System.nanoTime());
  static EmbeddedElasticsearch cluster;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add("observatory.security.api-keys", () -> "reader:" + ApiKeyFilter.hash("health-reader"));
    r.add("observatory.esco.bundled", () -> MiniEscoFolder.in(home).toString());
    r.add("observatory.elasticsearch.url", ExternalClusterApiIT::clusterUrl);
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
  }

  static synchronized String clusterUrl() {
    if (cluster == null) {
      cluster = EmbeddedElasticsearch.start(home.resolveSibling(home.getFileName() + "-es"), 0);
    }
    return cluster.url();
  }

  @AfterAll
  static void stopTheCluster() {
    // The context is closed first (DirtiesContext), so the application has let go of it.
    if (cluster != null) {
      cluster.close();
    }
  }

  @Autowired Environment env;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .header("X-API-Key", "health-reader")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void searchRunsOnTheClusterAndNoNodeIsStartedHere() throws Exception {
    JsonNode hits = get("/api/esco/search?q=non-ferrous%20metal%20processing").get("hits");
    assertThat(hits.get(0).get("uri").asString())
        .isEqualTo("http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2");
    assertThat(Files.exists(home.resolve("es"))).isFalse();
  }

  @Test
  void healthNamesTheCluster() throws Exception {
    JsonNode es = get("/actuator/health").get("components").get("elasticsearch");
    assertThat(es.get("status").asString()).isEqualTo("UP");
    assertThat(es.get("details").get("mode").asString()).isEqualTo("external");
    assertThat(es.get("details").get("url").asString()).isEqualTo(cluster.url());
    assertThat(es.get("details").get("escoIndexed").asBoolean()).isTrue();
  }
}
