package eu.skillsobservatory.ingest.offer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.OfferRecord;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import eu.skillsobservatory.ingest.search.BulkWrites;
import eu.skillsobservatory.ingest.search.HeldPages;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Training offers in Elasticsearch, behind the alias {@code offers}. Every load makes a new index
 * (the offers held before, less those the load replaces, plus the load's), checks that it holds
 * exactly what it should, and swaps the alias to it in one request: readers see the offers before
 * the load or after it, never part of a load, and a load that fails or dies changes nothing. Offers
 * are a catalogue (thousands, not millions), so copying them per load is cheap.
 */
final class OfferIndex implements TrainingOffers {
  public static final String ALIAS = "offers";
  static final String PREFIX = "offers-";

  /** An index of this prefix not behind the alias and older than this is a dead load's. */
  static final long ORPHAN_AFTER_MS = 60 * 60 * 1000L;

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  private final OfferIndexSetup setup;

  OfferIndex(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
    this.setup = new OfferIndexSetup(connection);
  }

  /** The index set-up, once per adapter (again on the next call if Elasticsearch failed). */
  private void ensure() {
    setup.ensure();
  }

  /**
   * Adds these offers, replacing any held with the same source and id.
   *
   * @throws SearchStoreException when Elasticsearch refused an offer or failed; nothing changed
   */
  @Override
  public synchronized LoadReport add(List<OfferRecord> records) {
    ensure();
    String index = PREFIX + System.currentTimeMillis();
    Map<String, OfferRecord> incoming = new LinkedHashMap<>();
    for (OfferRecord r : records) {
      incoming.put(OfferDocuments.documentId(r.offer()), r);
    }
    String ingestedAt = Instant.now().toString();
    try {
      Set<String> previous = es.indices().getAlias(a -> a.name(ALIAS)).result().keySet();
      es.indices()
          .create(
              c ->
                  c.index(index)
                      .withJson(new StringReader(OfferIndexSetup.MAPPING))
                      .settings(s -> s.refreshInterval(t -> t.time("-1"))));
      BulkWrites<String> writes = new BulkWrites<>(n -> {});
      long[] kept = new long[1];
      long[] replaced = new long[1];
      try (BulkIngester<String> ingester = writes.ingester(es)) {
        scan(
            ALIAS,
            Query.of(q -> q.matchAll(m -> m)),
            hit -> {
              if (incoming.containsKey(hit.id())) {
                replaced[0]++;
                return;
              }
              kept[0]++;
              Map<String, Object> doc = hit.source();
              ingester.add(
                  op -> op.index(i -> i.index(index).id(hit.id()).document(doc)), hit.id());
            });
        for (Map.Entry<String, OfferRecord> e : incoming.entrySet()) {
          Map<String, Object> doc = OfferDocuments.document(e.getValue(), ingestedAt);
          ingester.add(
              op -> op.index(i -> i.index(index).id(e.getKey()).document(doc)),
              e.getValue().offer().key());
        }
      }
      writes.awaitRetries();
      es.indices()
          .putSettings(p -> p.index(index).settings(x -> x.refreshInterval(t -> t.time("1s"))));
      es.indices().refresh(r -> r.index(index));
      long count = es.count(c -> c.index(index)).count();
      long expected = kept[0] + incoming.size();
      if (!writes.failed().isEmpty() || count != expected) {
        dropQuietly(index);
        List<String> failed = writes.failed();
        throw new SearchStoreException(
            "loading training offers failed, nothing changed: "
                + count
                + " of "
                + expected
                + " offers written"
                + (failed.isEmpty()
                    ? ""
                    : "; refused: "
                        + String.join("; ", failed.subList(0, Math.min(5, failed.size())))),
            null);
      }
      connection.swapInto(ALIAS, index, previous);
      return new LoadReport(index, incoming.size(), replaced[0], kept[0], count);
    } catch (IOException | ElasticsearchException e) {
      dropQuietly(index);
      throw new SearchStoreException(
          "loading training offers into Elasticsearch failed, nothing changed: " + e.getMessage(),
          e);
    }
  }

  private interface HitConsumer {
    void accept(Hit<Map<String, Object>> hit);
  }

  /** Every document matching a query, in pages by search_after. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void scan(String index, Query query, HitConsumer each) throws IOException {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<Map> page =
          connection.withRetries(
              "reading training offers",
              () ->
                  es.search(
                      s -> {
                        s.index(index)
                            .query(query)
                            .size(1_000)
                            .sort(o -> o.field(f -> f.field("_doc").order(SortOrder.Asc)));
                        if (from != null) {
                          s.searchAfter(from);
                        }
                        return s;
                      },
                      Map.class));
      var hits = page.hits().hits();
      for (var h : hits) {
        each.accept((Hit<Map<String, Object>>) (Hit) h);
      }
      if (hits.size() < 1_000) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * Offers in scope that teach any of these skills, with what the matching and gap reports need.
   *
   * @param max at most this many (the most relevant first: most of the skills)
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Taught> teaching(OfferFilter filter, Collection<String> skills, int max) {
    ensure();
    if (skills.isEmpty()) {
      return List.of();
    }
    Query scope = OfferDocuments.query(filter);
    List<String> list = new ArrayList<>(new HashSet<>(skills));
    Query q =
        Query.of(
            x ->
                x.bool(
                    b ->
                        b.filter(scope)
                            .should(
                                list.stream()
                                    .map(
                                        s ->
                                            Query.of(
                                                t ->
                                                    t.constantScore(
                                                        c ->
                                                            c.filter(
                                                                f ->
                                                                    f.term(
                                                                        tt ->
                                                                            tt.field("skills")
                                                                                .value(s))))))
                                    .toList())
                            .minimumShouldMatch("1")));
    try {
      SearchResponse<Map> r =
          connection.withRetries(
              "finding training offers",
              () ->
                  es.search(
                      s ->
                          s.index(ALIAS)
                              .query(q)
                              .size(max)
                              .source(
                                  src ->
                                      src.filter(
                                          f ->
                                              f.includes(
                                                  "source",
                                                  "id",
                                                  "title",
                                                  "provider",
                                                  "country",
                                                  "region",
                                                  "eqf",
                                                  "mode",
                                                  "hours",
                                                  "cost",
                                                  "currency",
                                                  "skills",
                                                  "start",
                                                  "url"))),
                      Map.class));
      List<Taught> out = new ArrayList<>();
      r.hits()
          .hits()
          .forEach(h -> out.add(OfferDocuments.taught((Map<String, Object>) h.source())));
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("finding training offers failed: " + e.getMessage(), e);
    }
  }

  /** The supply of each of these skills in scope, counted by aggregations. */
  @Override
  public Map<String, Supply> supply(OfferFilter filter, Collection<String> skills) {
    ensure();
    Map<String, Supply> out = new LinkedHashMap<>();
    if (skills.isEmpty()) {
      return out;
    }
    List<String> list = new ArrayList<>(new HashSet<>(skills));
    try {
      SearchResponse<Void> r =
          connection.withRetries(
              "counting training offers",
              () ->
                  es.search(
                      s ->
                          s.index(ALIAS)
                              .size(0)
                              .query(OfferDocuments.query(filter))
                              .aggregations(
                                  "skills",
                                  a ->
                                      a.terms(
                                              t ->
                                                  t.field("skills")
                                                      .size(list.size())
                                                      .include(i -> i.terms(list)))
                                          .aggregations("hours", h -> h.sum(x -> x.field("hours")))
                                          .aggregations(
                                              "eqf", h -> h.terms(x -> x.field("eqf").size(8)))),
                      Void.class));
      Aggregate agg = r.aggregations().get("skills");
      for (StringTermsBucket b : agg.sterms().buckets().array()) {
        Map<Integer, Long> eqf = new TreeMap<>();
        b.aggregations()
            .get("eqf")
            .lterms()
            .buckets()
            .array()
            .forEach(x -> eqf.put((int) x.key(), x.docCount()));
        out.put(
            b.key().stringValue(),
            new Supply(
                b.key().stringValue(),
                b.docCount(),
                b.aggregations().get("hours").sum().value(),
                eqf));
      }
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("counting training offers failed: " + e.getMessage(), e);
    }
  }

  @Override
  public HeldPage page(OfferFilter filter, HeldKey after, int limit) {
    ensure();
    return HeldPages.page(
        connection, ALIAS, OfferDocuments.query(filter), after, limit, "reading training offers");
  }

  /** Offers in scope. */
  @Override
  public long count(OfferFilter filter) {
    ensure();
    try {
      return connection
          .withRetries(
              "counting training offers",
              () -> es.count(c -> c.index(ALIAS).query(OfferDocuments.query(filter))))
          .count();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("counting training offers failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Stats stats() {
    ensure();
    return OfferStatistics.read(connection);
  }

  /** An offer held, as indexed, by source and id. */
  @Override
  @SuppressWarnings("unchecked")
  public Optional<Held> get(String source, String id) {
    ensure();
    String docId = VacancyIndex.documentId(source, id);
    try {
      var r =
          connection.withRetries(
              "reading a training offer", () -> es.get(g -> g.index(ALIAS).id(docId), Map.class));
      return r.found() ? Optional.of(new Held((Map<String, Object>) r.source())) : Optional.empty();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("reading a training offer failed: " + e.getMessage(), e);
    }
  }

  void dropQuietly(String index) {
    try {
      es.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException ignored) {
      // the index may never have been made
    }
  }
}
