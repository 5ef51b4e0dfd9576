package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import eu.skillsobservatory.api.web.ApiKeyFilter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external cluster that does not answer at start-up: the server still starts, says so once and
 * clearly, serves everything that needs only TDB2, answers searches with a 503 problem (fast, not
 * hanging) and reports each store's health on its own. It starts no node of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableClusterIT {
  static final Path home = Path.of("target", "test-homes", "unreachable-" + System.nanoTime());

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add("observatory.security.api-keys", () -> "reader:" + ApiKeyFilter.hash("health-reader"));
    r.add("observatory.esco.bundled", () -> MiniEscoFolder.in(home).toString());
    r.add("observatory.elasticsearch.url", () -> "http://127.0.0.1:" + closedPort());
    r.add("observatory.elasticsearch.connect-timeout", () -> "2s");
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
  }

  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired Environment env;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .header("X-API-Key", "health-reader")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStartSaysOnceAndClearlyThatSearchIsUnavailable(CapturedOutput output) {
    String log = output.getAll();
    assertThat(log).contains("Elasticsearch is not usable");
    assertThat(log.split("Elasticsearch is not usable", -1)).hasSize(2);
    assertThat(Files.exists(home.resolve("es"))).as("no embedded node was started").isFalse();
  }

  @Test
  void theEscoEndpointsThatNeedOnlyTdb2StillWork() throws Exception {
    HttpResponse<String> r = get("/api/esco/versions");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"skills\"");
  }

  @Test
  void aSearchIsAFast503Problem() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = get("/api/esco/search?q=metal");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json.readTree(r.body()).get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:search-unavailable");
    // Three retries with backoff (at most about 1.1 s), then the answer: never the 30 s timeout.
    assertThat(millis).isLessThan(10_000);
  }

  @Test
  void healthShowsElasticsearchDownAndTdb2Up() throws Exception {
    HttpResponse<String> r = get("/actuator/health");
    assertThat(r.statusCode()).isEqualTo(503);
    JsonNode components = json.readTree(r.body()).get("components");
    assertThat(components.get("escoStore").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("elasticsearch").get("status").asString()).isEqualTo("DOWN");
  }
}
