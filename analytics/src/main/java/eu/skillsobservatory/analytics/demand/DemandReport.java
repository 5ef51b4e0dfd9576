package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.analytics.stats.Stats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Skill demand for a slice of the vacancies held, grouped or not: postings, the postings mentioning
 * each skill with the share and its 95 % Wilson interval, the share mentioning any digital, green
 * or transversal skill (ESCO collections), and postings per 1,000 employed where the employment
 * statistics have the slice. Counted by Elasticsearch aggregations; duplicates left out unless
 * asked for.
 */
public class DemandReport {
  /** The ESCO collections whose share is reported. */
  static final List<String> COLLECTIONS = List.of("digital", "green", "transversal");

  private final DemandCounts aggregations;
  private final SkillCatalog catalog;
  private final EmploymentFigures statistics;
  private SkillFacts facts;

  public DemandReport(
      DemandCounts aggregations, SkillCatalog catalog, EmploymentFigures statistics) {
    this.aggregations = aggregations;
    this.catalog = catalog;
    this.statistics = statistics;
  }

  /** A skill's share of the postings. */
  public record SkillDemand(
      String uri, String label, long postings, double share, double low, double high) {}

  /** A collection's share: postings mentioning at least one of its skills. */
  public record CollectionShare(long postings, double share, double low, double high) {}

  /**
   * The demand in one group of the slice (or the whole slice: group empty).
   *
   * @param employedThousands employment, in the year used, of the countries the group's postings
   *     come from, when the statistics hold the group's cells
   * @param employmentYear that year
   * @param postingsPer1000Employed postings per year (scaled to twelve months of data) per 1,000
   *     employed ({@link PostingRate})
   * @param rateMonths the months of data the postings were counted over
   * @param employmentCoverage the share of the postings from countries with an employment cell
   * @param employmentFlags Eurostat's flags on the cells used ({@code u} low reliability, {@code b}
   *     break in series...)
   * @param withoutSkills postings of the group with no skill found (given or extracted)
   * @param skillCoverage the share of the group's postings with at least one skill: shares of
   *     skills compare across groups only as far as their coverage does
   */
  public record Group(
      String group,
      long postings,
      Double employedThousands,
      Integer employmentYear,
      Double postingsPer1000Employed,
      Integer rateMonths,
      Double employmentCoverage,
      List<String> employmentFlags,
      Map<String, CollectionShare> collections,
      List<SkillDemand> skills,
      long withoutSkills,
      double skillCoverage) {}

  /**
   * @param level {@code skill}, or {@code group}: then each row is an ESCO skill group
   */
  public record Demand(
      Slice slice,
      String groupBy,
      String level,
      String escoVersion,
      List<Group> groups,
      boolean synthetic,
      Provenance provenance,
      String definedIn) {
    /** Where the figures of a demand answer are defined. */
    public static final String METHOD = "src/docs/methods.md#postings-per-1000-employed-per-year";
  }

  /** Where a slice's figures come from: datasets, synthetic or not, postings without skills. */
  public Provenance provenance(Slice slice) {
    return aggregations.provenance(slice);
  }

  /**
   * @param groupBy one of {@link DemandCounts#GROUP_BY}, or empty
   * @param limit skills per group, 1 to 1,000
   */
  public Demand demand(Slice slice, Optional<String> groupBy, int limit) {
    return demand(slice, groupBy, limit, "skill");
  }

  /**
   * @param level {@code skill}, or {@code group}: skills rolled up to their nearest ESCO skill
   *     group, each group counting the postings that mention any of its skills
   */
  public Demand demand(Slice slice, Optional<String> groupBy, int limit, String level) {
    if (!level.equals("skill") && !level.equals("group")) {
      throw new IllegalArgumentException("level: skill or group, not '" + level + "'");
    }
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    groupBy.ifPresent(
        g -> {
          if (!DemandCounts.GROUP_BY.contains(g)) {
            throw new IllegalArgumentException(
                "groupBy: one of "
                    + String.join(", ", new java.util.TreeSet<>(DemandCounts.GROUP_BY))
                    + ", not '"
                    + g
                    + "'");
          }
        });
    SkillFacts f = facts();
    if (level.equals("group")) {
      return groupDemand(slice, groupBy, limit, f);
    }
    List<DemandCounts.Counts> counts =
        aggregations.counts(slice, groupBy, 1_000, limit, f.collections());
    MonthsOfData months = new MonthsOfData(slice);
    List<Group> groups = new ArrayList<>();
    for (DemandCounts.Counts c : counts) {
      List<SkillDemand> skills = new ArrayList<>();
      for (DemandCounts.Count k : c.skills()) {
        skills.add(skillDemand(k.key(), f.labels().getOrDefault(k.key(), ""), k.count(), c));
      }
      groups.add(group(slice, groupBy, c, skills, months));
    }
    Provenance p = provenance(slice);
    return new Demand(
        slice,
        groupBy.orElse(null),
        "skill",
        f.version().toString(),
        groups,
        p.synthetic(),
        p,
        Demand.METHOD);
  }

