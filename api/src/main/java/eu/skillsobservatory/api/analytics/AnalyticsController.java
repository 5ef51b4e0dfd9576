package eu.skillsobservatory.api.analytics;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.cache.AnswerCache;
import eu.skillsobservatory.analytics.demand.DemandLevel;
import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.BudgetOn;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.web.ExpensiveReads;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/analytics/*}: skill demand for a slice of the vacancies held, its emerging skills
 * with their evidence, relations between skills and occupations, gaps against training offers, and
 * the offers that close them. Each answers JSON, or CSV on {@code Accept: text/csv} or {@code
 * format=csv} ({@link AnalyticsCsvConverter}).
 */
@RestController
public class AnalyticsController {
  private final DemandReport demand;
  private final EmergingReport emerging;
  private final SkillRelations relations;
  private final GapAnalysis gaps;
  private final OfferMatching match;
  private final AnswerCache answers;
  private final ExpensiveReads expensive;
  private final JsonMapper json = JsonConfiguration.lineMapper();

  public AnalyticsController(
      DemandReport demand,
      EmergingReport emerging,
      SkillRelations relations,
      GapAnalysis gaps,
      OfferMatching match,
      AnswerCache answers,
      ExpensiveReads expensive) {
    this.gaps = gaps;
    this.match = match;
    this.demand = demand;
    this.emerging = emerging;
    this.relations = relations;
    this.answers = answers;
    this.expensive = expensive;
  }

  /**
   * The answer kept for the question on the current data, else computed (in one of the places of
   * expensive reads) and kept; weighed by its JSON.
   */
  private <T> T cached(String kind, List<?> question, Supplier<T> compute) {
    return answers.get(
        kind,
        question,
        () -> expensive.run(ExpensiveReads.Kind.ANALYTICS, compute),
        a -> json.writeValueAsBytes(a).length);
  }

  @GetMapping(
      value = "/api/analytics/similar-occupations",
      produces = {JSON, CSV})
  public SkillRelations.Similar similarOccupations(
      @RequestParam String occupation,
      @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int limit) {
    return cached(
        "similar-occupations",
        List.of(occupation, limit),
        () -> relations.similarOccupations(occupation, limit));
  }

