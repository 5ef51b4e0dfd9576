package eu.skillsobservatory.api.curriculum;

import static eu.skillsobservatory.api.fixtures.InMemoryUseCases.PYTHON;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.config.RequestSettings;
import eu.skillsobservatory.api.fixtures.InMemoryUseCases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Curriculum alignment over HTTP: outcomes and skills in, coverage and what is missing out. */
@WebMvcTest(CurriculumController.class)
@Import({JsonConfiguration.class, InMemoryUseCases.class, CurriculumControllerTest.Settings.class})
class CurriculumControllerTest {
  @TestConfiguration
  @EnableConfigurationProperties(RequestSettings.Curricula.class)
  static class Settings {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;

  @Test
  void anOutcomeNamingPythonCoversPythonsShareOfTheDemand() throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of("outcomes", List.of("Write scripts in Python"), "sector", "C", "country", "DE"));
    mvc.perform(post("/api/curricula/align").contentType("application/json").content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.curriculum[0].uri").value(PYTHON))
        .andExpect(jsonPath("$.curriculum[0].origin").value("extracted"))
        .andExpect(jsonPath("$.missingDemanded[0].label").value("SQL"));
  }

  @Test
  void aCurriculumWithoutAnySkillIsABadRequest() throws Exception {
    String body = JSON.writeValueAsString(Map.of("outcomes", List.of("Be punctual")));
    mvc.perform(post("/api/curricula/align").contentType("application/json").content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("names no ESCO skill")));
  }

  @Test
  void outcomesAreATextOrAListOfTextsAndTheModeIsNamedWhenWrong() throws Exception {
    String oneText =
        JSON.writeValueAsString(Map.of("outcomes", "Write scripts in Python\nBe punctual"));
    mvc.perform(post("/api/curricula/align").contentType("application/json").content(oneText))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.curriculum[0].uri").value(PYTHON));
    mvc.perform(
            post("/api/curricula/align")
                .contentType("application/json")
                .content("{\"outcomes\": [{\"text\": \"Python\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("outcomes[0]: expected a text"));
    String badMode =
        JSON.writeValueAsString(Map.of("outcomes", "Write scripts in Python", "extraction", "x"));
    mvc.perform(post("/api/curricula/align").contentType("application/json").content(badMode))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("mode: fast or full, not 'x'"));
    String tooMany = JSON.writeValueAsString(Map.of("outcomes", "a", "demanded", 0));
    mvc.perform(post("/api/curricula/align").contentType("application/json").content(tooMany))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(startsWith("demanded: ")));
  }
}
