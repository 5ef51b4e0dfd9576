package eu.skillsobservatory.api.esco;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.fixtures.InMemoryEsco;
import eu.skillsobservatory.api.jobs.JobService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** ESCO loads and reindexing over HTTP: writes with a key, a bad version before any job. */
@WebMvcTest(
    controllers = EscoLoadController.class,
    properties =
        "observatory.security.api-keys=test:8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a")
@Import({JsonConfiguration.class, InMemoryEsco.class})
class EscoLoadControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean JobService jobs;

  @Test
  void aLoadNeedsAKey() throws Exception {
    mvc.perform(
            multipart("/api/esco/versions")
                .file(new MockMultipartFile("file", "esco.zip", "application/zip", new byte[] {1})))
        .andExpect(status().isUnauthorized());
    verify(jobs, never()).submitWork(any(), any(), any());
  }

  @Test
  void aReindexOfAVersionThatIsNoVersionIsABadRequest() throws Exception {
    mvc.perform(post("/api/esco/reindex").param("version", "latest").header("X-API-Key", "k"))
        .andExpect(status().isBadRequest());
    verify(jobs, never()).submitWork(any(), any(), any());
  }
}
