package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.esco.EscoService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server over a real TDB2 store and Elasticsearch node, shared by the API's integration
 * tests (one application context for all: same configuration, so Spring's test context cache keeps
 * it). The server starts on an empty home, so it first loads the shipped v1.1.1 by itself, as
 * {@code serve} does; the older v1.1.0 is then loaded through the API once.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EscoApiBase {
  static final String METAL_DRAWING =
      "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";

  /**
   * Under target/, removed by a clean build; the server keeps its files open until the JVM ends.
   */
  static final Path home = Path.of("target", "test-homes", "api-" + System.nanoTime());

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add("observatory.esco.bundled", () -> "../data/esco/v1.1.1");
    // 99,120 label vectors would take the CPU for 90 s; these tests use fast extraction only.
    r.add("observatory.extraction.warm-up", () -> "false");
    // Nor what analytics answers need (its reads would take a core while the tests run).
    r.add("observatory.analytics.warm-up", () -> "false");
    // Titles are not its subject: no model for the few the labels code unsurely.
    r.add("observatory.extraction.title-meaning", () -> "false");
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
    r.add(
        "observatory.security.api-keys",
        () ->
            "writer:"
                + eu.skillsobservatory.api.web.ApiKeyFilter.hash(WRITER_KEY)
                + ",old:"
                + eu.skillsobservatory.api.web.ApiKeyFilter.hash(OLD_KEY));
    r.add("observatory.security.revoked-keys", () -> "old");
    // Long enough for any real query here, short against a cross product of the whole store.
    r.add("observatory.sparql.timeout", () -> "3s");
    r.add("observatory.http.max-request", () -> "64KB");
    r.add("observatory.http.cors-origins", () -> "https://dashboard.example.org");
  }

  static final String WRITER_KEY = "test-writer-key";
  static final String OLD_KEY = "revoked-key";

  @Autowired Environment env;
  @Autowired EscoService esco;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  /** The older version is loaded through the API, as an operator would: a multipart job. */
  private static boolean olderVersionLoaded;

  @BeforeAll
  void alsoLoadTheOlderVersion() throws Exception {
    synchronized (EscoApiBase.class) {
      if (olderVersionLoaded) {
        return;
      }
      olderVersionLoaded = true;
    }
    Path dir = Path.of("..", "data", "esco", "v1.1.0");
    HttpResponse<String> r =
        postFiles(
            "/api/esco/versions?index=false",
            WRITER_KEY,
            dir.resolve("esco-v1.1.0-classification-en-csv.zip"),
            dir.resolve("esco-v1.1.0-classification-relations-csv.zip"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode job = finished(r.headers().firstValue("Location").orElseThrow());
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("kind").asString()).isEqualTo("esco");
    assertThat(job.get("result").get("load").get("version").asString()).isEqualTo("v1.1.0");
    assertThat(job.get("result").has("index")).isFalse();
  }

  /** Posts files as multipart/form-data parts named {@code file}. */
  HttpResponse<String> postFiles(String path, String key, Path... files) throws Exception {
    String boundary = "observatory-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path f : files) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + f.getFileName()
                  + "\"\r\nContent-Type: application/zip\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(f));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (key != null) {
      b.header("X-API-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Follows a job until it ends (at most two minutes) and gives its last state. */
  JsonNode finished(String jobUri) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode job = json.readTree(get(jobUri).body());
      String state = job.get("state").asString();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(jobUri + " did not end in two minutes");
  }

  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static final String BRICKS =
      "http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d";
  static final String CONCRETE =
      "http://data.europa.eu/esco/skill/46994031-5490-4a02-9937-c61f6e2d4fc9";
  static final String SCAFFOLD =
      "http://data.europa.eu/esco/skill/91991706-cd8e-4795-9784-715fc0250c8d";
  static final String UNDERWATER =
      "http://data.europa.eu/esco/skill/8b80cd83-9b9e-4b7e-9618-803936046a96";

  HttpResponse<String> postBody(String path, String type, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .header("Content-Type", type)
            .header("X-API-Key", WRITER_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Ten Luxembourg construction vacancies: bricks in all, concrete in 6, scaffolding in 3,
   * underwater concrete in 5; offers in Luxembourg teach bricks and concrete (one offer) and
   * scaffolding (another, online); a German offer teaches bricks. Every figure below follows.
   */
  /** A meter's count (COUNT of a counter or timer) with the given tags, 0 before first use. */
  double metric(String name, String... tags) throws Exception {
    StringBuilder q = new StringBuilder("/actuator/metrics/" + name);
    for (int i = 0; i < tags.length; i++) {
      q.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    }
    HttpResponse<String> r = get(q.toString());
    if (r.statusCode() == 404) {
      return 0;
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode m : json.readTree(r.body()).get("measurements")) {
      if (m.get("statistic").asString().equals("COUNT")) {
        return m.get("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + r.body());
  }

  HttpResponse<String> postWithKey(String path, String key, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-API-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> sparql(String query, String format) throws Exception {
    return get(
        "/sparql?format=" + format + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  static final String ESSENTIAL_SKILLS =
      "PREFIX esco: <http://data.europa.eu/esco/model#>\n"
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
          + "SELECT DISTINCT ?skill ?label WHERE { GRAPH ?g { <"
          + METAL_DRAWING
          + "> esco:relatedEssentialSkill ?skill . ?skill skos:prefLabel ?label ."
          + " FILTER(lang(?label) = \"en\") } } ORDER BY ?label";
}
