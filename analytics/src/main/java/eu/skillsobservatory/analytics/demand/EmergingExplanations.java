package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.demand.Emerging.Explanation;
import eu.skillsobservatory.analytics.demand.Emerging.Report;
import eu.skillsobservatory.analytics.demand.Emerging.Result;
import eu.skillsobservatory.analytics.demand.Emerging.Settings;
import eu.skillsobservatory.analytics.stats.Stats;
import eu.skillsobservatory.analytics.stats.Stratified;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Emerging skills whose rise another emerging skill explains (a skill found inside a longer one's
 * label, or one that rises only with another), taken out of the called skills with the evidence.
 */
public final class EmergingExplanations {
  private EmergingExplanations() {}

  /**
   * Takes out of the emerging skills those whose rise another emerging skill explains. Candidates
   * to explain a skill: an emerging skill with a label holding all the words of one of its labels
   * (it is found inside the other's text), then the other emerging skills, strongest first. The
   * test ({@link #explains}) needs the counts of the postings without the candidate; a skill that
   * explains another is kept, so never both of a pair leave.
   *
   * @param labels each skill's labels as sets of word stems
   * @param without counts of postings without skill {@code a}: {@code [recent with b, recent,
   *     baseline with b, baseline]}
   */
  public static Report explained(
      Report report,
      Settings s,
      Function<String, List<Set<String>>> labels,
      BiFunction<Result, Result, long[]> without) {
    List<Result> emerging = new ArrayList<>(report.emerging());
    if (emerging.size() < 2) {
      return report;
    }
    emerging.sort(Comparator.comparingDouble(Result::q).thenComparing(Emerging.ORDER));
    Map<String, Explanation> explained = new HashMap<>();
    Set<String> explaining = new HashSet<>();
    for (int i = 0; i < emerging.size(); i++) {
      Result b = emerging.get(i);
      if (explaining.contains(b.uri())) {
        continue;
      }
      List<Result> candidates = new ArrayList<>();
      for (Result a : emerging) {
        if (a != b && explains(labels.apply(a.uri()), labels.apply(b.uri()))) {
          candidates.add(a);
        }
      }
      for (int j = 0; j < i; j++) {
        if (!candidates.contains(emerging.get(j))) {
          candidates.add(emerging.get(j));
        }
      }
      for (Result a : candidates) {
        if (explained.containsKey(a.uri())) {
          continue;
        }
        Explanation e = explains(a, b, without.apply(a, b), s.alpha());
        if (e != null) {
          explained.put(b.uri(), e);
          explaining.add(a.uri());
          break;
        }
      }
    }
    if (explained.isEmpty()) {
      return report;
    }
    List<Result> out = new ArrayList<>();
    for (Result r : report.testedResults()) {
      Explanation e = explained.get(r.uri());
      out.add(e == null ? r : r.explained(e));
    }
    return report.withResults(out);
  }

  /**
   * Whether {@code a}'s rise explains {@code b}'s: stratified by presence of {@code a}, {@code b}'s
   * share did not rise (p above alpha) and the adjusted odds ratio's upper 95 % bound is under the
   * crude one. "Not significant" alone is no proof; the drop of the ratio is the evidence.
   *
   * @param withoutA {@code [recent with b, recent, baseline with b, baseline]} among postings
   *     without {@code a}
   * @return the explanation, or null when {@code a} does not explain {@code b}
   */
  static Explanation explains(Result a, Result b, long[] withoutA, double alpha) {
    Stratified.Table absent =
        new Stratified.Table(withoutA[0], withoutA[1], withoutA[2], withoutA[3]);
    Stratified.Table present =
        new Stratified.Table(
            Math.max(0, b.recent() - withoutA[0]),
            Math.max(0, b.recentPostings() - withoutA[1]),
            Math.max(0, b.baseline() - withoutA[2]),
            Math.max(0, b.baselinePostings() - withoutA[3]));
    if (present.x1() > present.n1() || present.x2() > present.n2()) {
      return null;
    }
    Stratified.WindowTest adjusted = Stratified.windows(List.of(present, absent));
    Stratified.WindowTest crude =
        Stratified.windows(
            List.of(
                new Stratified.Table(
                    b.recent(), b.recentPostings(), b.baseline(), b.baselinePostings())));
    double high = adjusted.oddsRatioHigh(Stats.Z95);
    if (adjusted.p() > alpha && high < crude.oddsRatio()) {
      return new Explanation(
          a.uri(),
          adjusted.p(),
          round(crude.oddsRatio()),
          round(adjusted.oddsRatio()),
          round(high));
    }
    return null;
  }

  /** Whether some label of {@code b} is a strict subset of the words of some label of {@code a}. */
  static boolean explains(List<Set<String>> a, List<Set<String>> b) {
    for (Set<String> longer : a) {
      for (Set<String> shorter : b) {
        if (!shorter.isEmpty() && shorter.size() < longer.size() && longer.containsAll(shorter)) {
          return true;
        }
      }
    }
    return false;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
