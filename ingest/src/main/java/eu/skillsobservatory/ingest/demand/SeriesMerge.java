package eu.skillsobservatory.ingest.demand;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cells of the series summary added up into a slice's series, chosen as the live count chooses
 * them: the skills with at least the minimum support over the months a test can use, the most
 * mentioned first (ties by URI), at most {@link EmergingCounts#MAX_CANDIDATES}; their mentions per
 * source and month over the whole slice.
 */
final class SeriesMerge {
  private SeriesMerge() {}

  static Emerging.Series of(
      List<SeriesCell> cells,
      Slice slice,
      int recentMonths,
      int baselineMonths,
      long minSupport,
      SortedMap<YearMonth, Long> days) {
    List<YearMonth[]> months = new ArrayList<>();
    Map<String, SortedMap<YearMonth, Long>> postings = new LinkedHashMap<>();
    TreeMap<YearMonth, Long> all = new TreeMap<>();
    for (SeriesCell c : cells) {
      YearMonth[] m = months(c, slice, null, null);
      months.add(m);
      addPostings(c, m, postings);
    }
    postings.values().forEach(p -> p.forEach((ym, n) -> all.merge(ym, n, Long::sum)));
    if (all.isEmpty()) {
      return new Emerging.Series(postings, Map.of(), days);
    }
    YearMonth from =
        baselineMonths == 0
            ? null
            : all.lastKey().minusMonths((long) recentMonths + baselineMonths);
    List<String> candidates = candidates(cells, months, from, minSupport);
    Map<String, Map<String, Map<YearMonth, Long>>> counts = new LinkedHashMap<>();
    candidates.forEach(v -> counts.put(v, new HashMap<>()));
    for (int k = 0; k < cells.size(); k++) {
      SeriesCell c = cells.get(k);
      YearMonth[] m = months.get(k);
      for (int s = 0; s < c.skills.length; s++) {
        Map<String, Map<YearMonth, Long>> bySource = counts.get(c.skills[s]);
        if (bySource == null) {
          continue;
        }
        for (int e = c.skillStart[s]; e < c.skillStart[s + 1]; e++) {
          YearMonth ym = m[c.month[e]];
          if (ym != null) {
            bySource
                .computeIfAbsent(c.sources[c.source[e]], x -> new HashMap<>())
                .merge(ym, (long) c.count[e], Long::sum);
          }
        }
      }
    }
    return new Emerging.Series(postings, counts, days);
  }

  /** A cell's postings in the months given (by index; null: left out), by source and month. */
  private static void addPostings(
      SeriesCell c, YearMonth[] m, Map<String, SortedMap<YearMonth, Long>> postings) {
    for (int i = 0; i < c.postingCount.length; i++) {
      YearMonth ym = m[c.postingMonth[i]];
      if (ym != null && c.postingCount[i] > 0) {
        postings
            .computeIfAbsent(c.sources[c.postingSource[i]], x -> new TreeMap<>())
            .merge(ym, c.postingCount[i], Long::sum);
      }
    }
  }

  /**
   * A cell's months (by index) that lie in the slice's period and between {@code from} and {@code
   * to} (either null: unbounded); null for the others.
   */
  private static YearMonth[] months(SeriesCell c, Slice slice, YearMonth from, YearMonth to) {
    YearMonth[] m = new YearMonth[c.months.length];
    for (int i = 0; i < m.length; i++) {
      YearMonth ym = YearMonth.parse(c.months[i]);
      boolean in =
          slice.from().map(f -> !ym.isBefore(f)).orElse(true)
              && slice.to().map(t -> !ym.isAfter(t)).orElse(true)
              && (from == null || !ym.isBefore(from))
              && (to == null || !ym.isAfter(to));
      m[i] = in ? ym : null;
    }
    return m;
  }

  /**
   * The postings of the cells by source and month, and the mentions of the skills given by source
   * and month, in the slice's months from {@code from} to {@code to} (either null: unbounded); as
   * {@link WithoutEmployers#counts} counts them live, no count of 0 kept.
   */
  static WithoutEmployers.Counts window(
      List<SeriesCell> cells, Slice slice, YearMonth from, YearMonth to, Set<String> skills) {
    Map<String, SortedMap<YearMonth, Long>> postings = new LinkedHashMap<>();
    Map<String, Map<String, SortedMap<YearMonth, Long>>> mentions = new HashMap<>();
    for (SeriesCell c : cells) {
      YearMonth[] m = months(c, slice, from, to);
      addPostings(c, m, postings);
      for (int k = 0; k < c.skills.length; k++) {
        if (!skills.contains(c.skills[k])) {
          continue;
        }
        for (int e = c.skillStart[k]; e < c.skillStart[k + 1]; e++) {
          YearMonth ym = m[c.month[e]];
          if (ym != null && c.count[e] > 0) {
            mentions
                .computeIfAbsent(c.skills[k], x -> new HashMap<>())
                .computeIfAbsent(c.sources[c.source[e]], x -> new TreeMap<>())
                .merge(ym, (long) c.count[e], Long::sum);
          }
        }
      }
    }
    return new WithoutEmployers.Counts(postings, mentions);
  }

  /**
   * The skills with at least {@code minSupport} mentions from {@code from} on (all months when
   * null), the most mentioned first, ties by URI, at most {@link EmergingCounts#MAX_CANDIDATES}.
   */
  private static List<String> candidates(
      List<SeriesCell> cells, List<YearMonth[]> months, YearMonth from, long minSupport) {
    Map<String, long[]> support = new HashMap<>();
    for (int k = 0; k < cells.size(); k++) {
      SeriesCell c = cells.get(k);
      YearMonth[] m = months.get(k);
      for (int s = 0; s < c.skills.length; s++) {
        long n = 0;
        for (int e = c.skillStart[s]; e < c.skillStart[s + 1]; e++) {
          YearMonth ym = m[c.month[e]];
          if (ym != null && (from == null || !ym.isBefore(from))) {
            n += c.count[e];
          }
        }
        if (n > 0) {
          support.computeIfAbsent(c.skills[s], x -> new long[1])[0] += n;
        }
      }
    }
    return support.entrySet().stream()
        .filter(e -> e.getValue()[0] >= minSupport)
        .sorted(
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .limit(EmergingCounts.MAX_CANDIDATES)
        .map(Map.Entry::getKey)
        .toList();
  }
}