  private static SkillDemand skillDemand(String uri, String label, long n, DemandCounts.Counts c) {
    Stats.Interval ci = Stats.wilson(n, c.postings(), Stats.Z95);
    return new SkillDemand(
        uri, label, n, round(share(n, c.postings())), round(ci.low()), round(ci.high()));
  }

  private Group group(
      Slice slice,
      Optional<String> groupBy,
      DemandCounts.Counts c,
      List<SkillDemand> skills,
      MonthsOfData months) {
    Map<String, CollectionShare> collections = new LinkedHashMap<>();
    c.mentioningAny()
        .forEach(
            (name, n) -> {
              if (!COLLECTIONS.contains(name)) {
                return;
              }
              Stats.Interval ci = Stats.wilson(n, c.postings(), Stats.Z95);
              collections.put(
                  name,
                  new CollectionShare(
                      n, round(share(n, c.postings())), round(ci.low()), round(ci.high())));
            });
    Optional<Rate> rate = rate(slice, groupBy, c, months);
    return new Group(
        c.group(),
        c.postings(),
        rate.map(r -> round(r.rate().employedThousands())).orElse(null),
        rate.map(Rate::year).orElse(null),
        rate.map(r -> round(r.rate().perThousandPerYear())).orElse(null),
        rate.map(r -> r.rate().months()).orElse(null),
        rate.map(r -> round(r.rate().coverage())).orElse(null),
        rate.map(r -> r.rate().flags()).orElse(null),
        collections,
        skills,
        c.withoutSkills(),
        c.postings() == 0 ? 0 : round(share(c.postings() - c.withoutSkills(), c.postings())));
  }

  private record Rate(PostingRate rate, int year) {}

