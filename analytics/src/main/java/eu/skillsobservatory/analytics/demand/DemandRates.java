package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Postings per 1,000 employed per year for the groups of a demand report ({@link PostingRate}): the
 * employment cells that hold a group (sector section, ISCO major group, country; never a region or
 * a single ESCO occupation), in the last year of the slice's period they have, the group's postings
 * by country, and the months of data.
 */
final class DemandRates {
  private final DemandCounts counts;
  private final EmploymentFigures employment;

  DemandRates(DemandCounts counts, EmploymentFigures employment) {
    this.counts = counts;
    this.employment = employment;
  }

  /** A group's yearly rate, and the year of the employment it divides by. */
  record Rate(PostingRate rate, int year) {}

  /**
   * The yearly rate of a group of the slice: the statistics' cells of the group (sector section,
   * ISCO major group), in the last year of the slice's period they hold, by the countries its
   * postings come from; the months of data within the slice's period (one for a month group).
   */
  Optional<Rate> rate(
      Slice slice, Optional<String> groupBy, DemandCounts.Counts c, MonthsOfData months) {
    Optional<EmploymentFigures.Employed> employed = employed(slice, groupBy, c.group());
    if (employed.isEmpty() || employed.get().thousandsByYear().isEmpty() || c.postings() == 0) {
      return Optional.empty();
    }
    int year = new TreeMap<>(employed.get().thousandsByYear()).lastKey();
    Slice g = narrowed(slice, groupBy, c.group());
    EmploymentFigures.Slice cells = cells(g);
    Map<String, PostingRate.Employment> byEurostat = employment.byCountry(cells, year);
    Map<String, Long> byCountry = new LinkedHashMap<>();
    if (g.country().isPresent()) {
      byCountry.put(g.country().get(), c.postings());
    } else {
      for (DemandCounts.Counts k : counts.counts(g, Optional.of("country"), 1_000, 0, Map.of())) {
        byCountry.put(k.group(), k.postings());
      }
    }
    Map<String, PostingRate.Employment> employment = new HashMap<>();
    byCountry
        .keySet()
        .forEach(
            k -> {
              PostingRate.Employment e = byEurostat.get(EmploymentFigures.eurostatCountry(k));
              if (e != null) {
                employment.put(k, e);
              }
            });
    int m = groupBy.filter(x -> x.equals("month")).isPresent() ? 1 : months.get();
    return PostingRate.of(byCountry, employment, Math.max(1, m)).map(r -> new Rate(r, year));
  }

  /**
   * The months of data of one request's slice, counted once however many groups ask (and not at all
   * when none has a rate).
   */
  final class MonthsOfData {
    private final Slice slice;
    private Integer months;

    MonthsOfData(Slice slice) {
      this.slice = slice;
    }

    int get() {
      if (months == null) {
        months = monthsOfData(slice);
      }
      return months;
    }
  }

  /** Months in which the data holds any posting within the slice's period. */
  private int monthsOfData(Slice slice) {
    Slice period =
        new Slice(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            slice.from(),
            slice.to(),
            slice.includeDuplicates(),
            slice.dataset());
    return (int)
        counts.counts(period, Optional.of("month"), 1_000, 0, Map.of()).stream()
            .filter(k -> k.postings() > 0)
            .count();
  }

  /** The slice narrowed to one of its groups. */
  private static Slice narrowed(Slice slice, Optional<String> groupBy, String group) {
    if (groupBy.isEmpty() || group == null) {
      return slice;
    }
    Optional<String> v = Optional.of(group);
    return switch (groupBy.get()) {
      case "sector" ->
          new Slice(
              v,
              slice.occupation(),
              slice.country(),
              slice.region(),
              slice.from(),
              slice.to(),
              slice.includeDuplicates(),
              slice.dataset());
      case "isco" ->
          new Slice(
              slice.sector(),
              v,
              slice.country(),
              slice.region(),
              slice.from(),
              slice.to(),
              slice.includeDuplicates(),
              slice.dataset());
      case "country" ->
          new Slice(
              slice.sector(),
              slice.occupation(),
              v,
              slice.region(),
              slice.from(),
              slice.to(),
              slice.includeDuplicates(),
              slice.dataset());
      case "month" -> {
        Optional<YearMonth> m = Optional.of(YearMonth.parse(group));
        yield new Slice(
            slice.sector(),
            slice.occupation(),
            slice.country(),
            slice.region(),
            m,
            m,
            slice.includeDuplicates(),
            slice.dataset());
      }
      default -> slice;
    };
  }

  /** The statistics' cells of a slice: its sector section and ISCO major group. */
  private static EmploymentFigures.Slice cells(Slice slice) {
    return new EmploymentFigures.Slice(
        slice.sectorSection(),
        slice.occupation().map(o -> o.substring(0, 1)),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Employment for a group of the slice: only where the statistics' dimensions hold it (sector
   * section, ISCO major group, country; no region, no single ESCO occupation), for the last year of
   * the slice's period that the statistics have (or their last year).
   */
  private Optional<EmploymentFigures.Employed> employed(
      Slice slice, Optional<String> groupBy, String group) {
    if (slice.region().isPresent()
        || groupBy.filter(g -> g.equals("region") || g.equals("occupation")).isPresent()
        || slice.occupation().filter(o -> o.startsWith("http")).isPresent()) {
      return Optional.empty();
    }
    String nace = slice.sectorSection().orElse(null);
    if (slice.sector().filter(s -> s.length() > 1).isPresent()) {
      return Optional.empty(); // divisions are finer than the table
    }
    String isco = slice.occupation().map(o -> o.substring(0, 1)).orElse(null);
    String country = slice.country().orElse(null);
    Optional<Integer> year = Optional.empty();
    if (groupBy.isPresent()) {
      switch (groupBy.get()) {
        case "sector" -> nace = group;
        case "country" -> country = group;
        case "isco" -> isco = group;
        case "month" -> year = Optional.of(Integer.parseInt(group.substring(0, 4)));
        default -> {
          return Optional.empty();
        }
      }
    }
    if (slice.occupation().filter(o -> o.length() > 1).isPresent()) {
      return Optional.empty(); // unit groups are finer than the table's major groups
    }
    EmploymentFigures.Employed all =
        employment.employed(
            new EmploymentFigures.Slice(
                Optional.ofNullable(nace),
                Optional.ofNullable(isco),
                Optional.ofNullable(country),
                year));
    if (all.cells() == 0) {
      return Optional.empty();
    }
    Optional<Integer> to = slice.to().map(YearMonth::getYear);
    if (to.isPresent() && year.isEmpty()) {
      Map<Integer, Double> upTo = new HashMap<>();
      all.thousandsByYear()
          .forEach(
              (y, t) -> {
                if (y <= to.get()) {
                  upTo.put(y, t);
                }
              });
      if (!upTo.isEmpty()) {
        return Optional.of(new EmploymentFigures.Employed(upTo, all.cells()));
      }
    }
    return Optional.of(all);
  }
}
