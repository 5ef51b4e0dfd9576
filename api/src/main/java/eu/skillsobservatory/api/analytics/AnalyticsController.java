package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Slice;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/analytics/demand}: skill demand for a slice of the vacancies held. */
@RestController
public class AnalyticsController {
  private final DemandService demand;

  public AnalyticsController(DemandService demand) {
    this.demand = demand;
  }

  @GetMapping("/api/analytics/demand")
  public DemandService.Demand demand(
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String occupation,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "false") boolean includeDuplicates) {
    return demand.demand(
        Slice.of(sector, occupation, country, region, from, to, includeDuplicates),
        Optional.ofNullable(groupBy).filter(g -> !g.isBlank()),
        limit);
  }
}
