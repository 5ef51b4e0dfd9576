package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.stats.Stats;
import eu.skillsobservatory.api.statistics.StatisticsService;
import eu.skillsobservatory.ingest.analytics.VacancyAggregations;
import eu.skillsobservatory.ingest.statistics.EmploymentIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Skill demand for a slice of the vacancies held, grouped or not: postings, the postings mentioning
 * each skill with the share and its 95 % Wilson interval, the share mentioning any digital, green
 * or transversal skill (ESCO collections), and postings per 1,000 employed where the employment
 * statistics have the slice. Counted by Elasticsearch aggregations; duplicates left out unless
 * asked for.
 */
@Service
public class DemandService {
  /** The ESCO collections whose share is reported. */
  static final List<String> COLLECTIONS = List.of("digital", "green", "transversal");

  private final ObjectProvider<VacancyAggregations> aggregations;
  private final SkillCatalog catalog;
  private final StatisticsService statistics;
  private SkillFacts facts;

  public DemandService(
      ObjectProvider<VacancyAggregations> aggregations,
      SkillCatalog catalog,
      StatisticsService statistics) {
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
   * @param employedThousands employment of the slice in the year used, when known
   * @param employmentYear that year
   * @param postingsPer1000Employed postings / (employed / 1,000)
   */
  public record Group(
      String group,
      long postings,
      Double employedThousands,
      Integer employmentYear,
      Double postingsPer1000Employed,
      Map<String, CollectionShare> collections,
      List<SkillDemand> skills) {}

  public record Demand(Slice slice, String groupBy, String escoVersion, List<Group> groups) {}

  /**
   * @param groupBy one of {@link VacancyAggregations#GROUPS}, or empty
   * @param limit skills per group, 1 to 1,000
   */
  public Demand demand(Slice slice, Optional<String> groupBy, int limit) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    groupBy.ifPresent(
        g -> {
          if (!VacancyAggregations.GROUPS.containsKey(g)) {
            throw new IllegalArgumentException(
                "groupBy: one of "
                    + String.join(
                        ", ", new java.util.TreeSet<>(VacancyAggregations.GROUPS.keySet()))
                    + ", not '"
                    + g
                    + "'");
          }
        });
    SkillFacts f = facts();
    List<VacancyAggregations.Counts> counts =
        aggregations.getObject().counts(slice, groupBy, 1_000, limit, f.collections());
    List<Group> groups = new ArrayList<>();
    for (VacancyAggregations.Counts c : counts) {
      List<SkillDemand> skills = new ArrayList<>();
      for (VacancyAggregations.Count k : c.skills()) {
        Stats.Interval ci = Stats.wilson(k.count(), c.postings(), Stats.Z95);
        skills.add(
            new SkillDemand(
                k.key(),
                f.labels().getOrDefault(k.key(), ""),
                k.count(),
                round(share(k.count(), c.postings())),
                round(ci.low()),
                round(ci.high())));
      }
      Map<String, CollectionShare> collections = new LinkedHashMap<>();
      c.mentioningAny()
          .forEach(
              (name, n) -> {
                Stats.Interval ci = Stats.wilson(n, c.postings(), Stats.Z95);
                collections.put(
                    name,
                    new CollectionShare(
                        n, round(share(n, c.postings())), round(ci.low()), round(ci.high())));
              });
      Optional<EmploymentIndex.Employed> employed = employment(slice, groupBy, c.group());
      Double thousands = null;
      Integer year = null;
      Double per1000 = null;
      if (employed.isPresent() && !employed.get().thousandsByYear().isEmpty()) {
        var last = new java.util.TreeMap<>(employed.get().thousandsByYear()).lastEntry();
        year = last.getKey();
        thousands = last.getValue();
        per1000 = thousands > 0 ? round(c.postings() / thousands) : null;
      }
      groups.add(new Group(c.group(), c.postings(), thousands, year, per1000, collections, skills));
    }
    return new Demand(slice, groupBy.orElse(null), f.version().toString(), groups);
  }

  /**
   * Employment for a group of the slice: only where the statistics' dimensions hold it (sector
   * section, ISCO major group, country; no region, no single ESCO occupation), for the last year of
   * the slice's period that the statistics have (or their last year).
   */
  private Optional<EmploymentIndex.Employed> employment(
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
    EmploymentIndex.Employed all =
        statistics.employed(
            new EmploymentIndex.Slice(
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
        return Optional.of(new EmploymentIndex.Employed(upTo, all.cells()));
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
