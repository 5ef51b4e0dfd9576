package eu.skillsobservatory.api.offer;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.jobs.JobService;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The training-offer endpoints' HTTP side. */
@Import(JsonConfiguration.class)
@WebMvcTest(OfferController.class)
class OfferControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean OfferService offers;
  @MockitoBean JobService jobs;

  @Test
  void anOfferHeldIsItsDocumentAndAnUnknownOneIsNotFound() throws Exception {
    when(offers.offer("p", "1")).thenReturn(Optional.of(Map.of("source", "p", "id", "1")));
    when(offers.offer("p", "2")).thenReturn(Optional.empty());
    mvc.perform(get("/api/offers/p/1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("1"));
    mvc.perform(get("/api/offers/p/2")).andExpect(status().isNotFound());
  }

  @Test
  void statsAreWhatIsHeld() throws Exception {
    when(offers.stats())
        .thenReturn(new TrainingOffers.Stats(3, Map.of("p", 3L), Map.of(), Map.of(), 1, 2, 0));
    mvc.perform(get("/api/offers/stats"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.offers").value(3));
  }

  @Test
  void writesAreRefusedWhenNoKeyIsConfigured() throws Exception {
    mvc.perform(post("/api/offers").contentType("application/x-ndjson").content("{}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:writes-disabled"));
  }
}
