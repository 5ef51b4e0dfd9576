package eu.skillsobservatory.api;

import static eu.skillsobservatory.api.fixtures.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Extraction, vacancies and offers posted, and the analytics over them (the tests that write data
 * and those that read it stay in one class, in their order).
 */
class AnalyticsApiIT extends EscoApiBase {
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
  void extractFindsSkillsWithTheirSpans() throws Exception {
    String text = "Job: welder. You will weld steel frames and read technical drawings.";
    HttpResponse<String> r =
        post("/api/extract", Json.of(row("text", text).and("mode", "fast").and("top", 5)));
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
    HttpResponse<String> r = post("/api/extract", Json.of(row("mode", "fast")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asString()).contains("text");
  }

  @Test
  void vacanciesArePostedAsJsonLinesAndCounted() throws Exception {
    String body =
        Json.lines(
                row("id", "1")
                    .and("posted", "2024-04-02")
                    .and("country", "DE")
                    .and("title", "Welder")
                    .and("description", "Weld steel frames, read technical drawings."))
            // line 2 is cut short: no closing brace
            + "{\"id\":\"2\",\"posted\":\"2024-04-02\"\n"
            + Json.lines(row("id", "3").and("posted", "2024-05-02").and("country", "AT"));
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
        Json.lines(
            row("id", "m1")
                .and("posted", "2024-02-02")
                .and("country", "MT")
                .and("nace", "J")
                .and("title", "Welder")
                .and("skills", List.of("http://data.europa.eu/esco/skill/x1")),
            row("id", "m2")
                .and("posted", "2024-03-02")
                .and("country", "MT")
                .and("nace", "J")
                .and("title", "Baker")
                .and("description", "Bake bread at night."));
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

  @Test
  void gapsMatchingAndAlignmentAgainstPostedOffers() throws Exception {
    StringBuilder vacancies = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      List<String> skills = new ArrayList<>(List.of(BRICKS));
      if (i < 6) {
        skills.add(CONCRETE);
      }
      if (i < 3) {
        skills.add(SCAFFOLD);
      }
      if (i >= 5) {
        skills.add(UNDERWATER);
      }
      vacancies.append(
          Json.lines(
              row("id", "lu" + i)
                  .and("posted", "2024-06-0" + (1 + i % 9))
                  .and("country", "LU")
                  .and("nace", "F")
                  // distinct texts, or they would be near-duplicates of each other and not counted
                  .and(
                      "description",
                      "Reference "
                          + (i * 1_234_567L)
                          + ' '
                          + ((i + 3) * 7_654_321L)
                          + ' '
                          + ((i + 5) * 1_111L))
                  .and("skills", skills)));
    }
    HttpResponse<String> v =
        postBody(
            "/api/vacancies?source=gap-test&wait=true",
            "application/x-ndjson",
            vacancies.toString());
    assertThat(v.statusCode()).as(v.body()).isEqualTo(200);

    String offers =
        Json.lines(
            row("id", "o1")
                .and("title", "Masonry")
                .and("provider", "P1")
                .and("country", "LU")
                .and("eqf", 4)
                .and("mode", "face-to-face")
                .and("hours", 40)
                .and("cost", 400)
                .and("skills", List.of(BRICKS, CONCRETE)),
            row("id", "o2")
                .and("title", "Scaffolding online")
                .and("country", "LU")
                .and("eqf", 3)
                .and("mode", "online")
                .and("hours", 10)
                .and("cost", 100)
                .and("skills", List.of(SCAFFOLD)),
            row("id", "o3")
                .and("title", "Bricks in Trier")
                .and("country", "DE")
                .and("skills", List.of(BRICKS)),
            row("id", "o4").and("title", "Broken").and("country", "LU").and("eqf", 12));
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
    Map<String, JsonNode> bySkill = new HashMap<>();
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
            Json.of(
                row(
                        "skills",
                        List.of(row("uri", BRICKS, "weight", 1), row("uri", SCAFFOLD, "weight", 2)))
                    .and("country", "LU")
                    .and("maxOffers", 3)));
    assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
    JsonNode gm = json.readTree(given.body());
    assertThat(gm.get("picks").findValuesAsString("id")).containsExactly("o2", "o1");
    assertThat(gm.get("coveredShare").asDouble()).isEqualTo(1.0);
    assertThat(gm.get("ranking").get(0).get("offer").get("id").asString()).isEqualTo("o2");

    HttpResponse<String> online =
        postBody(
            "/api/analytics/match",
            "application/json",
            Json.of(
                row("skills", List.of(row("uri", BRICKS), row("uri", SCAFFOLD)))
                    .and("country", "LU")
                    .and("mode", List.of("online"))));
    assertThat(json.readTree(online.body()).get("picks").findValuesAsString("id"))
        .containsExactly("o2");
    HttpResponse<String> budget =
        postBody(
            "/api/analytics/match",
            "application/json",
            Json.of(
                row("skills", List.of(row("uri", BRICKS), row("uri", SCAFFOLD)))
                    .and("country", "LU")
                    .and("budget", 150)));
    JsonNode budgeted = json.readTree(budget.body());
    assertThat(budgeted.get("spent").asDouble()).isLessThanOrEqualTo(150);
    assertThat(budgeted.get("method").asString()).isIn("gain", "gain-per-cost", "single");
    assertThat(budgeted.get("unpriced").isArray()).isTrue();
    assertThat(budgeted.get("guarantee").asString()).isNotBlank();
    HttpResponse<String> badMode =
        postBody(
            "/api/analytics/match",
            "application/json",
            Json.of(row("skills", List.of(row("uri", BRICKS)), "mode", List.of("by pigeon"))));
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badMode.body()).get("detail").asString()).contains("mode:");

    HttpResponse<String> a =
        postBody(
            "/api/curricula/align",
            "application/json",
            Json.of(
                row("sector", "F")
                    .and("country", "LU")
                    .and("outcomes", "The learner can lay bricks.")
                    .and("skills", List.of(SCAFFOLD))));
    assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    JsonNode align = json.readTree(a.body());
    assertThat(align.get("curriculum").findValuesAsString("uri")).contains(BRICKS, SCAFFOLD);
    assertThat(align.get("coveredSkills").asInt()).isEqualTo(2);
    // (1.0 + 0.3) of (1.0 + 0.6 + 0.3 + 0.5)
    assertThat(align.get("coverage").asDouble()).isEqualTo(0.5417);
    assertThat(align.get("missingDemanded").findValuesAsString("uri"))
        .containsExactly(CONCRETE, UNDERWATER);
    HttpResponse<String> empty =
        postBody("/api/curricula/align", "application/json", Json.of(row("sector", "F")));
    assertThat(empty.statusCode()).isEqualTo(400);
  }

  @Test
  void everyWriteEndpointNeedsAValidUnrevokedKey() throws Exception {
    String offer = Json.lines(row("id", "k1").and("title", "Keyed").and("country", "MT"));
    String vacancy = Json.lines(row("id", "k1").and("posted", "2024-01-02").and("country", "MT"));
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

  @Test
  void anUploadWithoutWaitIsAJobToFollow() throws Exception {
    String offers =
        Json.lines(
            row("id", "j1").and("title", "Job one").and("country", "CY"),
            row("id", "j2").and("title", "").and("country", "CY"));
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
