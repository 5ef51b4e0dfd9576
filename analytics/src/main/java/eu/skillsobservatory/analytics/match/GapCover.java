package eu.skillsobservatory.analytics.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Chooses training offers that close a skills gap: weighted maximum coverage. Each gap skill has a
 * weight; a set of offers covers the union of their skills; its value is the sum of the covered
 * skills' weights. Coverage is submodular, so the greedy choice (each time the offer that adds
 * most) reaches at least (1 - 1/e) of the best set of the same number of offers (Nemhauser, Wolsey
 * and Fisher, 1978). Gains only shrink as offers are chosen, so an offer whose last known gain is
 * below the best fresh gain need not be recomputed (lazy evaluation, Minoux 1978).
 *
 * <p>Under a budget (hours or cost) three choices are made, each within both the budget and the
 * number of offers: by gain per unit of cost, by gain, and the single most valuable affordable
 * offer; the best of them is taken. When the number of offers does not bind, the better of the
 * first and the third reaches at least (1 - 1/e) / 2 of the best set within the budget (Khuller,
 * Moss and Naor, 1999). With a budget and a number of offers that both bind, no such bound is known
 * for these greedy choices (the ratio choice alone can fall to 1/k of the best set of k offers), so
 * none is stated: {@link Selection#bound()} is then empty.
 *
 * <p>An offer whose cost is unknown ({@link Offer#unpriced}) never counts as free: it takes no part
 * in a choice under a budget, and is listed apart ({@link Selection#unpriced()}).
 */
public final class GapCover {
  private GapCover() {}

  /**
   * A training offer as the matching sees it.
   *
   * @param id its identifier
   * @param skills the ESCO skills it teaches
   * @param cost what counts against the budget (hours or money); {@code NaN} when unknown
   */
  public record Offer(String id, Set<String> skills, double cost) {
    public Offer {
      Objects.requireNonNull(id, "id");
      skills = Set.copyOf(skills);
      if (cost < 0 || Double.isInfinite(cost)) {
        throw new IllegalArgumentException("cost: 0 or more, not " + cost);
      }
    }

    /** An offer that does not say what it costs. */
    public static Offer unpriced(String id, Set<String> skills) {
      return new Offer(id, skills, Double.NaN);
    }

    public boolean priced() {
      return !Double.isNaN(cost);
    }
  }

  /** One chosen offer: the gap skills it adds to those before it, and their weight. */
  public record Pick(String offer, List<String> newSkills, double gain, double cost) {}

  /** How a set was chosen. */
  public enum Method {
    /** Each time the offer that adds most. */
    GAIN,
    /** Each time the offer that adds most per unit of cost. */
    GAIN_PER_COST,
    /** The single offer that covers most. */
    SINGLE
  }

  /**
   * @param picks in the order chosen
   * @param covered the weight covered
   * @param total the weight of the whole gap
   * @param cost the known cost of the picks
   * @param method the choice that gave the set
   * @param bound the share of the best possible set this one is proven to reach; empty when no
   *     bound holds for the limits given
   * @param unpriced offers of unknown cost left out of a choice under a budget, each alone, best
   *     first
   */
  public record Selection(
      List<Pick> picks,
      double covered,
      double total,
      double cost,
      Method method,
      OptionalDouble bound,
      List<Pick> unpriced) {
    public Selection {
      picks = List.copyOf(picks);
      unpriced = List.copyOf(unpriced);
    }

    public double share() {
      return total == 0 ? 0 : covered / total;
    }

    Selection with(Method m, OptionalDouble b, List<Pick> left) {
      return new Selection(picks, covered, total, cost, m, b, left);
    }
  }

  /** What the greedy choice reaches with a number of offers alone: 1 - 1/e. */
  public static final double COUNT_BOUND = 1 - 1 / Math.E;

  /** What the best of the ratio choice and the best single offer reach with a budget alone. */
  public static final double BUDGET_BOUND = COUNT_BOUND / 2;

  /**
   * @param maxOffers at most this many offers (at least 1)
   * @param budget at most this total cost; {@code Double.POSITIVE_INFINITY} for none
   */
  public static Selection choose(
      Map<String, Double> gap, List<Offer> offers, int maxOffers, double budget) {
    if (maxOffers < 1) {
      throw new IllegalArgumentException("maxOffers: at least 1, not " + maxOffers);
    }
    gap.forEach(
        (k, w) -> {
          if (w == null || w < 0 || w.isNaN()) {
            throw new IllegalArgumentException("weight of " + k + ": 0 or more, not " + w);
          }
        });
    boolean budgeted = !Double.isInfinite(budget);
    if (!budgeted) {
      return greedy(gap, offers, maxOffers, budget, false)
          .with(Method.GAIN, OptionalDouble.of(COUNT_BOUND), List.of());
    }
    List<Offer> affordable = offers.stream().filter(o -> o.priced() && o.cost() <= budget).toList();
    List<Pick> unpriced = rank(gap, offers.stream().filter(o -> !o.priced()).toList());
    Selection best =
        greedy(gap, affordable, maxOffers, budget, true)
            .with(Method.GAIN_PER_COST, OptionalDouble.empty(), unpriced);
    for (Selection other :
        List.of(
            greedy(gap, affordable, maxOffers, budget, false)
                .with(Method.GAIN, OptionalDouble.empty(), unpriced),
            greedy(gap, affordable, 1, budget, false)
                .with(Method.SINGLE, OptionalDouble.empty(), unpriced))) {
      if (other.covered() > best.covered() + 1e-12) {
        best = other;
      }
    }
    long useful = affordable.stream().filter(o -> gain(gap, o, Set.of()) > 0).count();
    boolean countBinds = maxOffers < useful;
    return best.with(
        best.method(),
        countBinds ? OptionalDouble.empty() : OptionalDouble.of(BUDGET_BOUND),
        unpriced);
  }

  private record Candidate(Offer offer, double bound, int round) {}

  private static Selection greedy(
      Map<String, Double> gap, List<Offer> offers, int maxOffers, double budget, boolean perCost) {
    Set<String> covered = new HashSet<>();
    // Highest bound first; among equals the cheaper, then the id, so results are reproducible.
    PriorityQueue<Candidate> queue =
        new PriorityQueue<>(
            Comparator.comparingDouble(Candidate::bound)
                .reversed()
                .thenComparingDouble(c -> c.offer().cost())
                .thenComparing(c -> c.offer().id()));
    for (Offer o : offers) {
      double g = gain(gap, o, covered);
      if (g > 0) {
        queue.add(new Candidate(o, score(g, o, perCost), 0));
      }
    }
    List<Pick> picks = new ArrayList<>();
    double value = 0;
    double spent = 0;
    int round = 0;
    while (!queue.isEmpty() && picks.size() < maxOffers) {
      Candidate top = queue.poll();
      if (top.offer().priced() && spent + top.offer().cost() > budget) {
        continue; // no longer affordable, and never again
      }
      if (top.round() != round) {
        double g = gain(gap, top.offer(), covered);
        if (g > 0) {
          queue.add(new Candidate(top.offer(), score(g, top.offer(), perCost), round));
        }
        continue;
      }
      // Its gain is fresh and no other bound is higher: it is the best choice.
      List<String> added = new ArrayList<>();
      double g = 0;
      for (String k : top.offer().skills()) {
        Double w = gap.get(k);
        if (w != null && w > 0 && covered.add(k)) {
          added.add(k);
          g += w;
        }
      }
      added.sort(Comparator.comparingDouble((String k) -> -gap.get(k)).thenComparing(k -> k));
      picks.add(new Pick(top.offer().id(), added, g, top.offer().cost()));
      value += g;
      spent += top.offer().priced() ? top.offer().cost() : 0;
      round++;
    }
    double total = gap.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Selection(
        picks, value, total, spent, Method.GAIN, OptionalDouble.empty(), List.of());
  }

  private static double score(double gain, Offer o, boolean perCost) {
    return perCost ? gain / Math.max(o.cost(), 1e-9) : gain;
  }

  private static double gain(Map<String, Double> gap, Offer o, Set<String> covered) {
    double g = 0;
    for (String k : o.skills()) {
      Double w = gap.get(k);
      if (w != null && !covered.contains(k)) {
        g += w;
      }
    }
    return g;
  }

  /** Each offer alone: the weight of the gap it covers, best first. */
  public static List<Pick> rank(Map<String, Double> gap, List<Offer> offers) {
    List<Pick> out = new ArrayList<>();
    for (Offer o : offers) {
      List<String> skills =
          o.skills().stream()
              .filter(gap::containsKey)
              .sorted(Comparator.comparingDouble((String k) -> -gap.get(k)).thenComparing(k -> k))
              .toList();
      double g = skills.stream().mapToDouble(gap::get).sum();
      if (g > 0) {
        out.add(new Pick(o.id(), skills, g, o.cost()));
      }
    }
    out.sort(
        Comparator.comparingDouble((Pick p) -> -p.gain())
            .thenComparingDouble(Pick::cost)
            .thenComparing(Pick::offer));
    return out;
  }
}
