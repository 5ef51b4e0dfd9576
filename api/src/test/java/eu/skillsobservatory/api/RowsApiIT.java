package eu.skillsobservatory.api;

import static eu.skillsobservatory.api.fixtures.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Row-level data out: {@code GET /api/vacancies} paged by cursor gives every row loaded exactly
 * once, loads running meanwhile or not; a row carries its occupation and skills labelled, with
 * their spans, and its provenance.
 */
class RowsApiIT extends EscoApiBase {
  static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  String load(String dataset, int from, int to) throws Exception {
    List<Json.Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(
          row("source", i % 2 == 0 ? "rows-even" : "rows-odd")
              .and("id", "v" + i)
              .and("posted", "2024-0" + (1 + i % 9) + "-10")
              .and("country", "LU")
              .and("title", "Bricklayer " + i)
              .and("description", "You will lay bricks and pour concrete on site number " + i + ".")
              .and("skills", List.of(BRICKS)));
    }
    HttpResponse<String> r =
        postBody(
            "/api/vacancies?source=rows&wait=true&dataset=" + dataset,
            "application/x-ndjson",
            Json.lines(rows.toArray(Json.Row[]::new)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /**
   * The ids of every page from the first, following the Link headers; {@code between} runs once.
   */
  List<String> walk(String first, Runnable between) throws Exception {
    List<String> ids = new ArrayList<>();
    String next = first;
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r = get(next);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = json.readTree(r.body());
      page.get("rows")
          .forEach(x -> ids.add(x.get("source").asString() + "/" + x.get("id").asString()));
      String link = r.headers().firstValue("Link").orElse(null);
      if (link == null) {
        assertThat(page.get("next").isNull()).isTrue();
        next = null;
      } else {
        Matcher m = NEXT.matcher(link);
        assertThat(m.find()).as(link).isTrue();
        assertThat(m.group(1)).contains("cursor=" + page.get("next").asString());
        next = m.group(1).substring(m.group(1).indexOf("/api/"));
      }
      if (++pages == 2) {
        between.run();
      }
    }
    return ids;
  }

  @Test
  void pagingGivesEveryRowOnceWhileAnotherLoadRuns() throws Exception {
    load("rows-paged", 0, 23);
    List<String> loaded = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      loaded.add((i % 2 == 0 ? "rows-even" : "rows-odd") + "/v" + i);
    }
    List<String> ids =
        walk(
            "/api/vacancies?dataset=rows-paged&limit=4",
            () -> {
              try {
                // New rows on both sides of the cursor, and rows loaded again.
                load("rows-paged", 15, 30);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    assertThat(ids).doesNotHaveDuplicates().containsAll(loaded);
    // After the loads, a fresh walk gives exactly the 30 rows held.
    List<String> all = walk("/api/vacancies?dataset=rows-paged&limit=7", () -> {});
    assertThat(all).doesNotHaveDuplicates().hasSize(30);
    assertThat(all).isSorted();
  }

  @Test
  void aRowCarriesItsSkillsLabelledWithSpansAndItsProvenance() throws Exception {
    load("rows-one", 100, 101);
    HttpResponse<String> r = get("/api/vacancies/rows-even/v100");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode v = json.readTree(r.body());
    String description = v.get("description").asString();
    JsonNode given = null;
    JsonNode extracted = null;
    for (JsonNode s : v.get("skills")) {
      if (s.get("origin").asString().equals("given")) {
        given = s;
      } else if (s.get("field").asString().equals("description")) {
        extracted = s;
      }
    }
    assertThat(given).isNotNull();
    assertThat(given.get("uri").asString()).isEqualTo(BRICKS);
    assertThat(given.get("label").asString()).isNotBlank();
    assertThat(extracted).as(v.toString()).isNotNull();
    assertThat(extracted.get("text").asString())
        .isEqualTo(
            description.substring(extracted.get("start").asInt(), extracted.get("end").asInt()));
    JsonNode p = v.get("provenance");
    assertThat(p.get("dataset").asString()).isEqualTo("rows-one");
    assertThat(p.get("synthetic").asBoolean()).isFalse();
    assertThat(p.get("ingest").asString()).isNotBlank();
    assertThat(p.get("escoVersion").asString()).isEqualTo("v1.1.1");
    assertThat(v.get("occupation").get("coding").asString()).isNotBlank();

    assertThat(get("/api/vacancies/rows-even/no-such").statusCode()).isEqualTo(404);

    // The same rows as CSV, the columns of 'export vacancies', for dashboards that read CSV.
    for (HttpResponse<String> csv :
        List.of(
            get("/api/vacancies?dataset=rows-one&format=csv"),
            get("/api/vacancies?dataset=rows-one", "Accept", "text/csv"))) {
      assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      List<String> lines = csv.body().lines().toList();
      assertThat(lines.get(0)).startsWith("source,id,posted,country");
      assertThat(lines).hasSize(2);
      assertThat(lines.get(1)).startsWith("rows-even,v100,").contains(BRICKS).contains("rows-one");
    }
    assertThat(get("/api/vacancies/rows-even/v100?format=csv").body()).contains("rows-even,v100,");
  }

  @Test
  void aCursorNotGivenByTheApiAndABadLimitAre400() throws Exception {
    HttpResponse<String> r = get("/api/vacancies?cursor=not-a-cursor");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asString()).contains("cursor");
    assertThat(get("/api/vacancies?limit=0").statusCode()).isEqualTo(400);
    assertThat(get("/api/vacancies?limit=1001").statusCode()).isEqualTo(400);
    assertThat(get("/api/offers?cursor=%25%25").statusCode()).isEqualTo(400);
  }

  @Test
  void offersArePagedToo() throws Exception {
    List<Json.Row> offers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      offers.add(
          row("source", "rows-offers")
              .and("id", "o" + i)
              .and("title", "Bricklaying course " + i)
              .and("provider", "School")
              .and("country", "LU")
              .and("skills", List.of(BRICKS)));
    }
    HttpResponse<String> r =
        postBody(
            "/api/offers?source=rows-offers&wait=true",
            "application/x-ndjson",
            Json.lines(offers.toArray(Json.Row[]::new)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    String next = "/api/offers?country=LU&limit=2";
    while (next != null) {
      HttpResponse<String> p = get(next);
      assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
      JsonNode page = json.readTree(p.body());
      page.get("rows")
          .forEach(x -> ids.add(x.get("source").asString() + "/" + x.get("id").asString()));
      next =
          page.get("next").isNull()
              ? null
              : "/api/offers?country=LU&limit=2&cursor=" + page.get("next").asString();
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.stream().filter(i -> i.startsWith("rows-offers/")).toList()).hasSize(5);
    JsonNode one = json.readTree(get("/api/offers?country=LU&limit=1000").body()).get("rows");
    for (JsonNode o : one) {
      if (o.get("source").asString().equals("rows-offers")) {
        assertThat(o.get("skills").get(0).get("label").asString()).isNotBlank();
      }
    }
  }
}
