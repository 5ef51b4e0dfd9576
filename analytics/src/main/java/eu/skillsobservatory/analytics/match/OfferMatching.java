package eu.skillsobservatory.analytics.match;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Matches a gap to training offers: the set of offers in scope that covers most of the gap's weight
 * within a number of offers and a budget ({@link GapCover}: lazy greedy weighted maximum coverage),
 * each with the gap skills it adds and their weight; and each offer alone, ranked.
 */
public class OfferMatching {
  /** Offers at most considered: those teaching most of the gap's skills. */
  static final int MAX_CANDIDATES = 5_000;

  /** Offers chosen at most for one gap. */
  public static final int MAX_OFFERS = 100;

  /** Offers ranked at most in an answer. */
  public static final int MAX_RANKED = 1_000;

  private final GapAnalysis gaps;
  private final DemandReport demand;
  private final TrainingOffers offers;

  public OfferMatching(GapAnalysis gaps, DemandReport demand, TrainingOffers offers) {
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
   * @param currency the currency of a budget on cost (one currency: offers priced in another are
   *     left out of the choice)
   * @param guarantee the bound the set is proven to reach against the best possible set, or why no
   *     bound is stated
   * @param method how the set was chosen: by gain, by gain per cost, or the best single offer
   * @param unpriced offers left out of a choice under a budget because their cost (or hours, or
   *     cost in the budget's currency) is unknown, each alone, best first
   */
  public record Match(
      String gapFrom,
      Slice slice,
      OfferFilter scope,
      List<Weighted> gap,
      int maxOffers,
      Double budget,
      String budgetOn,
      String currency,
      long candidates,
      double covered,
      double total,
      double coveredShare,
      double spent,
      String guarantee,
      String method,
      List<Pick> picks,
      List<Ranked> ranking,
      List<Ranked> unpriced,
      boolean synthetic,
      Provenance provenance,
      String definedIn) {
    public static final String METHOD = "src/docs/methods.md#offers-that-close-a-gap";
  }

  /**
   * The gap of a slice against the offers in scope: its demanded skills weighted by gap score.
   *
   * @param skills demanded skills making up the gap (the largest gaps)
   * @param currency the currency of a budget on cost; needed when the offers in scope are priced in
   *     more than one
   */
  public Match forSlice(
      Slice slice,
      OfferFilter scope,
      int skills,
      boolean growth,
      int maxOffers,
      Optional<Double> budget,
      BudgetOn budgetOn,
      Optional<String> currency,
      int rankLimit) {
    if (skills < 1 || skills > 1_000) {
      throw new IllegalArgumentException("skills: 1 to 1000, not " + skills);
    }
    GapAnalysis.Gaps g = gaps.gaps(slice, scope, skills, 0, growth);
    Map<String, Double> gap = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (GapAnalysis.GapSkill k : g.skills()) {
      if (gap.size() >= skills) {
        break;
      }
      if (k.gapScore() > 0) {
        gap.put(k.uri(), k.gapScore());
        labels.put(k.uri(), k.label());
      }
    }
    return match(
        "slice",
        slice,
        g.scope(),
        gap,
        labels,
        maxOffers,
        new Budget(budget, budgetOn, currency),
        rankLimit,
        g.provenance());
  }

  /** A gap given as skills with weights. */
  public Match forSkills(
      Map<String, Double> gap,
      OfferFilter scope,
      int maxOffers,
      Optional<Double> budget,
      BudgetOn budgetOn,
      Optional<String> currency,
      int rankLimit) {
    if (gap.isEmpty()) {
      throw new IllegalArgumentException("skills: give at least one ESCO skill URI with a weight");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Function<String, String> names = demand.labels();
    gap.forEach(
        (uri, w) -> {
          if (!uri.startsWith("http://data.europa.eu/esco/skill/")) {
            throw new IllegalArgumentException("skills: '" + uri + "' is not an ESCO skill URI");
          }
          if (w == null || w.isNaN() || w < 0) {
            throw new IllegalArgumentException(
                "skills: the weight of " + uri + " must be 0 or more");
          }
          labels.put(uri, names.apply(uri));
        });
    return match(
        "skills",
        null,
        scope,
        gap,
        labels,
        maxOffers,
        new Budget(budget, budgetOn, currency),
        rankLimit,
        null);
  }

  /** At most {@link #MAX_OFFERS} offers; a budget on cost or hours, 0 or more; ranks bounded. */
  private static void check(int maxOffers, Budget asked, int rankLimit) {
    if (maxOffers < 1 || maxOffers > MAX_OFFERS) {
      throw new IllegalArgumentException("maxOffers: 1 to " + MAX_OFFERS + ", not " + maxOffers);
    }
    asked
        .amount()
        .ifPresent(
            b -> {
              if (b.isNaN() || b < 0) {
                throw new IllegalArgumentException("budget: 0 or more, not " + b);
              }
            });
    if (rankLimit < 0 || rankLimit > MAX_RANKED) {
      throw new IllegalArgumentException("rankLimit: 0 to " + MAX_RANKED + ", not " + rankLimit);
    }
  }

  private Match match(
      String from,
      Slice slice,
      OfferFilter scope,
      Map<String, Double> gap,
      Map<String, String> labels,
      int maxOffers,
      Budget asked,
      int rankLimit,
      Provenance provenance) {
    check(maxOffers, asked, rankLimit);
    Optional<Double> budget = asked.amount();
    BudgetOn budgetOn = asked.on();
    List<TrainingOffers.Taught> found = offers.teaching(scope, gap.keySet(), MAX_CANDIDATES);
    Map<String, OfferSummary> summaries = new LinkedHashMap<>();
    for (TrainingOffers.Taught o : found) {
      OfferSummary s = summary(o);
      summaries.put(s.source() + "/" + s.id(), s);
    }
    String currency =
        budget.isPresent() && budgetOn == BudgetOn.COST
            ? currencyOf(asked.currency(), summaries.values())
            : null;
    List<GapCover.Offer> candidates = candidates(found, budgetOn, currency);
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
    List<Ranked> ranking =
        ranked(GapCover.rank(gap, candidates), summaries, gap, labels, rankLimit);
    List<Ranked> unpriced = ranked(sel.unpriced(), summaries, gap, labels, rankLimit);
    List<Weighted> gapList = new ArrayList<>();
    gap.forEach((k, w) -> gapList.add(new Weighted(k, labels.getOrDefault(k, ""), round(w))));
    String guarantee = guarantee(sel, maxOffers);
    return new Match(
        from,
        slice,
        scope,
        gapList,
        maxOffers,
        budget.orElse(null),
        budgetOn.key(),
        currency,
        candidates.size(),
        round(sel.covered()),
        round(total),
        round(sel.share()),
        round(sel.cost()),
        guarantee,
        sel.method().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        picks,
        ranking,
        unpriced,
        provenance != null && provenance.synthetic(),
        provenance,
        Match.METHOD);
  }

  /**
   * The offers as the cover algorithm sees them. An offer that does not say its cost (or hours, or
   * its cost in the budget's currency) is never free: under a budget it is left out and listed
   * apart.
   */
  private static List<GapCover.Offer> candidates(
      List<TrainingOffers.Taught> found, BudgetOn budgetOn, String currency) {
    List<GapCover.Offer> candidates = new ArrayList<>();
    for (TrainingOffers.Taught o : found) {
      Double c = budgetOn == BudgetOn.HOURS ? o.hours() : o.cost();
      boolean known =
          c != null
              && (currency == null || currency.equalsIgnoreCase(String.valueOf(o.currency())));
      String key = o.source() + "/" + o.id();
      Set<String> skills = new HashSet<>(o.skills());
      candidates.add(
          known ? new GapCover.Offer(key, skills, c) : GapCover.Offer.unpriced(key, skills));
    }
    return candidates;
  }

  /** What a budget counts, and in which currency. */
  private record Budget(Optional<Double> amount, BudgetOn on, Optional<String> currency) {}

  /**
   * The one currency a budget on cost counts: the one asked for, else the one the priced offers in
   * scope share; several without one asked for is a question back to the client.
   */
  private static String currencyOf(Optional<String> asked, Collection<OfferSummary> all) {
    if (asked.isPresent() && !asked.get().isBlank()) {
      String c = asked.get().strip().toUpperCase(Locale.ROOT);
      if (!c.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("currency: an ISO 4217 code such as EUR, not " + c);
      }
      return c;
    }
    Set<String> seen = new TreeSet<>();
    for (OfferSummary o : all) {
      if (o.cost() != null && o.currency() != null) {
        seen.add(o.currency().toUpperCase(Locale.ROOT));
      }
    }
    if (seen.size() > 1) {
      throw new IllegalArgumentException(
          "currency: the offers in scope are priced in "
              + String.join(", ", seen)
              + "; a budget counts one currency, so give currency");
    }
    return seen.isEmpty() ? null : seen.iterator().next();
  }

  /** The bound the selection is proven to reach, or why none is stated. */
  private static String guarantee(GapCover.Selection sel, int maxOffers) {
    if (sel.bound().isEmpty()) {
      return "none proven: with a budget and a number of offers that both bind, no bound is known"
          + " for a greedy choice; this is the best of three (by gain per cost, by gain, the best"
          + " single offer)";
    }
    return sel.bound().getAsDouble() == GapCover.COUNT_BOUND
        ? "at least 1 - 1/e (0.632) of the best set of at most " + maxOffers + " offers"
        : "at least (1 - 1/e) / 2 (0.316) of the best set within the budget";
  }

  private static List<Ranked> ranked(
      List<GapCover.Pick> picks,
      Map<String, OfferSummary> summaries,
      Map<String, Double> gap,
      Map<String, String> labels,
      int limit) {
    List<Ranked> out = new ArrayList<>();
    for (GapCover.Pick p : picks) {
      if (out.size() >= limit) {
        break;
      }
      out.add(
          new Ranked(
              summaries.get(p.offer()), weighted(p.newSkills(), gap, labels), round(p.gain())));
    }
    return out;
  }

  private static List<Weighted> weighted(
      List<String> skills, Map<String, Double> gap, Map<String, String> labels) {
    return skills.stream()
        .map(k -> new Weighted(k, labels.getOrDefault(k, ""), round(gap.get(k))))
        .toList();
  }

  private static OfferSummary summary(TrainingOffers.Taught o) {
    return new OfferSummary(
        o.source(),
        o.id(),
        o.title(),
        o.provider(),
        o.country(),
        o.region(),
        o.eqf(),
        o.mode(),
        o.hours(),
        o.cost(),
        o.currency());
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
