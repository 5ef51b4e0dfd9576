package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.stats.Stratified;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts per source and month over the tested months of {@link Emerging.Windows}, and the tables
 * and series the stratified tests take from them: one stratum per source, and per month of the year
 * too when the windows are seasonal.
 */
final class Strata {
  private final Emerging.Windows w;
  private final Map<String, long[]> bySource;

  private Strata(Emerging.Windows w, Map<String, long[]> bySource) {
    this.w = w;
    this.bySource = bySource;
  }

  static Strata of(Map<String, ? extends Map<YearMonth, Long>> counts, Emerging.Windows w) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String source : new TreeSet<>(counts.keySet())) {
      Map<YearMonth, Long> months = counts.get(source);
      long[] x = new long[w.months().size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = months.getOrDefault(w.months().get(i), 0L);
      }
      out.put(source, x);
    }
    return new Strata(w, out);
  }

  List<String> sources() {
    return List.copyOf(bySource.keySet());
  }

  private long[] of(String source) {
    return bySource.getOrDefault(source, new long[w.months().size()]);
  }

  /** All sources' count in the recent window. */
  long recent() {
    return bySource.keySet().stream().mapToLong(s -> windows(s)[0]).sum();
  }

  /** All sources' count in the baseline. */
  long baseline() {
    return bySource.keySet().stream().mapToLong(s -> windows(s)[1]).sum();
  }

  /** One source's count in the recent window and in the baseline. */
  long[] windows(String source) {
    long[] x = of(source);
    long[] out = new long[2];
    for (int i = w.baselineStart(); i < x.length; i++) {
      out[i >= w.recentStart() ? 0 : 1] += x[i];
    }
    return out;
  }

  /** The months of the year a stratum covers: each one apart when seasonal, else all as one. */
  private List<List<Integer>> groups(boolean seasonal) {
    List<List<Integer>> out = new ArrayList<>();
    if (!seasonal) {
      List<Integer> all = new ArrayList<>();
      for (int i = w.baselineStart(); i < w.months().size(); i++) {
        all.add(i);
      }
      out.add(all);
      return out;
    }
    for (int calendar = 1; calendar <= 12; calendar++) {
      List<Integer> group = new ArrayList<>();
      for (int i = w.baselineStart(); i < w.months().size(); i++) {
        if (w.months().get(i).getMonthValue() == calendar) {
          group.add(i);
        }
      }
      if (!group.isEmpty()) {
        out.add(group);
      }
    }
    return out;
  }

  /**
   * The window tables of one source: these counts over the totals' postings, one table per month of
   * the year when {@code seasonal}.
   */
  List<Stratified.Table> tables(Strata totals, String source, boolean seasonal) {
    long[] x = of(source);
    long[] n = totals.of(source);
    List<Stratified.Table> out = new ArrayList<>();
    for (List<Integer> group : groups(seasonal)) {
      long x1 = 0;
      long n1 = 0;
      long x2 = 0;
      long n2 = 0;
      for (int i : group) {
        if (i >= w.recentStart()) {
          x1 += x[i];
          n1 += n[i];
        } else {
          x2 += x[i];
          n2 += n[i];
        }
      }
      out.add(new Stratified.Table(Math.min(x1, n1), n1, Math.min(x2, n2), n2));
    }
    return out;
  }

  /**
   * The monthly series of one source, for the trend test, scored by month; one series per month of
   * the year when {@code seasonal}, so that the trend compares years.
   */
  List<Stratified.Series> series(Strata totals, String source, boolean seasonal) {
    long[] x = of(source);
    long[] n = totals.of(source);
    List<Stratified.Series> out = new ArrayList<>();
    for (List<Integer> group : groups(seasonal)) {
      double[] scores = new double[group.size()];
      long[] postings = new long[group.size()];
      long[] mentions = new long[group.size()];
      for (int k = 0; k < group.size(); k++) {
        int i = group.get(k);
        scores[k] = i;
        postings[k] = n[i];
        mentions[k] = Math.min(x[i], n[i]);
      }
      out.add(new Stratified.Series(scores, postings, mentions));
    }
    return out;
  }
}
