package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.api.web.Formats;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics/demand}: skill demand for a slice of the vacancies held; {@code GET
 * /api/analytics/emerging}: its emerging skills with their evidence.
 */
@RestController
public class AnalyticsController {
  private final DemandService demand;
  private final EmergingService emerging;
  private final RelationsService relations;

  public AnalyticsController(
      DemandService demand, EmergingService emerging, RelationsService relations) {
    this.demand = demand;
    this.emerging = emerging;
    this.relations = relations;
  }

  @GetMapping("/api/analytics/similar-occupations")
  public RelationsService.Similar similarOccupations(
      @RequestParam String occupation, @RequestParam(defaultValue = "10") int limit) {
    return relations.similarOccupations(occupation, limit);
  }

  @GetMapping("/api/analytics/cooccurrence")
  public RelationsService.CoOccurrence coOccurrence(
      @RequestParam String skill,
      @org.springframework.web.bind.annotation.ModelAttribute SliceParams slice,
      @RequestParam(defaultValue = "5") long minSupport,
      @RequestParam(defaultValue = "20") int limit) {
    return relations.coOccurrence(slice.slice(), skill, minSupport, limit);
  }

  /**
   * The slice parameters of every analytics endpoint, bound from the query string: {@code sector},
   * {@code occupation}, {@code country}, {@code region}, {@code from}, {@code to}, {@code
   * includeDuplicates}.
   */
  public record SliceParams(
      String sector,
      String occupation,
      String country,
      String region,
      String from,
      String to,
      Boolean includeDuplicates) {
    Slice slice() {
      return Slice.of(
          sector, occupation, country, region, from, to, Boolean.TRUE.equals(includeDuplicates));
    }
  }

  @GetMapping("/api/analytics/emerging")
  public org.springframework.http.ResponseEntity<?> emerging(
      @org.springframework.web.bind.annotation.ModelAttribute SliceParams slice,
      @RequestParam(defaultValue = "6") int recentMonths,
      @RequestParam(defaultValue = "0") int baselineMonths,
      @RequestParam(defaultValue = "20") long minSupport,
      @RequestParam(defaultValue = "1.2") double minLift,
      @RequestParam(defaultValue = "0.01") double alpha,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String format,
      jakarta.servlet.http.HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    EmergingService.Report r =
        emerging.emerging(
            slice.slice(),
            new eu.skillsobservatory.analytics.demand.Emerging.Settings(
                recentMonths, baselineMonths, minSupport, minLift, alpha),
            limit);
    return csv
        ? Formats.csv(AnalyticsCsv.emerging(r))
        : org.springframework.http.ResponseEntity.ok(r);
  }

  @GetMapping("/api/analytics/demand")
  public org.springframework.http.ResponseEntity<?> demand(
      @org.springframework.web.bind.annotation.ModelAttribute SliceParams slice,
      @RequestParam(required = false) String groupBy,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String format,
      jakarta.servlet.http.HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    DemandService.Demand d =
        demand.demand(slice.slice(), Optional.ofNullable(groupBy).filter(g -> !g.isBlank()), limit);
    return csv
        ? Formats.csv(AnalyticsCsv.demand(d))
        : org.springframework.http.ResponseEntity.ok(d);
  }
}
