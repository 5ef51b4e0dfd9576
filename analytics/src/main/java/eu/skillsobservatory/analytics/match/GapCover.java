package eu.skillsobservatory.analytics.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Under a budget (hours or cost) the choice is by gain per unit of cost, and the result is the
 * better of that set and the single most valuable affordable offer, which guarantees at least (1 -
 * 1/e) / 2 of the best set within the budget (Khuller, Moss and Naor, 1999).
 */
public final class GapCover {
  private GapCover() {}

  /**
   * A training offer as the matching sees it.
   *
   * @param id its identifier
   * @param skills the ESCO skills it teaches
   * @param cost what counts against the budget (hours or money); 0 when there is no budget
   */
  public record Offer(String id, Set<String> skills, double cost) {
    public Offer {
      Objects.requireNonNull(id, "id");
      skills = Set.copyOf(skills);
      if (cost < 0 || Double.isNaN(cost)) {
        throw new IllegalArgumentException("cost: 0 or more, not " + cost);
      }
    }
  }

  /** One chosen offer: the gap skills it adds to those before it, and their weight. */
  public record Pick(String offer, List<String> newSkills, double gain, double cost) {}

  /**
   * @param picks in the order chosen
   * @param covered the weight covered
   * @param total the weight of the whole gap
   * @param cost the cost of the picks
   */
  public record Selection(List<Pick> picks, double covered, double total, double cost) {
    public double share() {
      return total == 0 ? 0 : covered / total;
    }
  }

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
    List<Offer> affordable = offers.stream().filter(o -> o.cost() <= budget).toList();
    boolean budgeted = !Double.isInfinite(budget);
    Selection greedy = greedy(gap, affordable, maxOffers, budget, budgeted);
    if (!budgeted) {
      return greedy;
    }
    Selection single = greedy(gap, affordable, 1, budget, false);
    return single.covered() > greedy.covered() ? single : greedy;
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
      if (spent + top.offer().cost() > budget) {
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
      spent += top.offer().cost();
      round++;
    }
    double total = gap.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Selection(picks, value, total, spent);
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
