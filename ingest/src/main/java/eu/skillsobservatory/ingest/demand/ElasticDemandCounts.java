package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.SliceQuery;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
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
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Counts over the vacancies index by Elasticsearch aggregations, never by reading documents into
 * the JVM: postings in a slice, postings per skill, per group (sector, country, month...), and
 * postings mentioning any skill of a set (a collection such as digital skills).
 */
final class ElasticDemandCounts implements DemandCounts {
  /** The dimensions a slice can be grouped by, and the field each is counted on. */
  static final Map<String, String> GROUPS =
      Map.of(
          "sector", "naceSection",
          "country", "country",
          "region", "region",
          "month", "month",
          "isco", "iscoMajor",
          "occupation", "escoOccupation");

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  private final VacancyIndex index;
  private final SeriesSummary summary;
  private final CellDemandCounts cells;
  private volatile boolean ensured;

  ElasticDemandCounts(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
    this.index = VacancyStores.index(connection);
    this.summary = new SeriesSummary(connection);
    this.cells = new CellDemandCounts(summary);
  }

  /** The series of emerging skills kept at ingest. */
  SeriesSummary summary() {
    return summary;
  }

  /** Builds the series summary anew from the vacancies held. */
  @Override
  public long summarize(Progress progress) {
    return new SeriesSummaryBuild(this, connection, SeriesSummaryBuild.PAGE_SIZE).build(progress);
  }

  /**
   * @param groupBy a key of {@link #GROUPS}, or empty for the whole slice
   * @param groups at most this many groups, the largest
   * @param skills at most this many skills per group, the most mentioned (0: none, the postings
   *     only)
   * @param sets named sets of skills: postings mentioning any of each are counted
   */
  @Override
  public List<Counts> counts(
      Slice slice, Optional<String> groupBy, int groups, int skills, Map<String, SkillSet> sets) {
    Optional<List<Counts>> kept = cells.counts(slice, groupBy, groups, skills, sets);
    return kept.isPresent() ? kept.get() : live(slice, groupBy, groups, skills, sets);
  }

  /** The counts by aggregations over the vacancies. */
  List<Counts> live(
      Slice slice, Optional<String> groupBy, int groups, int skills, Map<String, SkillSet> sets) {
    Query filter = SliceQuery.of(slice);
    Map<String, Aggregation> inner = new LinkedHashMap<>();
    inner.put(
        "withoutSkills",
        Aggregation.of(
            a -> a.filter(f -> f.bool(b -> b.mustNot(m -> m.exists(e -> e.field("skills")))))));
    if (skills > 0) {
      inner.put(
          "skills",
          Aggregation.of(
              a ->
                  a.terms(
                      t -> t.field("skills").size(skills).shardSize(Math.max(skills * 3, 100)))));
    }
    try {
      SkillSetFilters.of(filter, sets, this::allWritten)
          .forEach((name, q) -> inner.put("set:" + name, Aggregation.of(a -> a.filter(q))));
      SearchResponse<Void> r =
          aggregate(
              "vacancy demand",
              s -> {
                s.trackTotalHits(t -> t.enabled(true)).query(filter);
                if (groupBy.isPresent()) {
                  String field = field(groupBy.get());
                  s.aggregations(
                      "groups", a -> a.terms(t -> t.field(field).size(groups)).aggregations(inner));
                } else {
                  s.aggregations(inner);
                }
                return s;
              });
      List<Counts> out = new ArrayList<>();
      if (groupBy.isPresent()) {
        for (StringTermsBucket b : r.aggregations().get("groups").sterms().buckets().array()) {
          out.add(read(b.key().stringValue(), b.docCount(), b.aggregations(), sets));
        }
      } else {
        long total = r.hits().total() == null ? 0 : r.hits().total().value();
        out.add(read("", total, r.aggregations(), sets));
      }
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("vacancy demand failed: " + e.getMessage(), e);
    }
  }

  /**
   * The provenance of a slice: its postings per dataset (and whether each is synthetic), and its
   * postings without any skill found.
   */
  @Override
  public Provenance provenance(Slice slice) {
    return cells.provenance(slice).orElseGet(() -> liveProvenance(slice));
  }

  /** The provenance by aggregations over the vacancies. */
  Provenance liveProvenance(Slice slice) {
    Query filter = SliceQuery.of(slice);
    try {
      SearchResponse<Void> r =
          aggregate(
              "provenance",
              s ->
                  s.query(filter)
                      .trackTotalHits(t -> t.enabled(true))
                      .aggregations(
                          "datasets",
                          a ->
                              a.terms(t -> t.field("dataset").size(1_000).missing(NO_DATASET))
                                  .aggregations(
                                      "synthetic", b -> b.filter(term("synthetic", "true"))))
                      .aggregations(
                          "withoutSkills",
                          a ->
                              a.filter(
                                  f ->
                                      f.bool(
                                          b -> b.mustNot(m -> m.exists(e -> e.field("skills")))))));
      List<Provenance.DatasetCount> datasets = new ArrayList<>();
      for (StringTermsBucket b : r.aggregations().get("datasets").sterms().buckets().array()) {
        datasets.add(
            new Provenance.DatasetCount(
                b.key().stringValue(),
                b.docCount(),
                b.aggregations().get("synthetic").filter().docCount() > 0));
      }
      long postings = r.hits().total() == null ? 0 : r.hits().total().value();
      return Provenance.of(
          datasets, postings, r.aggregations().get("withoutSkills").filter().docCount());
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("provenance failed: " + e.getMessage(), e);
    }
  }

  /** Fields counted by terms: their global ordinals are built by the first count after a change. */
  private static final List<String> COUNTED =
      List.of(
          "skills",
          "employer",
          "phrases",
          "month",
          "source",
          "dataset",
          "country",
          "naceSection",
          "escoOccupation",
          "iscoMajor");

