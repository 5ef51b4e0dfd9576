package eu.skillsobservatory.analytics.gap;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.match.GapScore;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.OfferRules;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gaps between what a slice of the vacancies demands and what the training offers in scope teach:
 * each demanded skill with its weight (share and growth), its supply (offers, hours, EQF levels)
 * and its gap score ({@link GapScore}); and the essential ESCO skills of the slice's most demanded
 * occupations that no offer in scope teaches.
 */
public class GapAnalysis {
  private final DemandReport demand;
  private final EmergingReport emerging;
  private final SkillCatalog catalog;
  private final TrainingOffers offers;
  private final DemandCounts aggregations;

  public GapAnalysis(
      DemandReport demand,
      EmergingReport emerging,
      SkillCatalog catalog,
      TrainingOffers offers,
      DemandCounts aggregations) {
    this.demand = demand;
    this.emerging = emerging;
    this.catalog = catalog;
    this.offers = offers;
    this.aggregations = aggregations;
  }

  /**
   * A demanded skill against the supply.
   *
   * @param lift recent share / baseline share (emerging-skill windows), null when not tested
   * @param emerging whether the emerging-skill test calls it emerging
   * @param offers offers in scope teaching it
   * @param hours their hours added up (offers that do not say count 0)
   * @param eqf offers teaching it per EQF level
   */
  public record GapSkill(
      String uri,
      String label,
      long postings,
      double share,
      Double lift,
      boolean emerging,
      double weight,
      long offers,
      double hours,
      Map<Integer, Long> eqf,
      double gapScore) {}

  /** An occupation among the slice's most demanded, and its essential skills no offer teaches. */
  public record OccupationGap(
      String uri,
      String label,
      long postings,
      int essentialSkills,
      int taught,
      List<ConceptRef> untaught) {}

  /**
   * @param scope the offers considered
   * @param skills demanded skills, largest gap first
   * @param occupations the most demanded occupations with their untaught essential skills
   */
  public record Gaps(
      Slice slice,
      OfferFilter scope,
      String escoVersion,
      long postings,
      long offersInScope,
      String scoring,
      List<GapSkill> skills,
      List<OccupationGap> occupations,
      boolean synthetic,
      Provenance provenance,
      String definedIn) {
    public static final String METHOD = "src/docs/methods.md#gaps";
  }

  static final String SCORING =
      "weight = share x clamp(lift, 1, 3) (lift 1 when untested or growth=false); gapScore ="
          + " weight / (1 + offers in scope teaching the skill)";

  /**
   * @param scope offers considered; its country and region default to the slice's
   * @param limit demanded skills considered, the most demanded (1 to 1,000)
   * @param occupations most demanded occupations whose essential skills are checked (0 to 100)
   * @param growth whether skills are weighted by their growth (an emerging-skill run)
   */
  public Gaps gaps(Slice slice, OfferFilter scope, int limit, int occupations, boolean growth) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    if (occupations < 0 || occupations > 100) {
      throw new IllegalArgumentException("occupations: 0 to 100, not " + occupations);
    }
    OfferFilter s = inScope(slice, scope);
    DemandReport.Demand d = demand.demand(slice, Optional.empty(), limit);
    DemandReport.Group all = d.groups().isEmpty() ? null : d.groups().get(0);
    long postings = all == null ? 0 : all.postings();
    Map<String, Emerging.Result> trend = growth ? trends(slice) : Map.of();
    List<OccupationGap> occ = new ArrayList<>();
    Map<String, List<ConceptRef>> essential = new HashMap<>();
    List<DemandCounts.Counts> byOccupation =
        occupations == 0
            ? List.of()
            : aggregations.counts(slice, Optional.of("occupation"), occupations, 0, Map.of());
    Set<String> wanted = new LinkedHashSet<>();
    if (all != null) {
      all.skills().forEach(k -> wanted.add(k.uri()));
    }
    Map<String, String> occupationLabels = new HashMap<>();
    for (DemandCounts.Counts c : byOccupation) {
      Optional<Concept> concept = catalog.concept(c.group(), "en", Optional.empty());
      List<ConceptRef> skills = concept.map(Concept::essentialSkills).orElse(List.of());
      essential.put(c.group(), skills);
      occupationLabels.put(c.group(), concept.map(Concept::preferredLabel).orElse(""));
      skills.forEach(k -> wanted.add(k.uri()));
    }
    TrainingOffers index = offers;
    Map<String, TrainingOffers.Supply> supply = index.supply(s, wanted);
    List<GapSkill> skills = gapSkills(all, trend, supply);
    for (DemandCounts.Counts c : byOccupation) {
      List<ConceptRef> ess = essential.getOrDefault(c.group(), List.of());
      List<ConceptRef> untaught =
          ess.stream().filter(k -> !supply.containsKey(k.uri())).sorted().toList();
      occ.add(
          new OccupationGap(
              c.group(),
              occupationLabels.get(c.group()),
              c.postings(),
              ess.size(),
              ess.size() - untaught.size(),
              untaught));
    }
    return new Gaps(
        slice,
        s,
        d.escoVersion(),
        postings,
        index.count(s),
        SCORING,
        skills,
        occ,
        d.synthetic(),
        d.provenance(),
        Gaps.METHOD);
  }

  /** The slice's demanded skills weighed against their supply, the largest gap first. */
  private static List<GapSkill> gapSkills(
      DemandReport.Group all,
      Map<String, Emerging.Result> trend,
      Map<String, TrainingOffers.Supply> supply) {
    List<GapSkill> skills = new ArrayList<>();
    if (all != null) {
      for (DemandReport.SkillDemand k : all.skills()) {
        Emerging.Result t = trend.get(k.uri());
        Double lift =
            t == null || Double.isNaN(t.lift()) || Double.isInfinite(t.lift())
                ? null
                : round(t.lift());
        double weight = GapScore.weight(k.share(), lift);
        TrainingOffers.Supply sp = supply.get(k.uri());
        long n = sp == null ? 0 : sp.offers();
        skills.add(
            new GapSkill(
                k.uri(),
                k.label(),
                k.postings(),
                k.share(),
                lift,
                t != null && t.emerging(),
                round(weight),
                n,
                sp == null ? 0 : round(sp.hours()),
                sp == null ? Map.of() : sp.eqf(),
                round(GapScore.score(weight, n))));
      }
    }
    skills.sort(
        Comparator.comparingDouble(GapSkill::gapScore).reversed().thenComparing(GapSkill::uri));
    return skills;
  }

  /** The offers considered: where the filter says nothing of place, the slice's place. */
  static OfferFilter inScope(Slice slice, OfferFilter scope) {
    return new OfferFilter(
        scope.country().or(() -> slice.country().map(OfferRules::eurostatCountry)),
        scope.region().or(slice::region),
        scope.eqfMin(),
        scope.eqfMax(),
        scope.modes(),
        scope.maxHours(),
        scope.maxCost());
  }

  /** Each tested skill's trend in the slice; none when the slice has too few months. */
  private Map<String, Emerging.Result> trends(Slice slice) {
    Map<String, Emerging.Result> out = new HashMap<>();
    try {
      EmergingReport.Report r = emerging.emerging(slice, Emerging.Settings.DEFAULTS, 1_000);
      r.emerging().forEach(x -> out.put(x.evidence().uri(), x.evidence()));
      r.others().forEach(x -> out.put(x.evidence().uri(), x.evidence()));
    } catch (IllegalArgumentException e) {
      // too few months for a trend: growth is left unknown
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
