package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.esco.EscoService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
class EscoApiIT {
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
  @BeforeAll
  void alsoLoadTheOlderVersion() throws Exception {
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
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Path f : files) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + f.getFileName()
                  + "\"\r\nContent-Type: application/zip\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(java.nio.file.Files.readAllBytes(f));
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

  @Test
  void everyTabularResultComesAsCsvOnRequest() throws Exception {
    String[][] cases = {
      {"/api/esco/search?q=welding&limit=3", "uri,label,type,matched_label,matched_field,score"},
      {"/api/esco/suggest?q=weld&limit=3", "uri,label,type,matched_label,matched_field,score"},
      {
        "/api/analytics/similar-occupations?limit=3&occupation=" + enc(METAL_DRAWING),
        "uri,label,similarity,shared_skills,shared_essential"
      },
      {
        "/api/analytics/cooccurrence?minSupport=1&skill=" + enc(BRICKS),
        "uri,label,both,with_other,share,lift,pmi"
      },
      {"/api/analytics/candidate-skills?minSupport=1", "phrase,rising,explained_by,recent,"},
    };
    for (String[] c : cases) {
      for (HttpResponse<String> r :
          List.of(get(c[0] + "&format=csv"), get(c[0], "Accept", "text/csv"))) {
        assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.body()).as(c[0]).startsWith(c[1]);
      }
    }
    // The search's rows are its hits, in order.
    String csv = get("/api/esco/search?q=welding&limit=3&format=csv").body();
    JsonNode hits = json.readTree(get("/api/esco/search?q=welding&limit=3").body()).get("hits");
    assertThat(csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList())
        .containsExactlyElementsOf(hits.findValuesAsString("uri"));
  }

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
  void healthReportsEachStoreOnItsOwnToAKeyAndOnlyItsStatusToAnyone() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/health");
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(json.readTree(anonymous.body()).has("components")).isFalse();
    assertThat(anonymous.body()).doesNotContain(home.toAbsolutePath().toString());
    HttpResponse<String> r = get("/actuator/health", "X-API-Key", WRITER_KEY);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode components = json.readTree(r.body()).get("components");
    assertThat(components.get("escoStore").get("status").asString()).isEqualTo("UP");
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
    double acceptedBefore = metric("observatory.ingest.rows", "kind:vacancies", "outcome:accepted");
    double rejectedBefore = metric("observatory.ingest.rows", "kind:vacancies", "outcome:rejected");
    double extractedBefore = metric("observatory.extraction", "purpose:vacancy");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + env.getProperty("local.server.port")
                            + "/api/vacancies?source=test-api&wait=true"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-API-Key", WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Not all of it loaded: 422, a problem detail with the report and the rejected rows.
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.get("type").asString()).endsWith(":rows-rejected");
    assertThat(problem.get("detail").asString()).contains("1 of 3 rows rejected");
    JsonNode report = problem.get("report");
    assertThat(report.get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("rejects").asString()).endsWith(".csv");
    assertThat(problem.get("rejections")).hasSize(1);
    assertThat(problem.get("rejections").get(0).get("line").asString()).isEqualTo("2");
    // The ingest and extraction rates are Micrometer meters.
    assertThat(metric("observatory.ingest.rows", "kind:vacancies", "outcome:accepted"))
        .isEqualTo(acceptedBefore + 2);
    assertThat(metric("observatory.ingest.rows", "kind:vacancies", "outcome:rejected"))
        .isEqualTo(rejectedBefore + 1);
    assertThat(metric("observatory.extraction", "purpose:vacancy")).isGreaterThan(extractedBefore);

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
                            + "/api/vacancies?source=analytics-api&wait=true"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-API-Key", WRITER_KEY)
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
        .startsWith("group,postings,uri,label,skill_postings,share,low,high,synthetic,datasets\n")
        .contains(",2,http://data.europa.eu/esco/skill/x1,,1,0.5,");

    HttpResponse<String> bad = get("/api/analytics/demand?sector=ZZ");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("detail").asString()).contains("sector:");

    HttpResponse<String> co =
        get(
            "/api/analytics/cooccurrence?skill=http://data.europa.eu/esco/skill/x1&country=MT&minSupport=1");
    assertThat(co.statusCode()).as(co.body()).isEqualTo(200);
    assertThat(json.readTree(co.body()).get("withSkill").asLong()).isEqualTo(1);
    double previous = Double.MAX_VALUE;
    for (JsonNode r : json.readTree(co.body()).get("skills")) {
      // Ranked by the lower bound of the lift, each with its normalized PMI.
      assertThat(r.get("liftLow").asDouble()).isLessThanOrEqualTo(previous);
      assertThat(r.get("liftLow").asDouble()).isLessThanOrEqualTo(r.get("lift").asDouble());
      assertThat(r.get("npmi").asDouble()).isBetween(-1.0, 1.0);
      previous = r.get("liftLow").asDouble();
    }
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

    // A slice too thin for a trend is answered, with nothing tested and the reason.
    HttpResponse<String> few = get("/api/analytics/emerging?country=MT");
    assertThat(few.statusCode()).isEqualTo(200);
    assertThat(json.readTree(few.body()).get("note").asString())
        .contains("months of postings; emerging skills need");
    assertThat(json.readTree(few.body()).get("emerging")).isEmpty();
    assertThat(get("/api/analytics/emerging?country=MT&format=csv").statusCode()).isEqualTo(200);
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

  @Test
  void gapsMatchingAndAlignmentAgainstPostedOffers() throws Exception {
    StringBuilder vacancies = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      List<String> skills = new java.util.ArrayList<>(List.of(BRICKS));
      if (i < 6) {
        skills.add(CONCRETE);
      }
      if (i < 3) {
        skills.add(SCAFFOLD);
      }
      if (i >= 5) {
        skills.add(UNDERWATER);
      }
      vacancies
          .append("{\"id\":\"lu")
          .append(i)
          .append("\",\"posted\":\"2024-06-0")
          .append(1 + i % 9)
          .append("\",\"country\":\"LU\",\"nace\":\"F\",\"description\":\"Reference ")
          // distinct texts, or they would be near-duplicates of each other and not counted
          .append(i * 1_234_567L)
          .append(' ')
          .append((i + 3) * 7_654_321L)
          .append(' ')
          .append((i + 5) * 1_111L)
          .append("\",\"skills\":")
          .append(json.writeValueAsString(skills))
          .append("}\n");
    }
    HttpResponse<String> v =
        postBody(
            "/api/vacancies?source=gap-test&wait=true",
            "application/x-ndjson",
            vacancies.toString());
    assertThat(v.statusCode()).as(v.body()).isEqualTo(200);

    String offers =
        "{\"id\":\"o1\",\"title\":\"Masonry\",\"provider\":\"P1\",\"country\":\"LU\","
            + "\"eqf\":4,\"mode\":\"face-to-face\",\"hours\":40,\"cost\":400,\"skills\":[\""
            + BRICKS
            + "\",\""
            + CONCRETE
            + "\"]}\n"
            + "{\"id\":\"o2\",\"title\":\"Scaffolding online\",\"country\":\"LU\",\"eqf\":3,"
            + "\"mode\":\"online\",\"hours\":10,\"cost\":100,\"skills\":[\""
            + SCAFFOLD
            + "\"]}\n"
            + "{\"id\":\"o3\",\"title\":\"Bricks in Trier\",\"country\":\"DE\",\"skills\":[\""
            + BRICKS
            + "\"]}\n"
            + "{\"id\":\"o4\",\"title\":\"Broken\",\"country\":\"LU\",\"eqf\":12}\n";
    HttpResponse<String> o =
        postBody("/api/offers?source=gap-test&wait=true", "application/x-ndjson", offers);
    assertThat(o.statusCode()).as(o.body()).isEqualTo(422);
    JsonNode report = json.readTree(o.body()).get("report");
    assertThat(report.get("accepted").asLong()).isEqualTo(3);
    assertThat(report.get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("written").asLong()).isEqualTo(3);
    assertThat(json.readTree(get("/api/offers/stats").body()).get("offers").asLong())
        .isGreaterThanOrEqualTo(3);

    HttpResponse<String> g =
        get("/api/analytics/gaps?sector=F&country=LU&growth=false&occupations=0");
    assertThat(g.statusCode()).as(g.body()).isEqualTo(200);
    JsonNode gaps = json.readTree(g.body());
    assertThat(gaps.get("postings").asLong()).isEqualTo(10);
    assertThat(gaps.get("offersInScope").asLong()).isEqualTo(2);
    java.util.Map<String, JsonNode> bySkill = new java.util.HashMap<>();
    gaps.get("skills").forEach(k -> bySkill.put(k.get("uri").asString(), k));
    assertThat(bySkill.get(BRICKS).get("share").asDouble()).isEqualTo(1.0);
    assertThat(bySkill.get(BRICKS).get("offers").asLong()).isEqualTo(1);
    assertThat(bySkill.get(BRICKS).get("gapScore").asDouble()).isEqualTo(0.5);
    assertThat(bySkill.get(CONCRETE).get("gapScore").asDouble()).isEqualTo(0.3);
    assertThat(bySkill.get(SCAFFOLD).get("hours").asDouble()).isEqualTo(10.0);
    assertThat(bySkill.get(UNDERWATER).get("offers").asLong()).isZero();
    assertThat(bySkill.get(UNDERWATER).get("gapScore").asDouble()).isEqualTo(0.5);
    assertThat(bySkill.get(UNDERWATER).get("label").asString())
        .isEqualTo("pour concrete underwater");
    // Rolled up to skill groups: a group counts the postings mentioning any of its skills, so the
    // group of the skill in every posting has all 10, and none has more.
    HttpResponse<String> rolled = get("/api/analytics/demand?sector=F&country=LU&level=group");
    assertThat(rolled.statusCode()).as(rolled.body()).isEqualTo(200);
    JsonNode rows = json.readTree(rolled.body()).get("groups").get(0).get("skills");
    assertThat(rows.size()).isPositive();
    assertThat(rows.get(0).get("postings").asLong()).isEqualTo(10);
    rows.forEach(
        x -> {
          assertThat(x.get("postings").asLong()).isBetween(3L, 10L);
          assertThat(x.get("label").asString()).isNotBlank();
        });
    assertThat(get("/api/analytics/demand?level=family").statusCode()).isEqualTo(400);
    HttpResponse<String> gcsv =
        get("/api/analytics/gaps?sector=F&country=LU&growth=false&occupations=0&format=csv");
    assertThat(gcsv.body()).startsWith("uri,label,postings,share,lift,emerging,weight,offers");

    HttpResponse<String> m =
        get("/api/analytics/match?sector=F&country=LU&growth=false&maxOffers=1");
    assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
    JsonNode match = json.readTree(m.body());
    assertThat(match.get("picks")).hasSize(1);
    assertThat(match.get("picks").get(0).get("offer").get("id").asString()).isEqualTo("o1");
    assertThat(match.get("picks").get(0).get("gain").asDouble()).isEqualTo(0.8);

    HttpResponse<String> given =
        postBody(
            "/api/analytics/match",
            "application/json",
            "{\"skills\":[{\"uri\":\""
                + BRICKS
                + "\",\"weight\":1},{\"uri\":\""
                + SCAFFOLD
                + "\",\"weight\":2}],\"country\":\"LU\",\"maxOffers\":3}");
    assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
    JsonNode gm = json.readTree(given.body());
    assertThat(gm.get("picks").findValuesAsString("id")).containsExactly("o2", "o1");
    assertThat(gm.get("coveredShare").asDouble()).isEqualTo(1.0);
    assertThat(gm.get("ranking").get(0).get("offer").get("id").asString()).isEqualTo("o2");

    HttpResponse<String> online =
        postBody(
            "/api/analytics/match",
            "application/json",
            "{\"skills\":[{\"uri\":\""
                + BRICKS
                + "\"},{\"uri\":\""
                + SCAFFOLD
                + "\"}],\"country\":\"LU\",\"mode\":[\"online\"]}");
    assertThat(json.readTree(online.body()).get("picks").findValuesAsString("id"))
        .containsExactly("o2");
    HttpResponse<String> budget =
        postBody(
            "/api/analytics/match",
            "application/json",
            "{\"skills\":[{\"uri\":\""
                + BRICKS
                + "\"},{\"uri\":\""
                + SCAFFOLD
                + "\"}],\"country\":\"LU\",\"budget\":150}");
    JsonNode budgeted = json.readTree(budget.body());
    assertThat(budgeted.get("spent").asDouble()).isLessThanOrEqualTo(150);
    assertThat(budgeted.get("method").asString()).isIn("gain", "gain-per-cost", "single");
    assertThat(budgeted.get("unpriced").isArray()).isTrue();
    assertThat(budgeted.get("guarantee").asString()).isNotBlank();
    HttpResponse<String> badMode =
        postBody(
            "/api/analytics/match",
            "application/json",
            "{\"skills\":[{\"uri\":\"" + BRICKS + "\"}],\"mode\":[\"by pigeon\"]}");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badMode.body()).get("detail").asString()).contains("mode:");

    HttpResponse<String> a =
        postBody(
            "/api/curricula/align",
            "application/json",
            "{\"sector\":\"F\",\"country\":\"LU\",\"outcomes\":\"The learner can lay"
                + " bricks.\",\"skills\":[\""
                + SCAFFOLD
                + "\"]}");
    assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    JsonNode align = json.readTree(a.body());
    assertThat(align.get("curriculum").findValuesAsString("uri")).contains(BRICKS, SCAFFOLD);
    assertThat(align.get("coveredSkills").asInt()).isEqualTo(2);
    // (1.0 + 0.3) of (1.0 + 0.6 + 0.3 + 0.5)
    assertThat(align.get("coverage").asDouble()).isEqualTo(0.5417);
    assertThat(align.get("missingDemanded").findValuesAsString("uri"))
        .containsExactly(CONCRETE, UNDERWATER);
    HttpResponse<String> empty =
        postBody("/api/curricula/align", "application/json", "{\"sector\":\"F\"}");
    assertThat(empty.statusCode()).isEqualTo(400);
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

  @Test
  void everyWriteEndpointNeedsAValidUnrevokedKey() throws Exception {
    String offer = "{\"id\":\"k1\",\"title\":\"Keyed\",\"country\":\"MT\"}\n";
    String vacancy = "{\"id\":\"k1\",\"posted\":\"2024-01-02\",\"country\":\"MT\"}\n";
    for (String[] w :
        new String[][] {
          {"/api/offers?source=keys&wait=true", offer},
          {"/api/vacancies?source=keys&wait=true", vacancy}
        }) {
      HttpResponse<String> none = postWithKey(w[0], null, w[1]);
      assertThat(none.statusCode()).as(w[0]).isEqualTo(401);
      assertThat(json.readTree(none.body()).get("type").asString())
          .isEqualTo("urn:skills-observatory:problem:unauthorized");
      assertThat(postWithKey(w[0], "not-a-key", w[1]).statusCode()).as(w[0]).isEqualTo(403);
      HttpResponse<String> old = postWithKey(w[0], OLD_KEY, w[1]);
      assertThat(old.statusCode()).as(w[0]).isEqualTo(403);
      assertThat(json.readTree(old.body()).get("type").asString()).endsWith(":key-revoked");
      assertThat(postWithKey(w[0], WRITER_KEY, w[1]).statusCode()).as(w[0]).isEqualTo(200);
    }
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

  @Test
  void sparqlAnswersEveryResultFormatAndRefusesWritesServicesAndLongQueries() throws Exception {
    HttpResponse<String> j = sparql(ESSENTIAL_SKILLS, "json");
    assertThat(j.statusCode()).as(j.body()).isEqualTo(200);
    assertThat(j.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/sparql-results+json");
    JsonNode bindings = json.readTree(j.body()).get("results").get("bindings");
    assertThat(bindings.size()).isGreaterThan(3);
    assertThat(bindings.get(0).get("skill").get("value").asString())
        .startsWith("http://data.europa.eu/esco/skill/");
    assertThat(sparql(ESSENTIAL_SKILLS, "xml").body())
        .contains("<sparql", "<binding name=\"skill\">");
    assertThat(sparql(ESSENTIAL_SKILLS, "csv").body()).startsWith("skill,label");
    assertThat(sparql(ESSENTIAL_SKILLS, "tsv").body()).startsWith("?skill\t?label");
    HttpResponse<String> viaAccept =
        get(
            "/sparql?query=" + URLEncoder.encode(ESSENTIAL_SKILLS, StandardCharsets.UTF_8),
            "Accept",
            "text/csv");
    assertThat(viaAccept.body()).startsWith("skill,label");

    String construct =
        "PREFIX esco: <http://data.europa.eu/esco/model#>\n"
            + "CONSTRUCT { <"
            + METAL_DRAWING
            + "> esco:relatedEssentialSkill ?s } WHERE { GRAPH ?g { <"
            + METAL_DRAWING
            + "> esco:relatedEssentialSkill ?s } }";
    HttpResponse<String> ttl = sparql(construct, "turtle");
    assertThat(ttl.statusCode()).isEqualTo(200);
    assertThat(ttl.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
    assertThat(ttl.body()).contains("relatedEssentialSkill");
    assertThat(sparql(construct, "jsonld").body()).contains("relatedEssentialSkill");

    HttpResponse<String> update = sparql("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "json");
    assertThat(update.statusCode()).isEqualTo(400);
    assertThat(json.readTree(update.body()).get("type").asString())
        .endsWith(":sparql-update-refused");
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + env.getProperty("local.server.port") + "/sparql"))
                .header("Content-Type", "application/sparql-update")
                .header("X-API-Key", WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("DROP ALL"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isIn(400, 401, 403);
    assertThat(sparql(ESSENTIAL_SKILLS, "json").statusCode()).isEqualTo(200);

    HttpResponse<String> service =
        sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "json");
    assertThat(service.statusCode()).isEqualTo(400);
    assertThat(json.readTree(service.body()).get("type").asString())
        .endsWith(":sparql-service-refused");

    HttpResponse<String> slow =
        sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f } }", "json");
    assertThat(slow.statusCode()).isEqualTo(503);
    assertThat(json.readTree(slow.body()).get("type").asString()).endsWith(":query-timeout");

    HttpResponse<String> bad = sparql("SELEKT nothing", "json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("detail").asString()).contains("not SPARQL");
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

  @Test
  void anUploadWithoutWaitIsAJobToFollow() throws Exception {
    String offers =
        "{\"id\":\"j1\",\"title\":\"Job one\",\"country\":\"CY\"}\n"
            + "{\"id\":\"j2\",\"title\":\"\",\"country\":\"CY\"}\n";
    HttpResponse<String> r = postWithKey("/api/offers?source=jobs", WRITER_KEY, offers);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/api/jobs/");
    JsonNode job = json.readTree(r.body());
    assertThat(job.get("uri").asString()).isEqualTo(location);
    for (int i = 0; i < 300; i++) {
      job = json.readTree(get(location).body());
      String state = job.get("state").asString();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("accepted").asLong()).isEqualTo(1);
    assertThat(job.get("result").get("rejected").asLong()).isEqualTo(1);
    assertThat(get("/api/jobs").statusCode()).isEqualTo(401);
    assertThat(get("/api/jobs", "X-API-Key", WRITER_KEY).body()).contains(job.get("id").asString());
    assertThat(get("/api/jobs/no-such-job").statusCode()).isEqualTo(404);
  }
}
