package eu.skillsobservatory.api.jobs;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.api.config.JsonConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The job endpoints' HTTP side: an unknown job is a 404 problem, the list needs a key. */
@Import(JsonConfiguration.class)
@WebMvcTest(
    controllers = JobController.class,
    properties =
        "observatory.security.api-keys=test:8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a")
class JobControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean JobService jobs;

  @Test
  void anUnknownJobIsNotFound() throws Exception {
    when(jobs.job("nope")).thenReturn(Optional.empty());
    mvc.perform(get("/api/jobs/nope"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:not-found"));
  }

  @Test
  void theListOfJobsNeedsAKeyAndABoundedLimit() throws Exception {
    mvc.perform(get("/api/jobs")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/jobs").param("limit", "0").header("X-API-Key", "k"))
        .andExpect(status().isBadRequest());
  }
}
