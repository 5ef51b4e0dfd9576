package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ESCO read endpoints: versions, concepts, languages, diffs, and their problems. */
class EscoReadIT extends EscoApiBase {
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
  void aMalformedVersionIsA400Problem() throws Exception {
    HttpResponse<String> r = get("/api/esco/diff?from=latest&to=v1.1.1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("type").asString())
        .isEqualTo("urn:skills-observatory:problem:validation");
  }
}
