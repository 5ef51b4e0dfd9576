package eu.skillsobservatory.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.cache.AnswerCache;
import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.report.SectorReport;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.fixtures.InMemoryUseCases;
import eu.skillsobservatory.api.web.ExpensiveReads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sector report over HTTP, on the use cases over in-memory ports: HTML by default with a policy
 * that lets it load and run nothing, JSON and PDF by parameter or Accept, a slice without a sector
 * or an unknown format refused, an answer asked twice computed once.
 */
@WebMvcTest(ReportController.class)
@Import({
  JsonConfiguration.class,
  InMemoryUseCases.class,
  ExpensiveReads.class,
  ReportControllerTest.Reports.class
})
class ReportControllerTest {
  @TestConfiguration(proxyBeanMethods = false)
  static class Reports {
    @Bean
    SectorReport sectorReport(
        DemandReport demand, EmergingReport emerging, GapAnalysis gaps, OfferMatching matching) {
      return new SectorReport(
          demand,
          emerging,
          gaps,
          matching,
          new NoDatasets(),
          () -> Instant.parse("2026-12-06T00:00:00Z"));
    }
  }

  /** No dataset recorded: the in-memory postings were never loaded as one. */
  static final class NoDatasets implements Datasets {
    @Override
    public Dataset record(Dataset load) {
      throw new UnsupportedOperationException("a report records nothing");
    }

    @Override
    public List<Dataset> list() {
      return List.of();
    }

    @Override
    public Optional<Dataset> get(String name) {
      return Optional.empty();
    }

    @Override
    public long delete(String name) {
      throw new UnsupportedOperationException("a report deletes nothing");
    }
  }

  @Autowired MockMvc mvc;
  @Autowired AnswerCache answers;

  @Test
  void aBrowserGetsOneSelfContainedHtmlFileThatMayLoadAndRunNothing() throws Exception {
    mvc.perform(get("/api/reports/sector").param("sector", "C").header("Accept", "text/html"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", startsWith("text/html")))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
        .andExpect(content().string(startsWith("<!DOCTYPE html>")))
        .andExpect(content().string(containsString("Skill needs of sector C")));
  }

  @Test
  void itsFiguresAsJsonByParameterOrAcceptAndComputedOnce() throws Exception {
    var before = answers.counts();
    // A slice no other test asks for: the first answer is computed, the second kept.
    mvc.perform(get("/api/reports/sector?sector=C&country=FR&format=json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sector").value("C"))
        .andExpect(jsonPath("$.postings").value(20));
    mvc.perform(get("/api/reports/sector?sector=C&country=FR").header("Accept", "application/json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.postings").value(20));
    assertThat(answers.counts().misses()).isEqualTo(before.misses() + 1);
    assertThat(answers.counts().hits()).isEqualTo(before.hits() + 1);
  }

  @Test
  void asPdfItIsADocumentNamedForItsSector() throws Exception {
    byte[] pdf =
        mvc.perform(get("/api/reports/sector").param("sector", "C").param("format", "pdf"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header().string("Content-Disposition", containsString("sector-report-C.pdf")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }

  @Test
  void aSliceWithoutASectorOrAnUnknownFormatIsABadRequestNamingTheParameter() throws Exception {
    mvc.perform(get("/api/reports/sector").param("country", "DE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("sector")));
    mvc.perform(get("/api/reports/sector").param("sector", "C").param("format", "docx"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("docx")));
  }
}