  /**
   * The yearly rate of a group of the slice: the statistics' cells of the group (sector section,
   * ISCO major group), in the last year of the slice's period they hold, by the countries its
   * postings come from; the months of data within the slice's period (one for a month group).
   */
  private Optional<Rate> rate(
      Slice slice, Optional<String> groupBy, DemandCounts.Counts c, MonthsOfData months) {
    Optional<EmploymentFigures.Employed> employed = employment(slice, groupBy, c.group());
    if (employed.isEmpty() || employed.get().thousandsByYear().isEmpty() || c.postings() == 0) {
      return Optional.empty();
    }
    int year = new java.util.TreeMap<>(employed.get().thousandsByYear()).lastKey();
    Slice g = narrowed(slice, groupBy, c.group());
    EmploymentFigures.Slice cells = cells(g);
    Map<String, PostingRate.Employment> byEurostat = statistics.byCountry(cells, year);
    Map<String, Long> byCountry = new LinkedHashMap<>();
    if (g.country().isPresent()) {
      byCountry.put(g.country().get(), c.postings());
    } else {
      for (DemandCounts.Counts k :
          aggregations.counts(g, Optional.of("country"), 1_000, 1, Map.of())) {
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
  private final class MonthsOfData {
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
            slice.includeDuplicates());
    return (int)
        aggregations.counts(period, Optional.of("month"), 1_000, 1, Map.of()).stream()
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
              slice.includeDuplicates());
      case "isco" ->
          new Slice(
              slice.sector(),
              v,
              slice.country(),
              slice.region(),
              slice.from(),
              slice.to(),
              slice.includeDuplicates());
      case "country" ->
          new Slice(
              slice.sector(),
              slice.occupation(),
              v,
              slice.region(),
              slice.from(),
              slice.to(),
              slice.includeDuplicates());
      case "month" -> {
        Optional<java.time.YearMonth> m = Optional.of(java.time.YearMonth.parse(group));
        yield new Slice(
            slice.sector(),
            slice.occupation(),
            slice.country(),
            slice.region(),
            m,
            m,
            slice.includeDuplicates());
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
   * Demand by ESCO skill group: the groups whose skills are mentioned most in the whole slice
   * (their skills' mentions added up, over the 2,000 most mentioned skills), then for each, per
   * group of the slice, the postings mentioning any of its skills, counted exactly by a filter.
   */
  private Demand groupDemand(Slice slice, Optional<String> groupBy, int limit, SkillFacts f) {
    Hierarchy h = hierarchy(f.version());
    DemandCounts agg = aggregations;
    List<DemandCounts.Counts> all =
        agg.counts(slice, Optional.empty(), 1, EmergingCounts.MAX_CANDIDATES, Map.of());
    Map<String, Long> mentions = new HashMap<>();
    if (!all.isEmpty()) {
      for (DemandCounts.Count k : all.get(0).skills()) {
        String g = h.groupOf().get(k.key());
        if (g != null) {
          mentions.merge(g, k.count(), Long::sum);
        }
      }
    }
    List<String> candidates =
        mentions.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Set<String>> sets = new LinkedHashMap<>(f.collections());
    for (String g : candidates) {
      sets.put("group:" + g, h.members().get(g));
    }
    List<Group> groups = new ArrayList<>();
    MonthsOfData months = new MonthsOfData(slice);
    for (DemandCounts.Counts c : agg.counts(slice, groupBy, 1_000, 1, sets)) {
      List<SkillDemand> skills = new ArrayList<>();
      for (String g : candidates) {
        long n = c.mentioningAny().getOrDefault("group:" + g, 0L);
        if (n > 0) {
          skills.add(skillDemand(g, h.labels().getOrDefault(g, ""), n, c));
        }
      }
      skills.sort(
          java.util.Comparator.comparingLong(SkillDemand::postings)
              .reversed()
              .thenComparing(SkillDemand::uri));
      groups.add(group(slice, groupBy, c, skills, months));
    }
    Provenance p = provenance(slice);
    return new Demand(
        slice,
        groupBy.orElse(null),
        "group",
        f.version().toString(),
        groups,
        p.synthetic(),
        p,
        Demand.METHOD);
  }

  /** Each skill's nearest ESCO skill group, each group's skills, the groups' labels. */
  private record Hierarchy(
      EscoVersion version,
      Map<String, String> groupOf,
      Map<String, Set<String>> members,
      Map<String, String> labels) {}

  private Hierarchy hierarchy;

  private synchronized Hierarchy hierarchy(EscoVersion v) {
    if (hierarchy == null || !hierarchy.version().equals(v)) {
      var snapshot = catalog.snapshot(v, "en");
      Map<String, List<String>> broader = catalog.broader(v);
      Map<String, String> groupOf = new HashMap<>();
      Map<String, Set<String>> members = new HashMap<>();
      Map<String, String> labels = new HashMap<>();
      snapshot
          .concepts()
          .forEach(
              (uri, e) -> {
                if (e.type() == ConceptType.SKILL_GROUP) {
                  labels.put(uri, e.preferredLabel());
                }
              });
      snapshot
          .concepts()
          .forEach(
              (uri, e) -> {
                if (e.type() != ConceptType.SKILL) {
                  return;
                }
                String g = nearestGroup(uri, broader, labels.keySet());
                if (g != null) {
                  groupOf.put(uri, g);
                  members.computeIfAbsent(g, k -> new java.util.HashSet<>()).add(uri);
                }
              });
      hierarchy = new Hierarchy(v, groupOf, members, labels);
    }
    return hierarchy;
  }

  /** The first skill group up the broader links (breadth first; the smallest URI on ties). */
  static String nearestGroup(String skill, Map<String, List<String>> broader, Set<String> groups) {
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(skill));
    Set<String> seen = new java.util.HashSet<>(queue);
    while (!queue.isEmpty()) {
      List<String> level = new ArrayList<>();
      int n = queue.size();
      for (int i = 0; i < n; i++) {
        for (String up : broader.getOrDefault(queue.poll(), List.of())) {
          if (seen.add(up)) {
            level.add(up);
          }
        }
      }
      Optional<String> found = level.stream().filter(groups::contains).sorted().findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      queue.addAll(level);
    }
    return null;
  }

  /**
   * Employment for a group of the slice: only where the statistics' dimensions hold it (sector
   * section, ISCO major group, country; no region, no single ESCO occupation), for the last year of
   * the slice's period that the statistics have (or their last year).
   */
  private Optional<EmploymentFigures.Employed> employment(
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
        statistics.employed(
            new EmploymentFigures.Slice(
                Optional.ofNullable(nace),
                Optional.ofNullable(isco),
                Optional.ofNullable(country),
                year));
    if (all.cells() == 0) {
      return Optional.empty();
    }
    Optional<Integer> to = slice.to().map(java.time.YearMonth::getYear);
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

  /** A skill's English preferred label in the current ESCO version, or empty. */
  public String label(String uri) {
    return facts().labels().getOrDefault(uri, "");
  }

  private static double share(long n, long of) {
    return of == 0 ? 0 : (double) n / of;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  /** Labels and collection members of the current ESCO version's skills. */
  private record SkillFacts(
      EscoVersion version, Map<String, String> labels, Map<String, Set<String>> collections) {}

  private synchronized SkillFacts facts() {
    EscoVersion v = catalog.resolve(Optional.empty());
    if (facts == null || !facts.version().equals(v)) {
      Map<String, String> labels = new HashMap<>();
      Map<String, Set<String>> collections = new LinkedHashMap<>();
      COLLECTIONS.forEach(c -> collections.put(c, new java.util.HashSet<>()));
      catalog.forEachConcept(
          v,
          d -> {
            if (d.type() != ConceptType.SKILL) {
              return;
            }
            var en = d.labels().get("en");
            labels.put(d.uri(), en == null ? "" : en.preferred());
            for (String c : d.collections()) {
              Set<String> members = collections.get(c);
              if (members != null) {
                members.add(d.uri());
              }
            }
          });
      facts = new SkillFacts(v, labels, collections);
    }
    return facts;
  }
}
