package eu.skillsobservatory.ingest.demand;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.DemandCounts.Count;
import eu.skillsobservatory.analytics.demand.DemandCounts.Counts;
import eu.skillsobservatory.analytics.demand.DemandCounts.SkillSet;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Demand counts and provenance added up from the cells of the series summary ({@link DemandCell}),
 * the same figures as the live aggregations give (ordered as they order them: the largest first,
 * ties by key), for the slices made of cells: by NACE section, country, dataset, months and
 * duplicates, grouped by none of these or by sector, country or month, counting collections by
 * their facets where every posting of the slice carries them. Any other question is empty here, and
 * counted live.
 */
final class CellDemandCounts {
  /** The groupings cells can answer. */
  private static final Set<String> GROUPS = Set.of("sector", "country", "month");

  private final SeriesSummary summary;

  CellDemandCounts(SeriesSummary summary) {
    this.summary = summary;
  }

  /** As {@link DemandCounts#counts}, or empty when the cells cannot answer. */
  Optional<List<Counts>> counts(
      Slice slice, Optional<String> groupBy, int groups, int skills, Map<String, SkillSet> sets) {
    if (groupBy.isPresent() && !GROUPS.contains(groupBy.get())
        || sets.values().stream().anyMatch(s -> s.facet() != DemandCounts.Facet.COLLECTION)) {
      return Optional.empty();
    }
    String by = groupBy.orElse("");
    Optional<List<SeriesSummary.Cell>> read =
        summary.demandCells(slice, by.equals("sector"), by.equals("country"), skills > 0);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Group> out = new HashMap<>();
    Predicate<String> inPeriod = inPeriod(slice);
    for (SeriesSummary.Cell c : read.get()) {
      String key =
          switch (by) {
            case "sector" -> c.section();
            case "country" -> c.country();
            default -> "";
          };
      if (!by.isEmpty() && !by.equals("month") && key.isEmpty()) {
        // Postings without the field are in no group of it, as in a terms aggregation.
        continue;
      }
      Function<String, Group> group = k -> out.computeIfAbsent(k, x -> new Group());
      add(group, by, key, c.totals(), inPeriod, Group::addTotal);
      if (c.skills() != null) {
        add(group, by, key, c.skills(), inPeriod, Group::addSkill);
      }
    }
    Group whole = new Group();
    out.values().forEach(whole::addAll);
    for (SkillSet set : sets.values()) {
      if (whole.tally(DemandCell.FACTS + set.escoVersion()) != whole.postings) {
        // Some posting lacks the facets of this version: counted by its skills, live.
        return Optional.empty();
      }
    }
    if (by.isEmpty()) {
      out.putIfAbsent("", new Group());
    }
    return Optional.of(
        out.entrySet().stream()
            .filter(e -> by.isEmpty() || e.getValue().postings > 0)
            .sorted(largestFirst(e -> e.getValue().postings))
            .limit(by.isEmpty() ? 1 : groups)
            .map(e -> e.getValue().counts(e.getKey(), skills, sets))
            .toList());
  }

  /** As {@link DemandCounts#provenance}, or empty when the cells cannot answer. */
  Optional<Provenance> provenance(Slice slice) {
    Optional<List<SeriesSummary.Cell>> read = summary.demandCells(slice, false, false, false);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Predicate<String> inPeriod = inPeriod(slice);
    Map<String, Group> datasets = new HashMap<>();
    Group whole = new Group();
    for (SeriesSummary.Cell c : read.get()) {
      String name = c.dataset().isEmpty() ? DemandCounts.NO_DATASET : c.dataset();
      Group g = datasets.computeIfAbsent(name, x -> new Group());
      add(k -> g, "", "", c.totals(), inPeriod, Group::addTotal);
    }
    datasets.values().forEach(whole::addAll);
    List<Provenance.DatasetCount> counts =
        datasets.entrySet().stream()
            .filter(e -> e.getValue().postings > 0)
            .sorted(largestFirst(e -> e.getValue().postings))
            .map(
                e ->
                    new Provenance.DatasetCount(
                        e.getKey(),
                        e.getValue().postings,
                        e.getValue().tally(DemandCell.SYNTHETIC) > 0))
            .toList();
    return Optional.of(Provenance.of(counts, whole.postings, whole.tally(DemandCell.NO_SKILLS)));
  }

  /** What a count of a cell's table is added to its group as: a total, or a skill's postings. */
  @FunctionalInterface
  private interface Adding {
    void add(Group group, String name, boolean postings, long count);
  }

  /**
   * A table of a cell, its months in the slice's period, into the groups: each month's group when
   * by month, else the cell's group ({@code key}).
   */
  private static void add(
      Function<String, Group> group,
      String by,
      String key,
      DemandCell.Table table,
      Predicate<String> inPeriod,
      Adding adding) {
    boolean[] in = table.marks(inPeriod);
    for (int i = 0; i < table.names().length; i++) {
      for (int e = table.start()[i]; e < table.start()[i + 1]; e++) {
        int m = table.month()[e];
        if (in[m]) {
          String k = by.equals("month") ? table.months()[m] : key;
          adding.add(group.apply(k), table.names()[i], i == 0, table.count()[e]);
        }
      }
    }
  }

  /** Whether a month ({@code yyyy-MM}) lies in the slice's period. */
  private static Predicate<String> inPeriod(Slice slice) {
    return month -> {
      YearMonth ym = YearMonth.parse(month);
      return slice.from().map(f -> !ym.isBefore(f)).orElse(true)
          && slice.to().map(t -> !ym.isAfter(t)).orElse(true);
    };
  }

  /** The largest count first, ties by key: the order of a terms aggregation. */
  private static <V> Comparator<Map.Entry<String, V>> largestFirst(
      ToLongFunction<Map.Entry<String, V>> count) {
    return Comparator.<Map.Entry<String, V>>comparingLong(e -> -count.applyAsLong(e))
        .thenComparing(Map.Entry::getKey);
  }

  /** A group's postings, tallies and skills' postings, added up from cells. */
  private static final class Group {
    long postings;
    final Map<String, Long> tallies = new HashMap<>();
    final Map<String, long[]> skills = new HashMap<>();

    /** A total: postings (the totals' first name), or a tally. */
    void addTotal(String name, boolean isPostings, long n) {
      if (isPostings) {
        postings += n;
      } else {
        tallies.merge(name, n, Long::sum);
      }
    }

    /** A skill's postings (the skills' first name is a skill like any other). */
    void addSkill(String skill, boolean first, long n) {
      skills.computeIfAbsent(skill, x -> new long[1])[0] += n;
    }

    void addAll(Group other) {
      postings += other.postings;
      other.tallies.forEach((k, v) -> tallies.merge(k, v, Long::sum));
    }

    long tally(String name) {
      return tallies.getOrDefault(name, 0L);
    }

    Counts counts(String key, int limit, Map<String, SkillSet> sets) {
      List<Count> top =
          skills.entrySet().stream()
              .sorted(largestFirst(e -> e.getValue()[0]))
              .limit(limit)
              .map(e -> new Count(e.getKey(), e.getValue()[0]))
              .toList();
      Map<String, Long> any = new LinkedHashMap<>();
      sets.forEach((name, set) -> any.put(name, tally(DemandCell.COLLECTION + set.value())));
      return new Counts(key, postings, new ArrayList<>(top), any, tally(DemandCell.NO_SKILLS));
    }
  }
}
