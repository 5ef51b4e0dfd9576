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
