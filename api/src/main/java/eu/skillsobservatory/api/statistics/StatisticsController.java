package eu.skillsobservatory.api.statistics;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics/employment}: people employed in a slice (NACE section, ISCO major
 * group, country, year), in thousands per year; {@code GET /api/statistics/datasets}: what is held.
 */
@RestController
public class StatisticsController {
  private final StatisticsService statistics;

  public StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GetMapping(
      value = "/api/statistics/employment",
      produces = {JSON, CSV})
  public EmploymentFigures.Employed employment(
      @RequestParam(required = false) String nace,
      @RequestParam(required = false) String isco,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) Integer year) {
    return statistics.employed(StatisticsService.slice(nace, isco, country, year));
  }

  @GetMapping(
      value = "/api/statistics/datasets",
      produces = {JSON, CSV})
  public List<EmploymentFigures.DatasetSummary> datasets() {
    return statistics.datasets();
  }
}
