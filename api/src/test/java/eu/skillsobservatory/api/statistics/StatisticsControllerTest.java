package eu.skillsobservatory.api.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.employment.EmploymentTables;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.config.SampleSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The employment statistics endpoints over in-memory figures. */
@WebMvcTest(StatisticsController.class)
@Import({JsonConfiguration.class, StatisticsService.class, StatisticsControllerTest.Fakes.class})
class StatisticsControllerTest {
  @TestConfiguration
  @EnableConfigurationProperties(SampleSettings.Statistics.class)
  static class Fakes {
    @Bean
    EmploymentFigures employmentFigures() {
      return InMemoryEmployment.employment(
          new EmploymentCell("J", "2", "DE", 2023, 600, ""),
          new EmploymentCell("J", "2", "DE", 2024, 650, ""),
          new EmploymentCell("J", "3", "DE", 2024, 150, "u"));
    }

    @Bean
    EmploymentTables employmentTables() {
      return new EmploymentTables() {
        @Override
        public Table file(Path file) {
          return new Table(file.toString(), "", "", List.of(), Map.of(), List.of());
        }

        @Override
        public Table eurostat(String dataset, List<Map.Entry<String, String>> filters) {
          return new Table(dataset, "", "", List.of(), Map.of(), List.of());
        }
      };
    }
  }

  @Autowired MockMvc mvc;

  @Test
  void employmentIsSummedPerYearOverTheCellsOfTheSlice() throws Exception {
    mvc.perform(get("/api/statistics/employment").param("nace", "J").param("country", "de"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.thousandsByYear.2024").value(800.0))
        .andExpect(jsonPath("$.thousandsByYear.2023").value(600.0))
        .andExpect(jsonPath("$.cells").value(3));
  }

  @Test
  void aParameterThatIsNoSectionGroupOrCountryIsNamed() throws Exception {
    mvc.perform(get("/api/statistics/employment").param("nace", "JJ"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("nace")));
    mvc.perform(get("/api/statistics/employment").param("isco", "12"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("isco")));
  }

  @Test
  void theDatasetsHeldAreListed() throws Exception {
    mvc.perform(get("/api/statistics/datasets"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].dataset").value("lfsa_eisn2"));
  }
}
