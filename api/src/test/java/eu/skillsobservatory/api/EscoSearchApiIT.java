package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search and type-ahead over the ESCO labels, and the health of each store. */
class EscoSearchApiIT extends EscoApiBase {
  @Test
  void labelsOfManyConceptsComeInOneCallAndUnknownOnesAreLeftOut() throws Exception {
    String unknown = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000";
    var r =
        get(
            "/api/esco/labels?lang=de&uri="
                + enc(BRICKS)
                + "&uri="
                + enc(METAL_DRAWING)
                + "&uri="
                + enc(unknown));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var answer = json.readTree(r.body());
    assertThat(answer.get("language").asString()).isEqualTo("de");
    var labels = answer.get("labels");
    assertThat(labels.size()).isEqualTo(2);
    // The shipped ESCO is English only: the English label stands in.
    assertThat(labels.get(BRICKS).asString()).isNotBlank().doesNotStartWith("http");
    assertThat(labels.get(METAL_DRAWING).asString()).isNotBlank();
    StringBuilder many = new StringBuilder("/api/esco/labels?");
    for (int i = 0; i < 201; i++) {
      many.append("uri=").append(enc(BRICKS)).append('&');
    }
    assertThat(get(many.toString()).statusCode()).isEqualTo(400);
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
}
