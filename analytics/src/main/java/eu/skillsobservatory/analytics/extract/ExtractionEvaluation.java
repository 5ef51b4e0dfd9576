package eu.skillsobservatory.analytics.extract;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores a skill extractor on a benchmark the way the skill-extraction papers do (Decorte et al.):
 * per sentence, the gold set is its distinct ESCO skills; RP@K is the gold skills in the top K
 * divided by min(K, gold count); MRR is 1 / rank of the first gold skill (0 when none is ranked);
 * all averaged over sentences.
 */
public final class ExtractionEvaluation {
  private ExtractionEvaluation() {}

  /**
   * One benchmark sentence.
   *
   * @param sentence the text
   * @param gold the URIs of its skills (a gold label that names no known skill stays in as an
   *     identifier no extractor returns, so it counts as a miss)
   */
  public record Case(String sentence, Set<String> gold) {
    public Case {
      gold = Set.copyOf(gold);
      if (gold.isEmpty()) {
        throw new IllegalArgumentException("a case needs at least one gold skill: " + sentence);
      }
    }
  }

  /** RP@1, RP@5, RP@10 (0 to 100) and MRR (0 to 1) over {@code sentences} sentences. */
  public record Scores(int sentences, double rp1, double rp5, double rp10, double mrr) {}

  /**
   * @param rank the extractor: a sentence to skill URIs, best first
   */
  public static Scores score(List<Case> cases, Function<String, List<String>> rank) {
    double rp1 = 0;
    double rp5 = 0;
    double rp10 = 0;
    double mrr = 0;
    for (Case c : cases) {
      List<String> ranked = rank.apply(c.sentence());
      rp1 += rp(ranked, c.gold(), 1);
      rp5 += rp(ranked, c.gold(), 5);
      rp10 += rp(ranked, c.gold(), 10);
      for (int i = 0; i < ranked.size(); i++) {
        if (c.gold().contains(ranked.get(i))) {
          mrr += 1.0 / (i + 1);
          break;
        }
      }
    }
    int n = cases.size();
    return n == 0
        ? new Scores(0, 0, 0, 0, 0)
        : new Scores(n, 100 * rp1 / n, 100 * rp5 / n, 100 * rp10 / n, mrr / n);
  }

  /** Each case's RP@5 (0 to 1), in the cases' order. */
  public static double[] rp5PerCase(List<Case> cases, Function<String, List<String>> rank) {
    double[] out = new double[cases.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rp(rank.apply(cases.get(i).sentence()), cases.get(i).gold(), 5);
    }
    return out;
  }

  static double rp(List<String> ranked, Set<String> gold, int k) {
    long found = ranked.stream().limit(k).distinct().filter(gold::contains).count();
    return (double) found / Math.min(k, gold.size());
  }
}
