package eu.skillsobservatory.api.extract;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.Span;
import eu.skillsobservatory.api.config.EscoSettings;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.config.RequestSettings;
import eu.skillsobservatory.api.web.ExpensiveReads;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Skill extraction over HTTP: the request record checked, the extraction passed on. */
@WebMvcTest(
    controllers = ExtractController.class,
    properties = "observatory.extraction.max-full-text=50")
@Import({JsonConfiguration.class, ExpensiveReads.class, ExtractControllerTest.Settings.class})
class ExtractControllerTest {
  @TestConfiguration
  @EnableConfigurationProperties({EscoSettings.class, RequestSettings.Extraction.class})
  static class Settings {}

  @Autowired MockMvc mvc;
  @MockitoBean ExtractionService extraction;

  @Test
  void theSkillsFoundAreTheAnswer() throws Exception {
    String skill = "http://data.europa.eu/esco/skill/python";
    when(extraction.extract(anyString(), any(), eq(ExtractionMode.FAST), anyInt(), any()))
        .thenReturn(
            new Extraction(
                "Python",
                List.of(new ExtractedSkill(skill, "Python", 1, new Span(0, 6), "Python", "label")),
                List.of()));
    mvc.perform(
            post("/api/extract")
                .contentType("application/json")
                .content("{\"text\":\"Python\",\"mode\":\"fast\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.skills[0].uri").value(skill));
  }

  @Test
  void aFullModeTextPastTheLimitIsRefusedWithTheWayOut() throws Exception {
    String text = "x".repeat(51);
    mvc.perform(
            post("/api/extract")
                .contentType("application/json")
                .content("{\"text\":\"" + text + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("mode=fast")));
  }

  @Test
  void anUnknownModeIsRefused() throws Exception {
    mvc.perform(
            post("/api/extract")
                .contentType("application/json")
                .content("{\"text\":\"Python\",\"mode\":\"psychic\"}"))
        .andExpect(status().isBadRequest());
  }
}
