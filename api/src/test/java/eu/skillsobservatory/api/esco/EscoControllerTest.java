package eu.skillsobservatory.api.esco;

import static eu.skillsobservatory.api.fixtures.InMemoryEsco.DEV;
import static eu.skillsobservatory.api.fixtures.InMemoryEsco.PYTHON;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.fixtures.InMemoryEsco;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The ESCO read endpoints over an in-memory version: versions, concepts, search, problems. */
@WebMvcTest({EscoController.class, SearchController.class})
@Import({JsonConfiguration.class, InMemoryEsco.class})
class EscoControllerTest {
  @Autowired MockMvc mvc;

  @Test
  void theVersionsHeldAreListedAsJsonOrCsv() throws Exception {
    mvc.perform(get("/api/esco/versions"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].version").value("v1.1.1"));
    mvc.perform(get("/api/esco/versions").param("format", "csv"))
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(containsString("v1.1.1")));
  }

  @Test
  void aConceptIsFoundByItsUriWithItsEssentialSkills() throws Exception {
    mvc.perform(get("/api/esco/concepts").param("uri", DEV))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preferredLabel").value("software developer"))
        .andExpect(jsonPath("$.essentialSkills[0].uri").value(PYTHON));
  }

  @Test
  void anUnknownConceptOrVersionIsANotFoundProblem() throws Exception {
    mvc.perform(get("/api/esco/concepts").param("uri", "http://data.europa.eu/esco/skill/none"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:unknown-concept"));
    mvc.perform(get("/api/esco/concepts").param("uri", PYTHON).param("version", "v9.9.9"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:unknown-esco-version"));
    // The ESCO web service's parameter names are read too.
    mvc.perform(get("/api/esco/concepts").param("uri", PYTHON).param("selectedVersion", "v9.9.9"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:unknown-esco-version"));
    mvc.perform(
            get("/api/esco/concepts")
                .param("uri", PYTHON)
                .param("selectedVersion", "v1.1.1")
                .param("language", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("en"));
  }

  @Test
  void searchAndSuggestGiveAPageOfHits() throws Exception {
    mvc.perform(get("/api/esco/search").param("q", "pyth"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.hits[0].uri").value(PYTHON));
    mvc.perform(get("/api/esco/suggest").param("q", "soft").param("type", "occupation"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hits[0].uri").value(DEV));
  }

  @Test
  void aMissingQueryIsABadRequest() throws Exception {
    mvc.perform(get("/api/esco/search"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:validation"));
  }
}
