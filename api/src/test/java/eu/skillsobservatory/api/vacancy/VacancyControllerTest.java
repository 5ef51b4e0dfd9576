package eu.skillsobservatory.api.vacancy;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.jobs.JobService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The vacancy endpoints' HTTP side: keys for writes, parameters checked before a job starts, the
 * service's answers passed on. The loads themselves run in the CLI and bad-input tests.
 */
@Import(JsonConfiguration.class)
@WebMvcTest(
    controllers = VacancyController.class,
    properties = "observatory.security.api-keys=test:" + VacancyControllerTest.KEY_HASH)
class VacancyControllerTest {
  /** SHA-256 of the key {@code k}. */
  static final String KEY_HASH = "8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a";

  @Autowired MockMvc mvc;
  @MockitoBean VacancyService vacancies;
  @MockitoBean JobService jobs;

  @Test
  void theDatasetsHeldAreListedWithoutAKey() throws Exception {
    when(vacancies.datasets())
        .thenReturn(
            List.of(
                new Dataset(
                    "sample",
                    "vacancies",
                    true,
                    Instant.EPOCH,
                    "v1.1.1",
                    "fast",
                    List.of("f"),
                    3)));
    mvc.perform(get("/api/datasets"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].name").value("sample"))
        .andExpect(jsonPath("$[0].synthetic").value(true));
  }

  @Test
  void deletingADatasetNeedsAKeyAndSaysHowManyVacanciesWent() throws Exception {
    mvc.perform(delete("/api/datasets/sample")).andExpect(status().isUnauthorized());
    verify(vacancies, never()).deleteDataset(any());
    when(vacancies.deleteDataset("sample")).thenReturn(Optional.of(20_000L));
    mvc.perform(delete("/api/datasets/sample").header("X-API-Key", "k"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deleted").value(20_000));
    when(vacancies.deleteDataset("other")).thenReturn(Optional.empty());
    mvc.perform(delete("/api/datasets/other").header("X-API-Key", "k"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aDatasetNameOutsideTheAllowedCharactersIsABadRequest() throws Exception {
    mvc.perform(delete("/api/datasets/a b").header("X-API-Key", "k"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anUnknownExtractionModeIsRefusedBeforeAnyJobStarts() throws Exception {
    mvc.perform(
            post("/api/vacancies")
                .param("extraction", "psychic")
                .header("X-API-Key", "k")
                .contentType("application/x-ndjson")
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("psychic")));
    verify(jobs, never()).upload(any(), anyBoolean(), any(), any(), any());
  }

  @Test
  void statsAreTheStoresAsTheServiceGivesThem() throws Exception {
    when(vacancies.stats())
        .thenReturn(new VacancyStore.Stats(10, 2, List.of(), Map.of("2024-01", 10L), null));
    mvc.perform(get("/api/vacancies/stats"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(10))
        .andExpect(jsonPath("$.byMonth.2024-01").value(10));
  }
}
