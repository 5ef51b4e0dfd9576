package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.analytics.stats.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Skill demand for a slice of the vacancies held, grouped or not: postings, the postings mentioning
 * each skill with the share and its 95 % Wilson interval, the share mentioning any digital, green
 * or transversal skill (ESCO collections), and postings per 1,000 employed where the employment
 * statistics have the slice. Counted by Elasticsearch aggregations; duplicates left out unless
 * asked for.
 */
public class DemandReport {
  private final DemandCounts aggregations;
  private final SkillCatalog catalog;
  private final EmploymentFigures statistics;
  private final DemandRates rates;
  private final SkillFacts.Current facts;

  public DemandReport(
      DemandCounts aggregations, SkillCatalog catalog, EmploymentFigures statistics) {
    this(aggregations, catalog, statistics, new SkillFacts.Current(catalog));
  }

  /**
   * @param facts the skills' facts of the current ESCO version, shared with whoever else reads them
   *     (the ingest writes each vacancy's facets with them)
   */
  public DemandReport(
      DemandCounts aggregations,
      SkillCatalog catalog,
      EmploymentFigures statistics,
      SkillFacts.Current facts) {
    this.aggregations = aggregations;
    this.catalog = catalog;
    this.statistics = statistics;
    this.rates = new DemandRates(aggregations, statistics);
    this.facts = facts;
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

  /** Prepares the counts' store for the first question ({@link DemandCounts#warmUp}). */
  public void warmUp() {
    aggregations.warmUp();
  }

  /** Where a slice's figures come from: datasets, synthetic or not, postings without skills. */
  public Provenance provenance(Slice slice) {
    return aggregations.provenance(slice);
  }

  /**
   * @param groupBy what the answer is broken down by, or empty for the whole slice
   * @param limit skills per group, 1 to 1,000
   */
  public Demand demand(Slice slice, Optional<GroupBy> groupBy, int limit) {
    return demand(slice, groupBy, limit, DemandLevel.SKILL);
  }

  /**
   * @param level skills, or skills rolled up to their nearest ESCO skill group, each group counting
   *     the postings that mention any of its skills
   */
  public Demand demand(Slice slice, Optional<GroupBy> by, int limit, DemandLevel level) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    Optional<String> groupBy = by.map(GroupBy::key);
    SkillFacts f = facts.get();
    if (level == DemandLevel.GROUP) {
      return groupDemand(slice, groupBy, limit, f);
    }
    List<DemandCounts.Counts> counts =
        aggregations.counts(slice, groupBy, 1_000, limit, collections(f));
    DemandRates.MonthsOfData months = rates.new MonthsOfData(slice);
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
        DemandLevel.SKILL.key(),
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
      DemandRates.MonthsOfData months) {
    Map<String, CollectionShare> collections = new LinkedHashMap<>();
    c.mentioningAny()
        .forEach(
            (name, n) -> {
              if (!SkillFacts.COLLECTIONS.contains(name)) {
                return;
              }
              Stats.Interval ci = Stats.wilson(n, c.postings(), Stats.Z95);
              collections.put(
                  name,
                  new CollectionShare(
                      n, round(share(n, c.postings())), round(ci.low()), round(ci.high())));
            });
    Optional<DemandRates.Rate> rate = rates.rate(slice, groupBy, c, months);
    return new Group(
        c.group(),
        c.postings(),
        rate.map(r -> round(r.rate().employedThousands())).orElse(null),
        rate.map(DemandRates.Rate::year).orElse(null),
        rate.map(r -> round(r.rate().perThousandPerYear())).orElse(null),
        rate.map(r -> r.rate().months()).orElse(null),
        rate.map(r -> round(r.rate().coverage())).orElse(null),
        rate.map(r -> r.rate().flags()).orElse(null),
        collections,
        skills,
        c.withoutSkills(),
        c.postings() == 0 ? 0 : round(share(c.postings() - c.withoutSkills(), c.postings())));
  }

  /**
   * Demand by ESCO skill group: the groups whose skills are mentioned most in the whole slice
   * (their skills' mentions added up, over the 2,000 most mentioned skills), then for each, per
   * group of the slice, the postings mentioning any of its skills, counted exactly by a filter.
   */
  private Demand groupDemand(Slice slice, Optional<String> groupBy, int limit, SkillFacts f) {
    SkillHierarchy.Hierarchy h = f.hierarchy();
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
    Map<String, DemandCounts.SkillSet> sets = collections(f);
    for (String g : candidates) {
      sets.put(
          "group:" + g,
          new DemandCounts.SkillSet(
              DemandCounts.Facet.GROUP, g, f.version().toString(), h.members().get(g)));
    }
    List<Group> groups = new ArrayList<>();
    DemandRates.MonthsOfData months = rates.new MonthsOfData(slice);
    for (DemandCounts.Counts c : agg.counts(slice, groupBy, 1_000, 1, sets)) {
      List<SkillDemand> skills = new ArrayList<>();
      for (String g : candidates) {
        long n = c.mentioningAny().getOrDefault("group:" + g, 0L);
        if (n > 0) {
          skills.add(skillDemand(g, h.labels().getOrDefault(g, ""), n, c));
        }
      }
      skills.sort(
          Comparator.comparingLong(SkillDemand::postings)
              .reversed()
              .thenComparing(SkillDemand::uri));
      groups.add(group(slice, groupBy, c, skills, months));
    }
    Provenance p = provenance(slice);
    return new Demand(
        slice,
        groupBy.orElse(null),
        DemandLevel.GROUP.key(),
        f.version().toString(),
        groups,
        p.synthetic(),
        p,
        Demand.METHOD);
  }

  /** The collections whose shares are reported, as sets to count. */
  private static Map<String, DemandCounts.SkillSet> collections(SkillFacts f) {
    Map<String, DemandCounts.SkillSet> sets = new LinkedHashMap<>();
    f.collections()
        .forEach(
            (name, members) ->
                sets.put(
                    name,
                    new DemandCounts.SkillSet(
                        DemandCounts.Facet.COLLECTION, name, f.version().toString(), members)));
    return sets;
  }

  /** A skill's English preferred label in the current ESCO version, or empty. */
  public String label(String uri) {
    return labels().apply(uri);
  }

  /**
   * Skills' English preferred labels (empty when unknown), of the version current when asked: an
   * answer naming many skills asks once, since finding the current version is a read of the catalog
   * (over HTTP, when ESCO is on a SPARQL server).
   */
  public Function<String, String> labels() {
    Map<String, String> labels = facts.get().labels();
    return uri -> labels.getOrDefault(uri, "");
  }

  private static double share(long n, long of) {
    return of == 0 ? 0 : (double) n / of;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
