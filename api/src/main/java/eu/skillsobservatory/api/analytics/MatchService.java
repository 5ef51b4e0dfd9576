package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.match.GapCover;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.ingest.offer.OfferIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Matches a gap to training offers: the set of offers in scope that covers most of the gap's weight
 * within a number of offers and a budget ({@link GapCover}: lazy greedy weighted maximum coverage),
 * each with the gap skills it adds and their weight; and each offer alone, ranked.
 */
@Service
public class MatchService {
  /** Offers at most considered: those teaching most of the gap's skills. */
  static final int MAX_CANDIDATES = 5_000;

  private final GapService gaps;
  private final DemandService demand;
  private final ObjectProvider<OfferIndex> offers;

  public MatchService(GapService gaps, DemandService demand, ObjectProvider<OfferIndex> offers) {
    this.gaps = gaps;
    this.demand = demand;
    this.offers = offers;
  }

  /** A gap skill, with its weight. */
  public record Weighted(String uri, String label, double weight) {}

  /** An offer as the match reports it. */
  public record OfferSummary(
      String source,
      String id,
      String title,
      String provider,
      String country,
      String region,
      Integer eqf,
      String mode,
      Double hours,
      Double cost,
      String currency) {}

  /**
   * One offer of the set, in the order chosen.
   *
   * @param covers the gap skills it adds to those covered before it
   * @param gain their weight (its marginal gain)
   * @param coveredShare the share of the gap's weight covered once it is added
   */
  public record Pick(OfferSummary offer, List<Weighted> covers, double gain, double coveredShare) {}

  /** One offer alone: the gap skills it teaches and their weight. */
  public record Ranked(OfferSummary offer, List<Weighted> covers, double gain) {}

  /**
   * @param gapFrom {@code slice} (the gap of a slice, weighted by gap score) or {@code skills}
   * @param budgetOn {@code cost} or {@code hours}: what the budget counts
   * @param guarantee the bound the set is known to reach against the best possible set
   */
  public record Match(
      String gapFrom,
      Slice slice,
      OfferFilter scope,
      List<Weighted> gap,
      int maxOffers,
      Double budget,
      String budgetOn,
      long candidates,
      double covered,
      double total,
      double coveredShare,
      double spent,
      String guarantee,
      List<Pick> picks,
      List<Ranked> ranking) {}

  /**
   * The gap of a slice against the offers in scope: its demanded skills weighted by gap score.
   *
   * @param skills demanded skills making up the gap (the largest gaps)
   */
  public Match forSlice(
      Slice slice,
      OfferFilter scope,
      int skills,
      boolean growth,
      int maxOffers,
      Optional<Double> budget,
      String budgetOn,
      int rankLimit) {
    if (skills < 1 || skills > 1_000) {
      throw new IllegalArgumentException("skills: 1 to 1000, not " + skills);
    }
    GapService.Gaps g = gaps.gaps(slice, scope, skills, 0, growth);
    Map<String, Double> gap = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (GapService.GapSkill k : g.skills()) {
      if (gap.size() >= skills) {
        break;
      }
      if (k.gapScore() > 0) {
        gap.put(k.uri(), k.gapScore());
        labels.put(k.uri(), k.label());
      }
    }
    return match("slice", slice, g.scope(), gap, labels, maxOffers, budget, budgetOn, rankLimit);
  }

