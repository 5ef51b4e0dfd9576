package eu.skillsobservatory.api.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The SPARQL endpoint's HTTP side: formats from the parameter or the Accept header, updates
 * refused, refusals mapped to problem details. The queries themselves run in ingest's tests.
 */
@WebMvcTest(SparqlController.class)
@Import({JsonConfiguration.class, SparqlControllerTest.Fake.class})
class SparqlControllerTest {
  /** Records what it was asked and answers in the first format asked, or refuses "BAD". */
  static final class Recording implements SparqlQueries {
    final List<List<Format>> asked = new ArrayList<>();

    @Override
    public Answer query(String query, List<Format> accepted) {
      asked.add(List.copyOf(accepted));
      if (query.contains("BAD")) {
        throw new QueryRefusedException(QueryRefusedException.Kind.SYNTAX, "query: not SPARQL");
      }
      Format f = accepted.isEmpty() ? Format.JSON : accepted.get(0);
      return new Answer(f.mediaType, "{}".getBytes(StandardCharsets.UTF_8));
    }
  }

  @TestConfiguration
  static class Fake {
    @Bean
    Recording sparqlQueries() {
      return new Recording();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Recording queries;

  @BeforeEach
  void forget() {
    queries.asked.clear();
  }

  @Test
  void theFormatParameterWinsOverTheAcceptHeader() throws Exception {
    mvc.perform(
            get("/sparql")
                .param("query", "ASK {}")
                .param("format", "csv")
                .header("Accept", "application/sparql-results+xml"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
    assertThat(queries.asked).containsExactly(List.of(SparqlQueries.Format.CSV));
  }

  @Test
  void theAcceptHeaderNamesTheFormatsInOrder() throws Exception {
    mvc.perform(
            get("/sparql")
                .param("query", "CONSTRUCT WHERE {?s ?p ?o}")
                .header("Accept", "text/turtle, application/n-triples"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/turtle;charset=UTF-8"));
    assertThat(queries.asked)
        .containsExactly(List.of(SparqlQueries.Format.TURTLE, SparqlQueries.Format.NTRIPLES));
  }

  List<SparqlQueries.Format> askedWith(String accept) throws Exception {
    queries.asked.clear();
    mvc.perform(get("/sparql").param("query", "ASK {}").header("Accept", accept))
        .andExpect(status().isOk());
    return queries.asked.get(0);
  }

  @Test
  void theWholeAcceptListIsReadWithItsQValuesAndWildcards() throws Exception {
    // rdflib's SPARQLStore, a CONSTRUCT: the RDF/XML it asks for is among the formats offered.
    assertThat(askedWith("application/sparql-results+xml, application/rdf+xml"))
        .containsExactly(SparqlQueries.Format.XML, SparqlQueries.Format.RDFXML);
    // Jena's RDFConnection for a SELECT: by quality.
    assertThat(
            askedWith(
                "application/sparql-results+json, application/sparql-results+xml;q=0.9,"
                    + " text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2,"
                    + " application/xml;q=0.2, */*;q=0.1"))
        .startsWith(
            SparqlQueries.Format.JSON,
            SparqlQueries.Format.XML,
            SparqlQueries.Format.TSV,
            SparqlQueries.Format.CSV)
        .endsWith(SparqlQueries.Format.TURTLE);
    // Out of order, the higher quality first; q=0 is a refusal.
    assertThat(askedWith("text/csv;q=0.3, application/n-triples, text/turtle;q=0"))
        .containsExactly(SparqlQueries.Format.NTRIPLES, SparqlQueries.Format.CSV);
    // curl, and a browser.
    assertThat(askedWith("*/*"))
        .containsExactly(SparqlQueries.Format.JSON, SparqlQueries.Format.TURTLE);
    assertThat(
            askedWith("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"))
        .containsExactly(
            SparqlQueries.Format.XML, SparqlQueries.Format.JSON, SparqlQueries.Format.TURTLE);
    assertThat(askedWith("application/*;q=0.5, text/turtle"))
        .startsWith(SparqlQueries.Format.TURTLE, SparqlQueries.Format.JSON)
        .contains(SparqlQueries.Format.RDFXML, SparqlQueries.Format.TRIG);
  }

  @Test
  void nothingServableIs406AndABadAcceptIs400() throws Exception {
    mvc.perform(get("/sparql").param("query", "ASK {}").header("Accept", "image/png, text/html"))
        .andExpect(status().isNotAcceptable())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Accept")));
    // A header that is no list of media types: refused (its problem cannot be negotiated).
    mvc.perform(get("/sparql").param("query", "ASK {}").header("Accept", "no-slash"))
        .andExpect(status().isBadRequest());
    assertThat(queries.asked).isEmpty();
  }

  @Test
  void anUnknownFormatIsABadRequestNamingTheParameter() throws Exception {
    mvc.perform(get("/sparql").param("query", "ASK {}").param("format", "yaml"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:validation"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("format")));
  }

  @Test
  void anUpdateIsRefusedBeforeAnyQueryRuns() throws Exception {
    mvc.perform(
            post("/sparql")
                .contentType("application/sparql-update")
                .content("DELETE WHERE {?s ?p ?o}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.type").value("urn:skills-observatory:problem:sparql-update-refused"));
    assertThat(queries.asked).isEmpty();
  }

  @Test
  void aQueryInTheBodyIsRunAndARefusalBecomesAProblem() throws Exception {
    mvc.perform(post("/sparql").contentType("application/sparql-query").content("SELECT BAD"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:sparql-syntax"));
    assertThat(queries.asked).hasSize(1);
  }
}
