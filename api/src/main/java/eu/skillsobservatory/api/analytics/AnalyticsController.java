package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.api.web.Formats;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics/demand}: skill demand for a slice of the vacancies held; {@code GET
 * /api/analytics/emerging}: its emerging skills with their evidence.
 */
@RestController
public class AnalyticsController {
  private final DemandReport demand;
  private final EmergingReport emerging;
  private final SkillRelations relations;
  private final GapAnalysis gaps;
  private final OfferMatching match;

  public AnalyticsController(
      DemandReport demand,
      EmergingReport emerging,
      SkillRelations relations,
      GapAnalysis gaps,
      OfferMatching match) {
    this.gaps = gaps;
    this.match = match;
    this.demand = demand;
    this.emerging = emerging;
    this.relations = relations;
  }

  @GetMapping("/api/analytics/similar-occupations")
  public ResponseEntity<?> similarOccupations(
      @RequestParam String occupation,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    SkillRelations.Similar s = relations.similarOccupations(occupation, limit);
    return csv ? Formats.csv(AnalyticsCsv.similar(s)) : ResponseEntity.ok(s);
  }

  @GetMapping("/api/analytics/cooccurrence")
  public ResponseEntity<?> coOccurrence(
      @RequestParam String skill,
      @ParameterObject @ModelAttribute SliceParams slice,
      @RequestParam(defaultValue = "5") long minSupport,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    SkillRelations.CoOccurrence c = relations.coOccurrence(slice.slice(), skill, minSupport, limit);
    return csv ? Formats.csv(AnalyticsCsv.coOccurrence(c)) : ResponseEntity.ok(c);
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
      Boolean includeDuplicates,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "Only the vacancies of this dataset (the name a load was given).")
          String dataset) {
    Slice slice() {
      return Slice.of(
              sector, occupation, country, region, from, to, Boolean.TRUE.equals(includeDuplicates))
          .withDataset(dataset);
    }
  }

  /**
   * The settings of the tests for a rise, shared by emerging skills and candidate phrases; absent
   * ones take the defaults of {@code Emerging.Settings.DEFAULTS}.
   */
  public record TrendParams(
      @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "6") Integer recentMonths,
      @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "0") Integer baselineMonths,
      @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "20") Long minSupport,
      @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "1.2") Double minLift,
      @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "0.01") Double alpha) {
    Emerging.Settings settings() {
      var d = Emerging.Settings.DEFAULTS;
      return new Emerging.Settings(
          recentMonths == null ? d.recentMonths() : recentMonths,
          baselineMonths == null ? d.baselineMonths() : baselineMonths,
          minSupport == null ? d.minSupport() : minSupport,
          minLift == null ? d.minLift() : minLift,
          alpha == null ? d.alpha() : alpha);
    }
  }

  @GetMapping("/api/analytics/emerging")
  public ResponseEntity<?> emerging(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute TrendParams trend,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    EmergingReport.Report r = emerging.emerging(slice.slice(), trend.settings(), limit);
    return csv ? Formats.csv(AnalyticsCsv.emerging(r)) : ResponseEntity.ok(r);
  }

  @GetMapping("/api/analytics/candidate-skills")
  public ResponseEntity<?> candidateSkills(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute TrendParams trend,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    EmergingReport.Candidates c = emerging.candidates(slice.slice(), trend.settings(), limit);
    return csv ? Formats.csv(AnalyticsCsv.candidates(c)) : ResponseEntity.ok(c);
  }

  @GetMapping("/api/analytics/demand")
  public ResponseEntity<?> demand(
      @ParameterObject @ModelAttribute SliceParams slice,
      @RequestParam(required = false) String groupBy,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "skill") String level,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    DemandReport.Demand d =
        demand.demand(
            slice.slice(), Optional.ofNullable(groupBy).filter(g -> !g.isBlank()), limit, level);
    return csv ? Formats.csv(AnalyticsCsv.demand(d)) : ResponseEntity.ok(d);
  }

  /**
   * The filters on training offers: {@code eqfMin}, {@code eqfMax}, {@code mode} (repeated or
   * comma-separated), {@code maxHours}, {@code maxCost}. Their place is the slice's {@code country}
   * and {@code region}.
   */
  public record ScopeParams(
      Integer eqfMin, Integer eqfMax, List<String> mode, Double maxHours, Double maxCost) {
    OfferFilter filter(SliceParams slice) {
      return OfferFilter.of(
          slice.country(), slice.region(), eqfMin, eqfMax, mode, maxHours, maxCost);
    }
  }

  @GetMapping("/api/analytics/gaps")
  public ResponseEntity<?> gaps(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute ScopeParams scope,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "10") int occupations,
      @RequestParam(defaultValue = "true") boolean growth,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    GapAnalysis.Gaps g = gaps.gaps(slice.slice(), scope.filter(slice), limit, occupations, growth);
    return csv ? Formats.csv(AnalyticsCsv.gaps(g)) : ResponseEntity.ok(g);
  }

  @GetMapping("/api/analytics/match")
  public ResponseEntity<?> match(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute ScopeParams scope,
      @RequestParam(defaultValue = "30") int skills,
      @RequestParam(defaultValue = "true") boolean growth,
      @RequestParam(defaultValue = "5") int maxOffers,
      @RequestParam(required = false) Double budget,
      @RequestParam(defaultValue = "cost") String budgetOn,
      @RequestParam(required = false) String currency,
      @RequestParam(defaultValue = "10") int rank,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    OfferMatching.Match m =
        match.forSlice(
            slice.slice(),
            scope.filter(slice),
            skills,
            growth,
            maxOffers,
            Optional.ofNullable(budget),
            budgetOn,
            Optional.ofNullable(currency),
            rank);
    return csv ? Formats.csv(AnalyticsCsv.match(m)) : ResponseEntity.ok(m);
  }

  /** A gap skill as asked: its ESCO URI and weight (1 when not given). */
  public record SkillWeight(String uri, Double weight) {}

  /** A gap given as skills with weights, and the filters on offers. */
  public record MatchRequest(
      List<SkillWeight> skills,
      String country,
      String region,
      Integer eqfMin,
      Integer eqfMax,
      List<String> mode,
      Double maxHours,
      Double maxCost,
      Integer maxOffers,
      Double budget,
      String budgetOn,
      String currency,
      Integer rank) {}

  @PostMapping("/api/analytics/match")
  public ResponseEntity<?> match(
      @RequestBody MatchRequest body,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    boolean csv = Formats.wantsCsv(format, request);
    Map<String, Double> gap = new LinkedHashMap<>();
    if (body.skills() != null) {
      for (SkillWeight w : body.skills()) {
        if (w == null || w.uri() == null) {
          throw new IllegalArgumentException("skills: every entry needs a uri");
        }
        gap.merge(w.uri().strip(), w.weight() == null ? 1.0 : w.weight(), Double::sum);
      }
    }
    OfferMatching.Match m =
        match.forSkills(
            gap,
            OfferFilter.of(
                body.country(),
                body.region(),
                body.eqfMin(),
                body.eqfMax(),
                body.mode(),
                body.maxHours(),
                body.maxCost()),
            body.maxOffers() == null ? 5 : body.maxOffers(),
            Optional.ofNullable(body.budget()),
            body.budgetOn() == null ? "cost" : body.budgetOn(),
            Optional.ofNullable(body.currency()),
            body.rank() == null ? 10 : body.rank());
    return csv ? Formats.csv(AnalyticsCsv.match(m)) : ResponseEntity.ok(m);
  }
}