  /** A gap given as skills with weights. */
  public Match forSkills(
      Map<String, Double> gap,
      OfferFilter scope,
      int maxOffers,
      Optional<Double> budget,
      String budgetOn,
      int rankLimit) {
    if (gap.isEmpty()) {
      throw new IllegalArgumentException("skills: give at least one ESCO skill URI with a weight");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    gap.forEach(
        (uri, w) -> {
          if (!uri.startsWith("http://data.europa.eu/esco/skill/")) {
            throw new IllegalArgumentException("skills: '" + uri + "' is not an ESCO skill URI");
          }
          if (w == null || w.isNaN() || w < 0) {
            throw new IllegalArgumentException(
                "skills: the weight of " + uri + " must be 0 or more");
          }
          labels.put(uri, demand.label(uri));
        });
    return match("skills", null, scope, gap, labels, maxOffers, budget, budgetOn, rankLimit);
  }

  private Match match(
      String from,
      Slice slice,
      OfferFilter scope,
      Map<String, Double> gap,
      Map<String, String> labels,
      int maxOffers,
      Optional<Double> budget,
      String budgetOn,
      int rankLimit) {
    if (maxOffers < 1 || maxOffers > 100) {
      throw new IllegalArgumentException("maxOffers: 1 to 100, not " + maxOffers);
    }
    if (!budgetOn.equals("cost") && !budgetOn.equals("hours")) {
      throw new IllegalArgumentException("budgetOn: cost or hours, not '" + budgetOn + "'");
    }
    budget.ifPresent(
        b -> {
          if (b.isNaN() || b < 0) {
            throw new IllegalArgumentException("budget: 0 or more, not " + b);
          }
        });
    if (rankLimit < 0 || rankLimit > 1_000) {
      throw new IllegalArgumentException("rankLimit: 0 to 1000, not " + rankLimit);
    }
    List<Map<String, Object>> found =
        offers.getObject().teaching(scope, gap.keySet(), MAX_CANDIDATES);
    Map<String, OfferSummary> summaries = new LinkedHashMap<>();
    List<GapCover.Offer> candidates = new ArrayList<>();
    for (Map<String, Object> o : found) {
      OfferSummary s = summary(o);
      String key = s.source() + "/" + s.id();
      summaries.put(key, s);
      @SuppressWarnings("unchecked")
      List<String> skills = (List<String>) o.getOrDefault("skills", List.of());
      Double c = budgetOn.equals("hours") ? s.hours() : s.cost();
      // An offer that does not say its cost (or hours) counts 0 against the budget.
      candidates.add(new GapCover.Offer(key, new java.util.HashSet<>(skills), c == null ? 0 : c));
    }
    GapCover.Selection sel =
        GapCover.choose(gap, candidates, maxOffers, budget.orElse(Double.POSITIVE_INFINITY));
    double total = sel.total();
    List<Pick> picks = new ArrayList<>();
    double covered = 0;
    for (GapCover.Pick p : sel.picks()) {
      covered += p.gain();
      picks.add(
          new Pick(
              summaries.get(p.offer()),
              weighted(p.newSkills(), gap, labels),
              round(p.gain()),
              round(total == 0 ? 0 : covered / total)));
    }
    List<Ranked> ranking = new ArrayList<>();
    for (GapCover.Pick p : GapCover.rank(gap, candidates)) {
      if (ranking.size() >= rankLimit) {
        break;
      }
      ranking.add(
          new Ranked(
              summaries.get(p.offer()), weighted(p.newSkills(), gap, labels), round(p.gain())));
    }
    List<Weighted> gapList = new ArrayList<>();
    gap.forEach((k, w) -> gapList.add(new Weighted(k, labels.getOrDefault(k, ""), round(w))));
    String guarantee =
        budget.isEmpty()
            ? "at least 1 - 1/e (0.632) of the best set of at most " + maxOffers + " offers"
            : "at least (1 - 1/e) / 2 (0.316) of the best set within the budget";
    return new Match(
        from,
        slice,
        scope,
        gapList,
        maxOffers,
        budget.orElse(null),
        budgetOn,
        candidates.size(),
        round(sel.covered()),
        round(total),
        round(sel.share()),
        round(sel.cost()),
        guarantee,
        picks,
        ranking);
  }

  private static List<Weighted> weighted(
      List<String> skills, Map<String, Double> gap, Map<String, String> labels) {
    return skills.stream()
        .map(k -> new Weighted(k, labels.getOrDefault(k, ""), round(gap.get(k))))
        .toList();
  }

  private static OfferSummary summary(Map<String, Object> o) {
    return new OfferSummary(
        str(o.get("source")),
        str(o.get("id")),
        str(o.get("title")),
        str(o.get("provider")),
        str(o.get("country")),
        str(o.get("region")),
        o.get("eqf") instanceof Number n ? n.intValue() : null,
        str(o.get("mode")),
        o.get("hours") instanceof Number n ? n.doubleValue() : null,
        o.get("cost") instanceof Number n ? n.doubleValue() : null,
        str(o.get("currency")));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
