package eu.skillsobservatory.api.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.api.config.JsonConfiguration;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The container's errors as problem details: the status the container set is kept, a server error
 * tells nothing of its cause, and the error path asked directly does not exist.
 */
@Import(JsonConfiguration.class)
@WebMvcTest(controllers = ContainerErrors.class)
class ContainerErrorsTest {
  @Autowired MockMvc mvc;

  @Test
  void aRefusedMethodKeepsItsStatusAndGetsAStableType() throws Exception {
    mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:method-not-allowed"))
        .andExpect(jsonPath("$.status").value(405))
        .andExpect(jsonPath("$.timestamp").doesNotExist());
  }

  @Test
  void aServerErrorSaysNothingOfItsCause() throws Exception {
    mvc.perform(
            get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(
                    RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("/secret")))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:internal"))
        .andExpect(
            jsonPath("$.detail")
                .value("the request failed unexpectedly; the server log has the details"));
  }

  @Test
  void theErrorPathAskedDirectlyIsNotFound() throws Exception {
    mvc.perform(get("/error"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:not-found"));
  }
}
