package eu.skillsobservatory.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the OpenAPI document the server publishes and calls every GET operation in it with
 * plausible parameters: none may answer with a 5xx, whatever the data (here: an empty home with the
 * shipped ESCO, no vacancies, no offers).
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiWalkIT {
  static final Path home = Path.of("target", "test-homes", "openapi-" + System.nanoTime());

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add("observatory.esco.bundled", () -> "../data/esco/v1.1.1");
    r.add("observatory.extraction.warm-up", () -> "false");
    // Nor what analytics answers need (its reads would take a core while the tests run).
    r.add("observatory.analytics.warm-up", () -> "false");
    // Titles are not its subject: no model for the few the labels code unsurely.
    r.add("observatory.extraction.title-meaning", () -> "false");
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
  }

  static final Map<String, String> VALUES =
      Map.ofEntries(
          Map.entry(
              "uri", "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84"),
          Map.entry(
              "occupation",
              "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84"),
          Map.entry(
              "skill", "http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d"),
          Map.entry("q", "weld"),
          Map.entry("query", "ASK { ?s ?p ?o }"),
          Map.entry("from", "v1.1.1"),
          Map.entry("to", "v1.1.1"),
          Map.entry("source", "nowhere"),
          Map.entry("id", "none"));

  @Autowired Environment env;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyGetOperationAnswersWithoutA5xx() throws Exception {
    HttpResponse<String> doc = get("/v3/api-docs");
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
    JsonNode paths = json.readTree(doc.body()).get("paths");
    List<String> called = new ArrayList<>();
    for (var p : paths.properties()) {
      JsonNode get = p.getValue().get("get");
      if (get == null) {
        continue;
      }
      String path = p.getKey();
      StringBuilder query = new StringBuilder();
      for (JsonNode param : get.path("parameters")) {
        String name = param.get("name").asString();
        String in = param.get("in").asString();
        boolean required = param.path("required").asBoolean(false);
        String value = VALUES.getOrDefault(name, "x");
        if (in.equals("path")) {
          path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        } else if (in.equals("query") && required) {
          query
              .append(query.isEmpty() ? "?" : "&")
              .append(name)
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
      }
      HttpResponse<String> r = get(path + query);
      called.add(r.statusCode() + " " + path + query);
      assertThat(r.statusCode()).as(path + query + " -> " + r.body()).isLessThan(500);
      // The documented example answer has the fields the real answer has: examples cannot drift
      // from the API unnoticed.
      JsonNode example = get.path("responses").path("200").path("content");
      example =
          example.path(example.propertyNames().stream().findFirst().orElse("")).get("example");
      if (r.statusCode() == 200
          && example != null
          && example.isObject()
          && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
        JsonNode answer = json.readTree(r.body());
        assertThat(answer.propertyNames())
            .as("fields of " + path + query + " against its documented example")
            .containsExactlyInAnyOrderElementsOf(example.propertyNames());
      }
    }
    assertThat(called).as("operations called").hasSizeGreaterThan(15);
    assertThat(json.readTree(doc.body()).get("info").get("title").asString())
        .isEqualTo("Skills Observatory API");
    assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    // The slice parameters read the same everywhere, each with a real example.
    JsonNode demand = paths.get("/api/analytics/demand").get("get").get("parameters");
    for (JsonNode p : demand) {
      if (List.of("sector", "country", "from", "to").contains(p.get("name").asString())) {
        assertThat(p.get("example")).as(p.toString()).isNotNull();
        assertThat(p.get("description").asString()).isNotBlank();
      }
    }
  }

  @Test
  void everyOperationHasExamplesOfItsParametersBodyAnswerAndErrors() throws Exception {
    JsonNode paths = json.readTree(get("/v3/api-docs").body()).get("paths");
    int operations = 0;
    for (var p : paths.properties()) {
      for (var o : p.getValue().properties()) {
        String op = o.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
        JsonNode operation = o.getValue();
        operations++;
        for (JsonNode param : operation.path("parameters")) {
          assertThat(param.has("example") || param.has("examples"))
              .as(op + " parameter " + param.get("name") + " has an example")
              .isTrue();
        }
        if (operation.has("requestBody")) {
          for (var media : operation.get("requestBody").get("content").properties()) {
            assertThat(media.getValue().has("example") || media.getValue().has("examples"))
                .as(op + " request body " + media.getKey() + " has an example")
                .isTrue();
          }
        }
        boolean answered = false;
        boolean problem = false;
        for (var response : operation.path("responses").properties()) {
          for (var media : response.getValue().path("content").properties()) {
            boolean example = media.getValue().has("example") || media.getValue().has("examples");
            answered |= response.getKey().startsWith("2") && example;
            problem |=
                response.getKey().startsWith("4")
                    && media.getKey().equals("application/problem+json")
                    && example;
          }
        }
        assertThat(answered).as(op + " has an example answer").isTrue();
        assertThat(problem).as(op + " has an example problem detail").isTrue();
      }
      if (p.getKey().equals("/api/vacancies") || p.getKey().equals("/sparql")) {
        assertThat(p.getValue().path("post").has("requestBody"))
            .as(p.getKey() + " documents its body")
            .isTrue();
      }
    }
    assertThat(operations).isGreaterThan(20);
  }

  @Test
  void operationIdsAreUniqueAndEveryOperationThatNeedsAKeySaysSo() throws Exception {
    JsonNode doc = json.readTree(get("/v3/api-docs").body());
    assertThat(doc.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
    List<String> ids = new ArrayList<>();
    List<String> keyed = new ArrayList<>();
    for (var p : doc.get("paths").properties()) {
      for (var o : p.getValue().properties()) {
        String op = o.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
        JsonNode operation = o.getValue();
        String id = operation.get("operationId").asString();
        assertThat(id).as(op).matches("[a-z][A-Za-z0-9]*");
        ids.add(id);
        if (operation.has("security")) {
          keyed.add(op);
          assertThat(operation.get("security").findValues("apiKey")).as(op).isNotEmpty();
          assertThat(operation.get("responses").has("401")).as(op).isTrue();
          assertThat(operation.get("responses").has("403")).as(op).isTrue();
        }
      }
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(keyed)
        .contains(
            "POST /api/vacancies",
            "POST /api/offers",
            "DELETE /api/datasets/{name}",
            "POST /api/esco/versions",
            "POST /api/esco/reindex",
            "GET /api/jobs")
        // Reads, and the POSTs that only compute an answer, need no key.
        .doesNotContain(
            "GET /api/analytics/demand",
            "POST /api/analytics/match",
            "POST /sparql",
            "POST /api/extract");
    JsonNode demand = doc.at("/paths/~1api~1analytics~1demand/get/responses");
    assertThat(demand.has("429")).isTrue();
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
            .headers(headers)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void escoAndAnalyticsAnswersAreTaggedAndATagSentBackIsA304() throws Exception {
    String concept = "/api/esco/concepts?uri=" + URLEncoder.encode(VALUES.get("skill"), UTF_8);
    for (String path : List.of(concept, "/api/esco/search?q=weld", "/api/analytics/demand")) {
      HttpResponse<String> first = get(path);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      String etag = first.headers().firstValue("ETag").orElseThrow();
      assertThat(etag).startsWith("W/\"");
      assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
      HttpResponse<String> again = get(path, "If-None-Match", etag);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).hasValue(etag);
      // Another representation, another tag.
      if (!path.equals(concept)) {
        HttpResponse<String> csv = get(path, "Accept", "text/csv", "If-None-Match", etag);
        assertThat(csv.statusCode()).as(path).isEqualTo(200);
        assertThat(csv.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
      }
    }
    assertThat(get(concept).headers().firstValue("Cache-Control").orElseThrow()).contains("public");
    // A refusal carries no tag.
    HttpResponse<String> bad = get("/api/analytics/demand?limit=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("ETag")).isEmpty();
    // Large answers are compressed for a client that accepts it.
    HttpResponse<String> big = get("/api/esco/search?q=metal&limit=100", "Accept-Encoding", "gzip");
    assertThat(big.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void theStatisticsAndStatsAnswersComeAsCsvToo() throws Exception {
    Map<String, String> headers =
        Map.of(
            "/api/vacancies/stats", "dimension,key,vacancies,duplicates,duplicate_rate",
            "/api/offers/stats", "dimension,key,offers",
            "/api/statistics/employment", "year,employed_thousands,cells",
            "/api/statistics/datasets", "dataset,cells,from_year,to_year,countries,source",
            "/api/datasets", "name,kind,synthetic,loaded_at,esco_version,extraction,rows,files");
    for (var e : headers.entrySet()) {
      HttpResponse<String> r = get(e.getKey(), "Accept", "text/csv");
      assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(r.body()).as(e.getKey()).startsWith(e.getValue());
      assertThat(get(e.getKey() + "?format=csv").body()).isEqualTo(r.body());
    }
    assertThat(get("/api/vacancies/stats", "Accept", "text/csv").body()).contains("\ntotal,,0,0,");
  }

  @Test
  void infoNamesTheEscoVersionsAndWhatIsHeldAndMetricsAreServed() throws Exception {
    JsonNode info = json.readTree(get("/actuator/info").body());
    assertThat(info.get("escoVersions").findValuesAsString("version")).contains("v1.1.1");
    assertThat(info.get("escoVersions").get(0).get("skills").asLong()).isEqualTo(13_896);
    assertThat(info.get("held").get("offers").asLong()).isZero();
    get("/api/esco/versions");
    HttpResponse<String> m = get("/actuator/metrics/http.server.requests");
    assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
  }
}
