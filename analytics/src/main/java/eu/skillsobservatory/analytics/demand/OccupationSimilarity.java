package eu.skillsobservatory.analytics.demand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occupations alike by their skills: the weighted Jaccard index of two occupations' skill profiles,
 * an essential skill weighing 1 and an optional one {@link #OPTIONAL_WEIGHT}: the sum over skills
 * of the smaller weight over the sum of the larger.
 */
public final class OccupationSimilarity {
  public static final double OPTIONAL_WEIGHT = 0.5;

  /** Each occupation's skills with their weight. */
  private final Map<String, Map<String, Double>> profiles;

  public OccupationSimilarity(Map<String, Map<String, Double>> profiles) {
    this.profiles = profiles;
  }

  /** A similar occupation, with the skills the two share (essential in both first). */
  public record Similar(String uri, double similarity, int shared, List<String> sharedEssential) {}

  public static double weightedJaccard(Map<String, Double> a, Map<String, Double> b) {
    double min = 0;
    double max = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      double w = b.getOrDefault(e.getKey(), 0.0);
      min += Math.min(e.getValue(), w);
      max += Math.max(e.getValue(), w);
    }
    for (Map.Entry<String, Double> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        max += e.getValue();
      }
    }
    return max == 0 ? 0 : min / max;
  }

  /**
   * The occupations most like one, best first; empty when it has no skills.
   *
   * @throws IllegalArgumentException when the occupation is unknown
   */
  public List<Similar> similarTo(String occupation, int limit) {
    Map<String, Double> mine = profiles.get(occupation);
    if (mine == null) {
      throw new IllegalArgumentException(
          "occupation: no occupation " + occupation + " with skills in this ESCO version");
    }
    List<Similar> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> e : profiles.entrySet()) {
      if (e.getKey().equals(occupation)) {
        continue;
      }
      double j = weightedJaccard(mine, e.getValue());
      if (j > 0) {
        List<String> essential = new ArrayList<>();
        int shared = 0;
        for (Map.Entry<String, Double> s : mine.entrySet()) {
          Double w = e.getValue().get(s.getKey());
          if (w != null) {
            shared++;
            if (w == 1.0 && s.getValue() == 1.0) {
              essential.add(s.getKey());
            }
          }
        }
        essential.sort(Comparator.naturalOrder());
        out.add(new Similar(e.getKey(), Math.round(j * 10_000) / 10_000.0, shared, essential));
      }
    }
    out.sort(
        Comparator.comparingDouble(Similar::similarity).reversed().thenComparing(Similar::uri));
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** Profiles from occupation-skill links: (occupation, skill, essential). */
  public static OccupationSimilarity of(Iterable<String[]> links) {
    Map<String, Map<String, Double>> profiles = new HashMap<>();
    for (String[] l : links) {
      double w = Boolean.parseBoolean(l[2]) ? 1.0 : OPTIONAL_WEIGHT;
      profiles.computeIfAbsent(l[0], k -> new HashMap<>()).merge(l[1], w, Math::max);
    }
    return new OccupationSimilarity(profiles);
  }
}
