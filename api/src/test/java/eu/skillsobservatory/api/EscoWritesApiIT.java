package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ESCO writes: reindexing as a job, keys, unsafe uploads, body limits and CORS. */
class EscoWritesApiIT extends EscoApiBase {
  @Test
  void reindexRunsAsAJobAndEscoWritesNeedAKey() throws Exception {
    HttpResponse<String> none = postWithKey("/api/esco/reindex", null, "");
    assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
    assertThat(postWithKey("/api/esco/reindex", OLD_KEY, "").statusCode()).isEqualTo(403);
    Path zip = Path.of("..", "data", "esco", "v1.1.1", "esco-v1.1.1-classification-en-csv.zip");
    assertThat(postFiles("/api/esco/versions", null, zip).statusCode()).isEqualTo(401);
    assertThat(postFiles("/api/esco/versions", "not-a-key", zip).statusCode()).isEqualTo(403);
    assertThat(postFiles("/api/esco/versions", OLD_KEY, zip).statusCode()).isEqualTo(403);
    assertThat(postWithKey("/api/esco/reindex", "not-a-key", "").statusCode()).isEqualTo(403);

    HttpResponse<String> r = postWithKey("/api/esco/reindex", WRITER_KEY, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode job = finished(r.headers().firstValue("Location").orElseThrow());
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("documents").asLong()).isGreaterThan(16_000);
    // Searching still works after the swap.
    HttpResponse<String> s = get("/api/esco/search?q=welding&limit=3");
    assertThat(s.statusCode()).isEqualTo(200);
    assertThat(json.readTree(s.body()).get("hits")).isNotEmpty();
  }

  @Test
  void anEscoUploadWithAnUnsafeFileNameIsRefused() throws Exception {
    Path dir = Files.createTempDirectory(home.getParent(), "names");
    Path odd = Files.writeString(dir.resolve(".hidden.zip"), "PK");
    HttpResponse<String> r = postFiles("/api/esco/versions", WRITER_KEY, odd);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asString()).contains("file name");
  }

  @Test
  void bodiesOverTheLimitAre413AndCorsAnswersTheConfiguredOrigin() throws Exception {
    String big = "{\"text\":\"" + "weld ".repeat(20_000) + "\"}";
    HttpResponse<String> r = post("/api/extract", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(json.readTree(r.body()).get("type").asString()).endsWith(":payload-too-large");

    HttpResponse<String> pre =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + env.getProperty("local.server.port")
                            + "/api/vacancies/stats"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://dashboard.example.org")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://dashboard.example.org");
    HttpResponse<String> other =
        get("/api/esco/versions", "Origin", "https://elsewhere.example.org");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
