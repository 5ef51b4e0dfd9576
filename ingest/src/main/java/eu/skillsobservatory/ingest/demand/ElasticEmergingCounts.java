package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.ingest.vacancy.SliceQuery;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counts behind {@link Emerging}, from the vacancy index: postings per month and source, the
 * days with postings per month of the whole data, the candidates' mentions per month and source,
 * the employers of the recent mentions, and the counts without another skill. The series of skills
 * comes from the summary kept at ingest ({@link SeriesSummary}) when it is current and the slice is
 * made of its cells; else it is counted live.
 */
final class ElasticEmergingCounts implements EmergingCounts {

  /** Sources per month counted apart; more are far past any real feed mix. */
  static final int MAX_SOURCES = 1_000;

  /** Buckets per request, under Elasticsearch's default limit of 65,536. */
  static final int MAX_BUCKETS = 50_000;

  private final ElasticDemandCounts vacancies;

  private final int maxBuckets;
  private final boolean kept;

  ElasticEmergingCounts(ElasticDemandCounts vacancies) {
    this(vacancies, MAX_BUCKETS, true);
  }

  /**
   * @param maxBuckets buckets a request at most: small, to test many requests
   * @param kept whether a series is read from the summary kept at ingest when it is current
   */
  ElasticEmergingCounts(ElasticDemandCounts vacancies, int maxBuckets, boolean kept) {
    this.vacancies = vacancies;
    this.maxBuckets = maxBuckets;
    this.kept = kept;
  }

