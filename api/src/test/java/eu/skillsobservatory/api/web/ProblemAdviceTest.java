package eu.skillsobservatory.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each failure a port or the web layer raises becomes one problem detail: its status, its stable
 * type, and no class name or stack trace.
 */
@WebMvcTest(ProblemAdviceTest.Failing.class)
@Import({JsonConfiguration.class, ProblemAdviceTest.Failing.class})
class ProblemAdviceTest {
  /** Throws what it is asked to. */
  @RestController
  static class Failing {
    @GetMapping("/fail/{what}")
    String fail(@PathVariable String what) {
      throw switch (what) {
        case "argument" -> new IllegalArgumentException("limit: 1 to 1000, not 0");
        case "version" -> new UnknownEscoVersionException("v9", List.of());
        case "input" -> new EscoInputException("a.csv", "line 3", "no conceptUri");
        case "store" -> new EscoStoreException("disk full at /secret/path", new RuntimeException());
        case "search" -> new SearchStoreException("connection refused");
        case "remote" -> new RemoteServiceException("Eurostat answered 500", 500, null);
        case "timeout" -> new QueryRefusedException(QueryRefusedException.Kind.TIMEOUT, "10 s");
        case "limit" -> new QueryRefusedException(QueryRefusedException.Kind.LIMIT, "32 MB");
        case "busy" -> new ExpensiveReads.Busy(ExpensiveReads.Kind.FULL_EXTRACTION, 2, 1);
        default -> new IllegalStateException("a bug in java.lang.Object");
      };
    }
  }

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @CsvSource({
    "argument, 400, validation",
    "version, 404, unknown-esco-version",
    "input, 400, bad-input",
    "store, 503, store-unavailable",
    "search, 503, search-unavailable",
    "remote, 502, remote-service-failed",
    "timeout, 503, query-timeout",
    "limit, 422, sparql-limit-exceeded",
    "busy, 429, busy",
    "bug, 500, internal"
  })
  void eachFailureIsOneProblemWithAStableType(String what, int status, String type)
      throws Exception {
    mvc.perform(get("/fail/" + what))
        .andExpect(status().is(status))
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:" + type))
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(content().string(not(containsString("/secret/path"))));
  }
}
