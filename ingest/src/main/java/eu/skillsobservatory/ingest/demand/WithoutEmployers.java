package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.demand.Emerging;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The series of a slice without one employer's postings, for many skills at once: the slice's
 * postings and the skills' mentions by month and source counted once, less those of each top
 * employer (a few postings each), instead of the whole slice read again for every skill. The
 * difference is exact: a posting without the employer is one of the slice's that is not one of the
 * employer's; counts that come to 0 are left out, as an aggregation leaves them out.
 */
final class WithoutEmployers {
  private final ElasticDemandCounts vacancies;
  private final String field;
  private final int maxBuckets;

  WithoutEmployers(ElasticDemandCounts vacancies, String field, int maxBuckets) {
    this.vacancies = vacancies;
    this.field = field;
    this.maxBuckets = maxBuckets;
  }

  /** Postings by source and month, and each skill's mentions by source and month. */
  record Counts(
      Map<String, SortedMap<YearMonth, Long>> postings,
      Map<String, Map<String, SortedMap<YearMonth, Long>>> mentions) {}

  /**
   * For each skill with a top employer, the window's series without that employer's postings.
   *
   * @param window the slice's postings over the months the tests use
   * @param topOf each skill's top employer
   * @param kept the window's counts of those skills when kept (from the summary's cells), else they
   *     are counted here
   */
  Map<String, Emerging.Series> series(
      Query window, Map<String, String> topOf, Optional<Counts> kept) throws IOException {
    Counts all = kept.isPresent() ? kept.get() : counts(window, List.copyOf(topOf.keySet()));
    Map<String, List<String>> byEmployer = new LinkedHashMap<>();
    topOf.forEach((skill, e) -> byEmployer.computeIfAbsent(e, k -> new ArrayList<>()).add(skill));
    List<String> employers = List.copyOf(byEmployer.keySet());
    List<Counts> parts =
        ParallelReads.map(
            employers,
            e ->
                counts(
                    Query.of(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(window)
                                        .filter(ElasticDemandCounts.term("employer", e)))),
                    byEmployer.get(e)));
    Map<String, Emerging.Series> out = new LinkedHashMap<>();
    for (int i = 0; i < employers.size(); i++) {
      Counts part = parts.get(i);
      Map<String, SortedMap<YearMonth, Long>> postings = minus(all.postings(), part.postings());
      for (String skill : byEmployer.get(employers.get(i))) {
        Map<String, Map<YearMonth, Long>> mentions =
            new HashMap<>(
                minus(
                    all.mentions().getOrDefault(skill, Map.of()),
                    part.mentions().getOrDefault(skill, Map.of())));
        out.put(skill, new Emerging.Series(postings, Map.of(skill, mentions), new TreeMap<>()));
      }
    }
    return out;
  }

  private static Map<String, SortedMap<YearMonth, Long>> minus(
      Map<String, SortedMap<YearMonth, Long>> a, Map<String, SortedMap<YearMonth, Long>> b) {
    Map<String, SortedMap<YearMonth, Long>> out = new LinkedHashMap<>();
    a.forEach(
        (source, months) -> {
          SortedMap<YearMonth, Long> less = b.getOrDefault(source, new TreeMap<>());
          months.forEach(
              (m, n) -> {
                long left = n - less.getOrDefault(m, 0L);
                if (left > 0) {
                  out.computeIfAbsent(source, x -> new TreeMap<>()).put(m, left);
                }
              });
        });
    return out;
  }

  /** The counts of a query's postings, the skills read in requests under the bucket limit. */
  Counts counts(Query query, List<String> skills) throws IOException {
    Map<String, SortedMap<YearMonth, Long>> postings = new LinkedHashMap<>();
    read(query, List.of(), postings, new HashMap<>());
    int cells = Math.max(1, postings.values().stream().mapToInt(Map::size).sum());
    int batch = Math.max(1, maxBuckets / cells);
    Map<String, Map<String, SortedMap<YearMonth, Long>>> mentions = new HashMap<>();
    for (int i = 0; i < skills.size(); i += batch) {
      read(query, skills.subList(i, Math.min(skills.size(), i + batch)), null, mentions);
    }
    return new Counts(postings, mentions);
  }

  private void read(
      Query query,
      List<String> skills,
      Map<String, SortedMap<YearMonth, Long>> postings,
      Map<String, Map<String, SortedMap<YearMonth, Long>>> mentions)
      throws IOException {
    Map<String, Aggregation> each = new LinkedHashMap<>();
    for (int i = 0; i < skills.size(); i++) {
      String skill = skills.get(i);
      each.put("k" + i, Aggregation.of(a -> a.filter(ElasticDemandCounts.term(field, skill))));
    }
    SearchResponse<Void> r =
        vacancies.aggregate(
            "emerging series without the top employers",
            s -> s.query(query).aggregations("months", ElasticEmergingCounts.monthsBySource(each)));
    for (StringTermsBucket m : r.aggregations().get("months").sterms().buckets().array()) {
      YearMonth month = YearMonth.parse(m.key().stringValue());
      for (StringTermsBucket src : m.aggregations().get("sources").sterms().buckets().array()) {
        String source = src.key().stringValue();
        if (postings != null && src.docCount() > 0) {
          postings.computeIfAbsent(source, x -> new TreeMap<>()).put(month, src.docCount());
        }
        for (int i = 0; i < skills.size(); i++) {
          long n = src.aggregations().get("k" + i).filter().docCount();
          if (n > 0) {
            mentions
                .computeIfAbsent(skills.get(i), x -> new HashMap<>())
                .computeIfAbsent(source, x -> new TreeMap<>())
                .put(month, n);
          }
        }
      }
    }
  }
}
