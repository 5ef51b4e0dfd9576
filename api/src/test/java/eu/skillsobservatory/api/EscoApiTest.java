package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.esco.EscoService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ESCO REST endpoints on a real server over a real TDB2 store. The server starts on an empty
 * home, so it first loads the shipped v1.1.1 by itself, as {@code serve} does.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscoApiTest {
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
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
  }

  @Autowired Environment env;
  @Autowired EscoService esco;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void alsoLoadTheOlderVersion() {
    Path dir = Path.of("..", "data", "esco", "v1.1.0");
    esco.load(
        List.of(
            dir.resolve("esco-v1.1.0-classification-en-csv.zip"),
            dir.resolve("esco-v1.1.0-classification-relations-csv.zip")),
        Optional.empty(),
        Progress.NONE);
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

  @Test
  void theFirstStartLoadedTheShippedVersion() throws Exception {
    HttpResponse<String> r = get("/api/esco/versions");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode versions = json.readTree(r.body());
    assertThat(versions).hasSize(2);
    JsonNode v111 = versions.get(1);
    assertThat(v111.get("version").asString()).isEqualTo("v1.1.1");
    assertThat(v111.get("skills").asLong()).isEqualTo(13_896);
    assertThat(v111.get("occupations").asLong()).isEqualTo(3_007);
    assertThat(v111.get("iscoGroups").asLong()).isEqualTo(619);
  }

  @Test
  void versionsComeAsCsvWhenAsked() throws Exception {
    HttpResponse<String> byHeader = get("/api/esco/versions", "Accept", "text/csv");
    assertThat(byHeader.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(byHeader.body()).startsWith("version,current,skills");
    HttpResponse<String> byParam = get("/api/esco/versions?format=csv");
    assertThat(byParam.body()).isEqualTo(byHeader.body());
  }

  @Test
  void aConceptIsFoundByItsUri() throws Exception {
    HttpResponse<String> r = get("/api/esco/concepts?uri=" + enc(METAL_DRAWING));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode c = json.readTree(r.body());
    assertThat(c.get("preferredLabel").asString()).isEqualTo("metal drawing machine operator");
    assertThat(c.get("version").asString()).isEqualTo("v1.1.1");
    assertThat(c.get("essentialSkills").size()).isEqualTo(15);
  }

  @Test
  void aLanguageWithoutLabelsFallsBackToEnglish() throws Exception {
    HttpResponse<String> r =
        get("/api/esco/concepts?uri=" + enc(METAL_DRAWING), "Accept-Language", "de-DE,de;q=0.9");
    JsonNode c = json.readTree(r.body());
    assertThat(c.get("language").asString()).isEqualTo("en");
    assertThat(c.get("preferredLabel").asString()).isEqualTo("metal drawing machine operator");
  }

  @Test
  void anUnknownUriIsA404ProblemWithAStableType() throws Exception {
    HttpResponse<String> r =
        get("/api/esco/concepts?uri=" + enc("http://data.europa.eu/esco/skill/none"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = json.readTree(r.body());
    assertThat(p.get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:unknown-concept");
    assertThat(p.get("detail").asString()).contains("http://data.europa.eu/esco/skill/none");
  }

  @Test
  void aMissingParameterIsA400Problem() throws Exception {
    HttpResponse<String> r = get("/api/esco/concepts");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = json.readTree(r.body());
    assertThat(p.get("type").asString()).isEqualTo("urn:skills-observatory:problem:validation");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void anUnknownVersionIsA404Problem() throws Exception {
    HttpResponse<String> r =
        get("/api/esco/concepts?uri=" + enc(METAL_DRAWING) + "&version=v0.9.0");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:unknown-esco-version");
  }

  @Test
  void theDiffBetweenTheShippedVersionsHasItsCounts() throws Exception {
    HttpResponse<String> r = get("/api/esco/diff?from=v1.1.0&to=v1.1.1");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode counts = json.readTree(r.body()).get("counts");
    assertThat(counts.get("added").asInt()).isEqualTo(420);
    assertThat(counts.get("removed").asInt()).isEqualTo(419);
    assertThat(counts.get("relabelled").asInt()).isEqualTo(2);
    assertThat(counts.get("relationsAdded").asInt()).isEqualTo(305);
    assertThat(counts.get("relationsRemoved").asInt()).isEqualTo(369);
  }

  @Test
  void searchFindsAConceptByAnAlternativeLabelAndNamesIt() throws Exception {
    HttpResponse<String> r = get("/api/esco/search?q=" + enc("wire drawer") + "&limit=5");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode first = json.readTree(r.body()).get("hits").get(0);
    assertThat(first.get("uri").asString()).isEqualTo(METAL_DRAWING);
    assertThat(first.get("matchedField").asString()).isEqualTo("alternative");
    assertThat(first.get("matchedLabel").asString()).isEqualTo("wire drawer");
  }

  @Test
  void searchToleratesATypo() throws Exception {
    HttpResponse<String> r =
        get("/api/esco/search?q=" + enc("metal drawng machine operator") + "&limit=5");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode first = json.readTree(r.body()).get("hits").get(0);
    assertThat(first.get("uri").asString()).isEqualTo(METAL_DRAWING);
  }

  @Test
  void suggestCompletesAHalfTypedLabelFilteredByType() throws Exception {
    HttpResponse<String> r =
        get("/api/esco/suggest?q=" + enc("metal drawing ma") + "&type=occupation");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode hits = json.readTree(r.body()).get("hits");
    assertThat(hits.get(0).get("label").asString()).isEqualTo("metal drawing machine operator");
    hits.forEach(h -> assertThat(h.get("type").asString()).isEqualTo("occupation"));
  }

  @Test
  void searchWithoutTextIsA400Problem() throws Exception {
    HttpResponse<String> r = get("/api/esco/search?q=%20");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:validation");
  }

  @Test
  void healthReportsEachStoreOnItsOwn() throws Exception {
    HttpResponse<String> r = get("/actuator/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode components = json.readTree(r.body()).get("components");
    assertThat(components.get("tdb2").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("elasticsearch").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("elasticsearch").get("details").get("mode").asString())
        .isEqualTo("embedded");
  }

  @Test
  void aMalformedVersionIsA400Problem() throws Exception {
    HttpResponse<String> r = get("/api/esco/diff?from=latest&to=v1.1.1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:validation");
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

  @Test
  void extractFindsSkillsWithTheirSpans() throws Exception {
    String text = "Job: welder. You will weld steel frames and read technical drawings.";
    HttpResponse<String> r =
        post("/api/extract", "{\"text\":\"" + text + "\",\"mode\":\"fast\",\"top\":5}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode skills = json.readTree(r.body()).get("skills");
    assertThat(skills.size()).isBetween(1, 5);
    for (JsonNode s : skills) {
      assertThat(s.get("uri").asString()).startsWith("http://data.europa.eu/esco/skill/");
      String span =
          text.substring(s.get("span").get("start").asInt(), s.get("span").get("end").asInt());
      assertThat(span).isNotBlank();
    }
    assertThat(skills.findValuesAsString("label")).anyMatch(l -> l.contains("technical drawings"));
  }

  @Test
  void extractWithoutTextIsA400Problem() throws Exception {
    HttpResponse<String> r = post("/api/extract", "{\"mode\":\"fast\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asString()).contains("text");
  }

  @Test
  void vacanciesArePostedAsJsonLinesAndCounted() throws Exception {
    String body =
        "{\"id\":\"1\",\"posted\":\"2024-04-02\",\"country\":\"DE\","
            + "\"title\":\"Welder\",\"description\":\"Weld steel frames, read technical drawings.\"}\n"
            + "{\"id\":\"2\",\"posted\":\"2024-04-02\"\n"
            + "{\"id\":\"3\",\"posted\":\"2024-05-02\",\"country\":\"AT\"}\n";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + env.getProperty("local.server.port")
                            + "/api/vacancies?source=test-api"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = json.readTree(r.body());
    assertThat(report.get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("rejects").asString()).endsWith(".csv");

    JsonNode stats = json.readTree(get("/api/vacancies/stats").body());
    assertThat(stats.get("bySource").findValuesAsString("source")).contains("test-api");
    assertThat(stats.get("byMonth").get("2024-04").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void analyticsAnswerJsonAndCsvAndNameBadParameters() throws Exception {
    String body =
        "{\"id\":\"m1\",\"posted\":\"2024-02-02\",\"country\":\"MT\",\"nace\":\"J\","
            + "\"title\":\"Welder\",\"skills\":[\"http://data.europa.eu/esco/skill/x1\"]}\n"
            + "{\"id\":\"m2\",\"posted\":\"2024-03-02\",\"country\":\"MT\",\"nace\":\"J\","
            + "\"title\":\"Baker\",\"description\":\"Bake bread at night.\"}\n";
    HttpResponse<String> in =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + env.getProperty("local.server.port")
                            + "/api/vacancies?source=analytics-api"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);

    HttpResponse<String> j = get("/api/analytics/demand?sector=J&country=MT");
    assertThat(j.statusCode()).as(j.body()).isEqualTo(200);
    JsonNode group = json.readTree(j.body()).get("groups").get(0);
    assertThat(group.get("postings").asLong()).isEqualTo(2);
    assertThat(group.get("skills").findValuesAsString("uri"))
        .contains("http://data.europa.eu/esco/skill/x1");

    HttpResponse<String> c = get("/api/analytics/demand?sector=J&country=MT", "Accept", "text/csv");
    assertThat(c.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(c.body())
        .startsWith("group,postings,uri,label,skill_postings,share,low,high\n")
        .contains(",2,http://data.europa.eu/esco/skill/x1,,1,0.5,");

    HttpResponse<String> bad = get("/api/analytics/demand?sector=ZZ");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("detail").asString()).contains("sector:");

    HttpResponse<String> co =
        get(
            "/api/analytics/cooccurrence?skill=http://data.europa.eu/esco/skill/x1&country=MT&minSupport=1");
    assertThat(co.statusCode()).as(co.body()).isEqualTo(200);
    assertThat(json.readTree(co.body()).get("withSkill").asLong()).isEqualTo(1);
    assertThat(get("/api/analytics/cooccurrence?skill=nope").statusCode()).isEqualTo(400);

    HttpResponse<String> like =
        get("/api/analytics/similar-occupations?limit=3&occupation=" + METAL_DRAWING);
    assertThat(like.statusCode()).as(like.body()).isEqualTo(200);
    JsonNode similar = json.readTree(like.body()).get("similar");
    assertThat(similar).hasSize(3);
    assertThat(similar.get(0).get("similarity").asDouble()).isBetween(0.0, 1.0);
    assertThat(similar.get(0).get("similarity").asDouble())
        .isGreaterThanOrEqualTo(similar.get(2).get("similarity").asDouble());
    assertThat(get("/api/analytics/similar-occupations?occupation=http://x/none").statusCode())
        .isEqualTo(400);

    HttpResponse<String> few = get("/api/analytics/emerging?country=MT&format=csv");
    assertThat(few.statusCode()).isEqualTo(400);
    assertThat(json.readTree(few.body()).get("detail").asString())
        .contains("months of postings; emerging skills need");
  }
}
