package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The SPARQL endpoint over the real store: every result format, refusals, limits. */
class SparqlApiIT extends EscoApiBase {
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
    // What standard clients send: rdflib's SPARQLStore for a CONSTRUCT gets RDF/XML, one for
    // RDF/XML alone too (not Turtle); curl's */* the defaults.
    String q = "/sparql?query=" + URLEncoder.encode(construct, StandardCharsets.UTF_8);
    for (String accept :
        new String[] {
          "application/sparql-results+xml, application/rdf+xml", "application/rdf+xml"
        }) {
      HttpResponse<String> rdfxml = get(q, "Accept", accept);
      assertThat(rdfxml.statusCode()).as(rdfxml.body()).isEqualTo(200);
      assertThat(rdfxml.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/rdf+xml");
      assertThat(rdfxml.body()).contains("<rdf:RDF", "relatedEssentialSkill");
    }
    assertThat(get(q, "Accept", "*/*").headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/turtle");
    HttpResponse<String> nquads = get(q, "Accept", "application/n-quads");
    assertThat(nquads.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/n-quads");
    assertThat(nquads.body()).contains("relatedEssentialSkill> <http");
    assertThat(sparql(construct, "trig").body()).contains("relatedEssentialSkill");
    HttpResponse<String> rowsForAGraph = get(q, "Accept", "application/sparql-results+json");
    assertThat(rowsForAGraph.statusCode()).isEqualTo(406);
    String select = "/sparql?query=" + URLEncoder.encode(ESSENTIAL_SKILLS, StandardCharsets.UTF_8);
    assertThat(get(select, "Accept", "*/*").headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/sparql-results+json");

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
}