  /** One count by every field counted by terms, over all the vacancies. */
  @Override
  public void warmUp() {
    try {
      aggregate(
          "preparing the vacancies' counts",
          s -> {
            COUNTED.forEach(f -> s.aggregations(f, a -> a.terms(t -> t.field(f).size(1))));
            return s;
          });
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(
          "preparing the vacancies' counts failed: " + e.getMessage(), e);
    }
  }

  /** The counts behind emerging skills and candidate phrases. */
  @Override
  public EmergingCounts emerging() {
    return new ElasticEmergingCounts(this);
  }

  @Override
  public CoOccurrence coOccurrence(Slice slice, String skill, long minSupport, int limit) {
    Query filter = SliceQuery.of(slice);
    try {
      SearchResponse<Void> first =
          aggregate(
              "skill co-occurrence",
              s ->
                  s.trackTotalHits(t -> t.enabled(true))
                      .query(filter)
                      .aggregations(
                          "with",
                          a ->
                              a.filter(term("skills", skill))
                                  .aggregations(
                                      "others",
                                      b ->
                                          b.terms(
                                              t ->
                                                  t.field("skills")
                                                      .size(limit + 1)
                                                      .minDocCount(
                                                          (int)
                                                              Math.min(
                                                                  minSupport,
                                                                  Integer.MAX_VALUE))))));
      long postings = first.hits().total() == null ? 0 : first.hits().total().value();
      var with = first.aggregations().get("with").filter();
      Map<String, Long> both = new LinkedHashMap<>();
      for (StringTermsBucket b : with.aggregations().get("others").sterms().buckets().array()) {
        if (!b.key().stringValue().equals(skill) && both.size() < limit) {
          both.put(b.key().stringValue(), b.docCount());
        }
      }
      Map<String, Long> totals = new HashMap<>();
      if (!both.isEmpty()) {
        List<String> others = new ArrayList<>(both.keySet());
        SearchResponse<Void> second =
            aggregate(
                "skill co-occurrence",
                s ->
                    s.query(filter)
                        .aggregations(
                            "totals",
                            a ->
                                a.terms(
                                    t ->
                                        t.field("skills")
                                            .size(others.size())
                                            .include(i -> i.terms(others)))));
        for (StringTermsBucket b : second.aggregations().get("totals").sterms().buckets().array()) {
          totals.put(b.key().stringValue(), b.docCount());
        }
      }
      List<Pair> pairs = new ArrayList<>();
      both.forEach((k, n) -> pairs.add(new Pair(k, n, totals.getOrDefault(k, n))));
      return new CoOccurrence(postings, with.docCount(), pairs);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("skill co-occurrence failed: " + e.getMessage(), e);
    }
  }

  static Query range(YearMonth from, YearMonth to) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.date(
                        d -> {
                          d.field("posted");
                          if (from != null) {
                            d.gte(from.atDay(1).toString());
                          }
                          if (to != null) {
                            d.lte(to.atEndOfMonth().toString());
                          }
                          return d;
                        })));
  }

  private static Counts read(
      String group, long postings, Map<String, Aggregate> aggs, Map<String, SkillSet> sets) {
    List<Count> skills = new ArrayList<>();
    if (aggs.containsKey("skills")) {
      for (StringTermsBucket b : aggs.get("skills").sterms().buckets().array()) {
        skills.add(new Count(b.key().stringValue(), b.docCount()));
      }
    }
    Map<String, Long> any = new LinkedHashMap<>();
    sets.keySet().forEach(name -> any.put(name, aggs.get("set:" + name).filter().docCount()));
    return new Counts(group, postings, skills, any, aggs.get("withoutSkills").filter().docCount());
  }

  private static String field(String groupBy) {
    String f = GROUPS.get(groupBy);
    if (f == null) {
      throw new IllegalArgumentException(
          "groupBy: one of "
              + String.join(", ", new TreeSet<>(GROUPS.keySet()))
              + ", not '"
              + groupBy
              + "'");
    }
    return f;
  }

  /** Whether every vacancy of the slice carries the facets of this ESCO version. */
  private boolean allWritten(Query slice, String escoVersion) throws IOException {
    SearchResponse<Void> r =
        aggregate(
            "counting vacancies without skill facets",
            s ->
                s.query(SkillSetFilters.lacking(slice, escoVersion))
                    .terminateAfter(1L)
                    .trackTotalHits(t -> t.enabled(true)));
    return r.hits().total() == null || r.hits().total().value() == 0;
  }

  /** Days with postings per month, over all the data. */
  SortedMap<YearMonth, Long> days() throws IOException {
    SearchResponse<Void> r =
        aggregate(
            "days with postings",
            s ->
                s.aggregations(
                    "months",
                    a ->
                        a.terms(t -> t.field("month").size(1_200))
                            .aggregations("days", d -> d.cardinality(c -> c.field("posted")))));
    TreeMap<YearMonth, Long> out = new TreeMap<>();
    for (StringTermsBucket m : r.aggregations().get("months").sterms().buckets().array()) {
      out.put(
          YearMonth.parse(m.key().stringValue()),
          m.aggregations().get("days").cardinality().value());
    }
    return out;
  }

  /** One counting request over the vacancies: no hits, the aggregations only; retried. */
  SearchResponse<Void> aggregate(
      String what, Function<SearchRequest.Builder, SearchRequest.Builder> request)
      throws IOException {
    if (!ensured) {
      // On a home where no vacancy was ever ingested, the slice is empty, not an error.
      index.ensure();
      ensured = true;
    }
    return connection.withRetries(
        what, () -> es.search(s -> request.apply(s.index(VacancyIndex.ALIAS).size(0)), Void.class));
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }
}