  /**
   * The series of a slice for the values of a keyword field of the vacancies: {@code skills}, or
   * {@code phrases} (candidate terms outside ESCO, counted over the postings whose phrases were
   * extracted: English ones, ingested since phrases are). The values counted are those with at
   * least {@code minSupport} postings over the months a test can use (the last {@code recentMonths
   * + baselineMonths}, or all when {@code baselineMonths} is 0), at most {@link #MAX_CANDIDATES}.
   */
  @Override
  public Emerging.Series series(
      Slice slice, String field, int recentMonths, int baselineMonths, long minSupport) {
    if (kept && field.equals("skills")) {
      Optional<Emerging.Series> summary =
          vacancies.summary().series(slice, recentMonths, baselineMonths, minSupport);
      if (summary.isPresent()) {
        return summary.get();
      }
    }
    Query filter = base(slice, field);
    try {
      // With no limit on the baseline the candidates' window is the whole slice: they are read
      // beside the months, not after them.
      boolean wholeSlice = baselineMonths == 0;
      var first =
          ParallelReads.both(
              () ->
                  bySource(
                      vacancies.aggregate(
                          "vacancy months",
                          s -> s.query(filter).aggregations("months", monthsBySource(Map.of()))),
                      null),
              () ->
                  ParallelReads.both(
                      vacancies::days,
                      () ->
                          wholeSlice ? candidates(window(filter, null), field, minSupport) : null));
      Map<String, SortedMap<YearMonth, Long>> postings = first.first();
      SortedMap<YearMonth, Long> days = first.second().first();
      TreeMap<YearMonth, Long> all = new TreeMap<>();
      postings.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Long::sum)));
      if (all.isEmpty()) {
        return new Emerging.Series(postings, Map.of(), days);
      }
      List<String> values = first.second().second();
      if (!wholeSlice) {
        YearMonth from = all.lastKey().minusMonths((long) recentMonths + baselineMonths);
        values = candidates(window(filter, from), field, minSupport);
      }
      int cells = Math.max(1, all.size() * Math.max(1, postings.size()));
      int batch = Math.max(1, Math.min(MAX_CANDIDATES, maxBuckets / cells));
      List<List<String>> parts = new ArrayList<>();
      for (int i = 0; i < values.size(); i += batch) {
        parts.add(values.subList(i, Math.min(values.size(), i + batch)));
      }
      Map<String, Map<String, Map<YearMonth, Long>>> counts = new LinkedHashMap<>();
      ParallelReads.map(parts, part -> count(filter, field, part)).forEach(counts::putAll);
      return new Emerging.Series(postings, counts, days);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("emerging skills failed: " + e.getMessage(), e);
    }
  }

  /** The slice's postings from a month on (all when {@code from} is null). */
  private static Query window(Query filter, YearMonth from) {
    return Query.of(
        q -> q.bool(b -> b.filter(filter).filter(ElasticDemandCounts.range(from, null))));
  }

  /** The values of the field with at least {@code minSupport} postings in the window. */
  private List<String> candidates(Query window, String field, long minSupport) throws IOException {
    SearchResponse<Void> candidates =
        vacancies.aggregate(
            "emerging candidates",
            s ->
                s.query(window)
                    .aggregations(
                        "values",
                        a ->
                            a.terms(
                                t ->
                                    t.field(field)
                                        .size(MAX_CANDIDATES)
                                        .minDocCount(
                                            (int) Math.min(minSupport, Integer.MAX_VALUE)))));
    List<String> values = new ArrayList<>();
    for (StringTermsBucket b : candidates.aggregations().get("values").sterms().buckets().array()) {
      values.add(b.key().stringValue());
    }
    return values;
  }

  /** The mentions of these values per month and source. */
  private Map<String, Map<String, Map<YearMonth, Long>>> count(
      Query filter, String field, List<String> part) throws IOException {
    SearchResponse<Void> r =
        vacancies.aggregate(
            "emerging series",
            s ->
                s.query(filter)
                    .aggregations(
                        "months",
                        a ->
                            a.terms(t -> t.field("month").size(1_200))
                                .aggregations(
                                    "sources",
                                    b ->
                                        b.terms(t -> t.field("source").size(MAX_SOURCES))
                                            .aggregations(
                                                "values",
                                                c ->
                                                    c.terms(
                                                        t ->
                                                            t.field(field)
                                                                .size(part.size())
                                                                .include(x -> x.terms(part)))))));
    Map<String, Map<String, Map<YearMonth, Long>>> counts = new LinkedHashMap<>();
    for (StringTermsBucket m : r.aggregations().get("months").sterms().buckets().array()) {
      YearMonth month = YearMonth.parse(m.key().stringValue());
      for (StringTermsBucket src : m.aggregations().get("sources").sterms().buckets().array()) {
        for (StringTermsBucket v : src.aggregations().get("values").sterms().buckets().array()) {
          counts
              .computeIfAbsent(v.key().stringValue(), x -> new HashMap<>())
              .computeIfAbsent(src.key().stringValue(), x -> new HashMap<>())
              .put(month, v.docCount());
        }
      }
    }
    return counts;
  }

  /** The slice, and for phrases only the postings whose phrases were looked for. */
  private static Query base(Slice slice, String field) {
    if (!field.equals("skills") && !field.equals("phrases")) {
      throw new IllegalArgumentException("field: skills or phrases, not " + field);
    }
    Query filter = SliceQuery.of(slice);
    if (field.equals("skills")) {
      return filter;
    }
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(filter)
                        .filter(ElasticDemandCounts.term("language", "en"))
                        .filter(
                            f ->
                                f.bool(
                                    o ->
                                        o.should(
                                                ElasticDemandCounts.term(
                                                    "phrasesExtracted", "true"))
                                            .should(s -> s.exists(x -> x.field("phrases")))
                                            .minimumShouldMatch("1")))));
  }

  private static Aggregation monthsBySource(Aggregation inner) {
    return monthsBySource(inner == null ? Map.of() : Map.of("inner", inner));
  }

  /** Postings by month, then source, each bucket with the given aggregations inside. */
  static Aggregation monthsBySource(Map<String, Aggregation> inner) {
    return Aggregation.of(
        a ->
            a.terms(t -> t.field("month").size(1_200))
                .aggregations(
                    "sources",
                    b -> b.terms(t -> t.field("source").size(MAX_SOURCES)).aggregations(inner)));
  }

  /** Source to month to count, from {@link #monthsBySource}; the inner filter's count if named. */
  private static Map<String, SortedMap<YearMonth, Long>> bySource(
      SearchResponse<Void> r, String inner) {
    Map<String, SortedMap<YearMonth, Long>> out = new LinkedHashMap<>();
    for (StringTermsBucket m : r.aggregations().get("months").sterms().buckets().array()) {
      YearMonth month = YearMonth.parse(m.key().stringValue());
      for (StringTermsBucket src : m.aggregations().get("sources").sterms().buckets().array()) {
        long n =
            inner == null ? src.docCount() : src.aggregations().get("inner").filter().docCount();
        if (n > 0) {
          out.computeIfAbsent(src.key().stringValue(), x -> new TreeMap<>()).put(month, n);
        }
      }
    }
    return out;
  }

  /**
   * Postings of a slice that do not mention {@code without}, in the recent window and in the
   * baseline, and of those the postings mentioning {@code with}: {@code [recent with, recent,
   * baseline with, baseline]}.
   */
  @Override
  public long[] without(
      Slice slice, String field, String without, String with, Emerging.Report report) {
    List<YearMonth> months = report.months();
    YearMonth recentTo = months.get(months.size() - 1);
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(base(slice, field))
                            .mustNot(ElasticDemandCounts.term(field, without))));
    Aggregation mentions = Aggregation.of(a -> a.filter(ElasticDemandCounts.term(field, with)));
    try {
      SearchResponse<Void> r =
          vacancies.aggregate(
              "emerging value apart from another",
              s ->
                  s.query(query)
                      .aggregations(
                          "recent",
                          a ->
                              a.filter(ElasticDemandCounts.range(report.recentFrom(), recentTo))
                                  .aggregations("with", mentions))
                      .aggregations(
                          "baseline",
                          a ->
                              a.filter(
                                      ElasticDemandCounts.range(
                                          report.baselineFrom(), report.baselineTo()))
                                  .aggregations("with", mentions)));
      var recent = r.aggregations().get("recent").filter();
      var baseline = r.aggregations().get("baseline").filter();
      return new long[] {
        recent.aggregations().get("with").filter().docCount(),
        recent.docCount(),
        baseline.aggregations().get("with").filter().docCount(),
        baseline.docCount()
      };
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("emerging skills failed: " + e.getMessage(), e);
    }
  }

  /**
   * For each skill, the employers of its recent mentions (distinct count and the top one), and the
   * slice's series without the top employer's postings.
   */
  @Override
  public Map<String, Emerging.EmployerCounts> employers(
      Slice slice, String field, List<String> skills, Emerging.Report report) {
    Map<String, Emerging.EmployerCounts> out = new LinkedHashMap<>();
    if (skills.isEmpty() || report.recentFrom() == null) {
      return out;
    }
    List<YearMonth> months = report.months();
    YearMonth recentTo = months.get(months.size() - 1);
    Query recent = within(slice, field, report.recentFrom(), recentTo);
    try {
      SearchResponse<Void> r =
          vacancies.aggregate(
              "employers of recent mentions",
              s -> {
                s.query(recent);
                for (int i = 0; i < skills.size(); i++) {
                  String skill = skills.get(i);
                  s.aggregations(
                      "k" + i,
                      a ->
                          a.filter(ElasticDemandCounts.term(field, skill))
                              .aggregations("top", t -> t.terms(x -> x.field("employer").size(1)))
                              .aggregations(
                                  "distinct", d -> d.cardinality(c -> c.field("employer"))));
                }
                return s;
              });
      List<Emerging.EmployerCounts> tops = new ArrayList<>();
      for (int i = 0; i < skills.size(); i++) {
        Map<String, Aggregate> a = r.aggregations().get("k" + i).filter().aggregations();
        int distinct = (int) a.get("distinct").cardinality().value();
        var top = a.get("top").sterms().buckets().array();
        tops.add(
            top.isEmpty()
                ? new Emerging.EmployerCounts(distinct, null, 0, null)
                : new Emerging.EmployerCounts(
                    distinct, top.get(0).key().stringValue(), top.get(0).docCount(), null));
      }
      Map<String, String> topOf = new LinkedHashMap<>();
      for (int i = 0; i < skills.size(); i++) {
        if (tops.get(i).top() != null) {
          topOf.put(skills.get(i), tops.get(i).top());
        }
      }
      Optional<WithoutEmployers.Counts> all =
          kept && field.equals("skills")
              ? vacancies
                  .summary()
                  .window(slice, report.baselineFrom(), recentTo, Set.copyOf(topOf.keySet()))
              : Optional.empty();
      Map<String, Emerging.Series> without =
          new WithoutEmployers(vacancies, field, maxBuckets)
              .series(within(slice, field, report.baselineFrom(), recentTo), topOf, all);
      for (int i = 0; i < skills.size(); i++) {
        Emerging.EmployerCounts c = tops.get(i);
        out.put(
            skills.get(i),
            c.top() == null
                ? c
                : new Emerging.EmployerCounts(
                    c.distinct(), c.top(), c.topMentions(), without.get(skills.get(i))));
      }
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("emerging skills failed: " + e.getMessage(), e);
    }
  }

  /** The slice's postings (with the field counted) of these months. */
  private static Query within(Slice slice, String field, YearMonth from, YearMonth to) {
    return Query.of(
        q -> q.bool(b -> b.filter(base(slice, field)).filter(ElasticDemandCounts.range(from, to))));
  }
}