  @GetMapping(
      value = "/api/analytics/cooccurrence",
      produces = {JSON, CSV})
  public SkillRelations.CoOccurrence coOccurrence(
      @RequestParam String skill,
      @ParameterObject @ModelAttribute SliceParams slice,
      @RequestParam(defaultValue = "5") @Min(1) long minSupport,
      @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
    return cached(
        "cooccurrence",
        List.of(skill, slice, minSupport, limit),
        () -> relations.coOccurrence(slice.slice(), skill, minSupport, limit));
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
      @Schema(description = "Only the vacancies of this dataset (the name a load was given).")
          String dataset) {
    public Slice slice() {
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
      @Schema(defaultValue = "6") Integer recentMonths,
      @Schema(defaultValue = "0") Integer baselineMonths,
      @Schema(defaultValue = "20") Long minSupport,
      @Schema(defaultValue = "1.2") Double minLift,
      @Schema(defaultValue = "0.01") Double alpha) {
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

  @GetMapping(
      value = "/api/analytics/emerging",
      produces = {JSON, CSV})
  public EmergingReport.Report emerging(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute TrendParams trend,
      @RequestParam(defaultValue = "20") @Min(0) @Max(1000) int limit) {
    return cached(
        "emerging",
        List.of(slice, trend, limit),
        () -> emerging.emerging(slice.slice(), trend.settings(), limit));
  }

  @GetMapping(
      value = "/api/analytics/candidate-skills",
      produces = {JSON, CSV})
  public EmergingReport.Candidates candidateSkills(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute TrendParams trend,
      @RequestParam(defaultValue = "20") @Min(0) @Max(1000) int limit) {
    return cached(
        "candidate-skills",
        List.of(slice, trend, limit),
        () -> emerging.candidates(slice.slice(), trend.settings(), limit));
  }

  @GetMapping(
      value = "/api/analytics/demand",
      produces = {JSON, CSV})
  public DemandReport.Demand demand(
      @ParameterObject @ModelAttribute SliceParams slice,
      @RequestParam(required = false) GroupBy groupBy,
      @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit,
      @RequestParam(defaultValue = "skill") DemandLevel level) {
    return cached(
        "demand",
        Arrays.asList(slice, groupBy, limit, level),
        () -> demand.demand(slice.slice(), Optional.ofNullable(groupBy), limit, level));
  }

  /**
   * The filters on training offers: {@code eqfMin}, {@code eqfMax}, {@code mode} (repeated or
   * comma-separated), {@code maxHours}, {@code maxCost}. Their place is the slice's {@code country}
   * and {@code region}.
   */
  public record ScopeParams(
      Integer eqfMin, Integer eqfMax, List<String> mode, Double maxHours, Double maxCost) {
    OfferFilter filter(SliceParams slice) {
      return filter(slice.country(), slice.region());
    }

    public OfferFilter filter(String country, String region) {
      return OfferFilter.of(country, region, eqfMin, eqfMax, mode, maxHours, maxCost);
    }
  }

  @GetMapping(
      value = "/api/analytics/gaps",
      produces = {JSON, CSV})
  public GapAnalysis.Gaps gaps(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute ScopeParams scope,
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
      @RequestParam(defaultValue = "10") @Min(0) @Max(100) int occupations,
      @RequestParam(defaultValue = "true") boolean growth) {
    return cached(
        "gaps",
        List.of(slice, scope, limit, occupations, growth),
        () -> gaps.gaps(slice.slice(), scope.filter(slice), limit, occupations, growth));
  }

  @GetMapping(
      value = "/api/analytics/match",
      produces = {JSON, CSV})
  public OfferMatching.Match match(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute ScopeParams scope,
      @RequestParam(defaultValue = "30") @Min(1) @Max(1000) int skills,
      @RequestParam(defaultValue = "true") boolean growth,
      @RequestParam(defaultValue = "5") @Min(1) @Max(OfferMatching.MAX_OFFERS) int maxOffers,
      @RequestParam(required = false) @PositiveOrZero Double budget,
      @RequestParam(defaultValue = "cost") BudgetOn budgetOn,
      @RequestParam(required = false) String currency,
      @RequestParam(defaultValue = "10") @Min(0) @Max(OfferMatching.MAX_RANKED) int rank) {
    return cached(
        "match",
        Arrays.asList(slice, scope, skills, growth, maxOffers, budget, budgetOn, currency, rank),
        () ->
            match.forSlice(
                slice.slice(),
                scope.filter(slice),
                skills,
                growth,
                maxOffers,
                Optional.ofNullable(budget),
                budgetOn,
                Optional.ofNullable(currency),
                rank));
  }

  /** A gap skill as asked: its ESCO URI and weight (1 when not given). */
  public record SkillWeight(@NotBlank String uri, @PositiveOrZero Double weight) {}

  /** A gap given as skills with weights, and the filters on offers. */
  public record MatchRequest(
      @NotEmpty List<@NotNull @Valid SkillWeight> skills,
      String country,
      String region,
      Integer eqfMin,
      Integer eqfMax,
      List<String> mode,
      Double maxHours,
      Double maxCost,
      @Min(1) @Max(OfferMatching.MAX_OFFERS) Integer maxOffers,
      @PositiveOrZero Double budget,
      BudgetOn budgetOn,
      String currency,
      @Min(0) @Max(OfferMatching.MAX_RANKED) Integer rank) {}

  @PostMapping(
      value = "/api/analytics/match",
      produces = {JSON, CSV})
  public OfferMatching.Match match(@RequestBody @Valid MatchRequest body) {
    return cached("match-skills", List.of(body), () -> matchSkills(body));
  }

  private OfferMatching.Match matchSkills(MatchRequest body) {
    Map<String, Double> gap = new LinkedHashMap<>();
    for (SkillWeight w : body.skills()) {
      gap.merge(w.uri().strip(), w.weight() == null ? 1.0 : w.weight(), Double::sum);
    }
    return match.forSkills(
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
        body.budgetOn() == null ? BudgetOn.COST : body.budgetOn(),
        Optional.ofNullable(body.currency()),
        body.rank() == null ? 10 : body.rank());
  }
}
