package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.vacancy.HeldOriginal;
import eu.skillsobservatory.analytics.vacancy.HeldOriginals;
import eu.skillsobservatory.analytics.vacancy.NearDuplicates;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The near-duplicate state of the vacancies index: each original carries the keys of its MinHash
 * bands ({@code bandKeys}, a keyword field), and a load looks up the originals under the keys of a
 * batch of vacancies in one query, so that neither the originals nor their chains live in memory.
 * Originals written before mapping version 9 hold keys of an earlier form in {@code bands}; the
 * next load gives them theirs ({@link #addMissing}) and empties that field.
 */
final class VacancyBands {
  /** Below Elasticsearch's limit of 65,536 terms in one query. */
  static final int TERMS_PER_QUERY = 60_000;

  static final int PAGE = 10_000;

  /** The field of the band keys. */
  static final String KEYS = "bandKeys";

  /** The field of the keys of an earlier form ({@code BandKeys} before mapping version 9). */
  private static final String OLD_KEYS = "bands";

  private static final List<String> FIELDS =
      List.of("source", "id", "fingerprint", "title", "country", "employer", "posted");

  private final SearchConnection connection;
  private final ElasticsearchClient es;
  private final VacancyIndex index;

  VacancyBands(SearchConnection connection, VacancyIndex index) {
    this.connection = connection;
    this.es = connection.client();
    this.index = index;
  }

  /** The originals under any of the keys, each once; of these ingest runs only, if given. */
  @SuppressWarnings("rawtypes")
  List<HeldOriginal> originalsUnder(Collection<String> bandKeys, Collection<String> ingests) {
    List<FieldValue> runs = ingests == null ? null : ingests.stream().map(FieldValue::of).toList();
    Map<String, HeldOriginal> out = new LinkedHashMap<>();
    List<String> keys = bandKeys.stream().distinct().toList();
    for (int from = 0; from < keys.size(); from += TERMS_PER_QUERY) {
      List<FieldValue> terms =
          keys.subList(from, Math.min(keys.size(), from + TERMS_PER_QUERY)).stream()
              .map(FieldValue::of)
              .toList();
      Query query =
          Query.of(
              q ->
                  q.bool(
                      b -> {
                        b.filter(f -> f.terms(t -> t.field(KEYS).terms(v -> v.value(terms))))
                            .filter(f -> f.term(t -> t.field("duplicate").value(false)));
                        if (runs != null) {
                          b.filter(f -> f.terms(t -> t.field("ingest").terms(v -> v.value(runs))));
                        }
                        return b;
                      }));
      List<FieldValue> after = null;
      while (true) {
        SearchResponse<Map> page = page(query, after);
        var hits = page.hits().hits();
        for (var h : hits) {
          HeldOriginal o = fromDocValues(h.fields());
          if (o != null) {
            out.putIfAbsent(o.key(), o);
          }
        }
        if (hits.size() < PAGE) {
          break;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Read from doc values, not from the stored document: a look-up may fetch thousands. */
  private static final List<String> DOC_VALUES =
      List.of("source", "id", "fingerprint", "titleKey", "country", "employer");

  @SuppressWarnings("rawtypes")
  private SearchResponse<Map> page(Query query, List<FieldValue> after) {
    try {
      return connection.withRetries(
          "looking up near-duplicate candidates",
          () ->
              es.search(
                  s -> {
                    s.index(VacancyIndex.ALIAS)
                        .size(PAGE)
                        .query(query)
                        .source(src -> src.fetch(false))
                        // Not even the _id: stored fields are read block by block, decompressed.
                        .storedFields("_none_")
                        .sort(o -> o.field(f -> f.field("_doc")));
                    DOC_VALUES.forEach(f -> s.docvalueFields(d -> d.field(f)));
                    s.docvalueFields(d -> d.field("posted").format("yyyy-MM-dd"));
                    if (after != null) {
                      s.searchAfter(after);
                    }
                    return s;
                  },
                  Map.class));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(
          "looking up near-duplicate candidates failed: " + e.getMessage(), e);
    }
  }

  private static HeldOriginal fromDocValues(Map<String, JsonData> fields) {
    Map<String, Object> d = new HashMap<>();
    fields.forEach(
        (name, value) -> {
          List<?> values = value.to(List.class);
          if (!values.isEmpty()) {
            d.put(name, values.get(0));
          }
        });
    return original(d);
  }

  /** An original as stored; null for a document without a fingerprint. */
  static HeldOriginal original(Map<?, ?> d) {
    Object fp = d.get("fingerprint");
    if (fp == null) {
      return null;
    }
    return new HeldOriginal(
        (String) d.get("source"),
        (String) d.get("id"),
        Base64.getDecoder().decode((String) fp),
        d.get("titleKey") instanceof Number n
            ? n.intValue()
            : NearDuplicates.titleKey((String) d.get("title")),
        (String) d.get("country"),
        (String) d.get("employer"),
        LocalDate.parse((String) d.get("posted")));
  }

  /**
   * The originals one run wrote, in pages, in order of source and id (an order that updates and
   * merges do not disturb, unlike the index order).
   */
  @SuppressWarnings("rawtypes")
  void forEachPageOfOriginals(String ingest, int size, Consumer<List<HeldOriginal>> each) {
    Query mine =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("ingest").value(ingest)))
                            .filter(f -> f.term(t -> t.field("duplicate").value(false)))));
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<Map> page;
      try {
        page =
            connection.withRetries(
                "reading the originals of a load",
                () ->
                    es.search(
                        s -> {
                          s.index(VacancyIndex.ALIAS)
                              .size(size)
                              .query(mine)
                              .source(src -> src.filter(f -> f.includes(FIELDS)))
                              .sort(o -> o.field(f -> f.field("source")))
                              .sort(o -> o.field(f -> f.field("id")));
                          if (from != null) {
                            s.searchAfter(from);
                          }
                          return s;
                        },
                        Map.class));
      } catch (IOException | ElasticsearchException e) {
        throw new SearchStoreException(
            "reading the originals of a load failed: " + e.getMessage(), e);
      }
      var hits = page.hits().hits();
      List<HeldOriginal> originals = new ArrayList<>(hits.size());
      for (var h : hits) {
        HeldOriginal o = original(h.source());
        if (o != null) {
          originals.add(o);
        }
      }
      if (!originals.isEmpty()) {
        each.accept(originals);
      }
      if (hits.size() < size) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * {@link HeldOriginals#markDuplicates}: two bulks and one refresh for all of them (one at a time,
   * each cost two refreshes, about 0.13 s a repost settled on a three-node cluster).
   */
  void markDuplicates(List<HeldOriginals.Demotion> demotions) {
    Map<String, String> settled = HeldOriginals.settled(demotions);
    List<BulkOperation> ops = new ArrayList<>();
    for (HeldOriginals.Demotion d : demotions) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("duplicate", true);
      doc.put("duplicateOf", settled.get(d.original().key()));
      doc.put(KEYS, List.of());
      doc.put(OLD_KEYS, List.of());
      String id = VacancyIndex.documentId(d.original().source(), d.original().id());
      ops.add(
          BulkOperation.of(
              b -> b.update(u -> u.index(VacancyIndex.ALIAS).id(id).action(a -> a.doc(doc)))));
    }
    send(ops, "marking duplicates");
    // Document by document: the embedded node has no update-by-query (the reindex module).
    List<FieldValue> demoted = settled.keySet().stream().map(FieldValue::of).toList();
    updateEach(
        "pointing duplicates to their original",
        Query.of(q -> q.terms(t -> t.field("duplicateOf").terms(v -> v.value(demoted)))),
        List.of("source", "id", "duplicateOf"),
        d -> Map.of("duplicateOf", settled.get((String) d.get("duplicateOf"))));
    try {
      es.indices().refresh(r -> r.index(VacancyIndex.ALIAS));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("marking duplicates failed: " + e.getMessage(), e);
    }
    connection.vacanciesChanged();
  }

  /**
   * Gives every original without band keys its keys (and empties the keys of an earlier form it may
   * hold); {@code done} is told the count as bulks go.
   */
  long addMissing(Function<HeldOriginal, List<String>> keys, LongConsumer done) {
    Query missing =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("duplicate").value(false)))
                            .filter(f -> f.exists(x -> x.field("fingerprint")))
                            .mustNot(m -> m.exists(x -> x.field(KEYS)))));
    return updateUntilNone(
        "adding band keys to earlier vacancies",
        missing,
        FIELDS,
        d -> {
          HeldOriginal o = original(d);
          return o == null
              ? null
              : Map.of(KEYS, keys.apply(o), "titleKey", o.titleKey(), OLD_KEYS, List.of());
        },
        done);
  }

  /**
   * Changes the vacancies the query matches as {@link #updateEach} does, until the query matches
   * none: a scan in index order may miss documents a merge moved while it ran, so again until none
   * is left or a pass leaves as many as before (what it cannot change). Refreshes after each pass
   * that changed any; returns how many were changed.
   */
  long updateUntilNone(
      String what,
      Query lacking,
      List<String> fields,
      Function<Map<?, ?>, Map<String, Object>> change,
      LongConsumer done) {
    long given = 0;
    long leftBefore = Long.MAX_VALUE;
    while (true) {
      long before = given;
      long pass = updateEach(what, lacking, fields, change, n -> done.accept(before + n));
      given += pass;
      if (pass == 0) {
        return given;
      }
      try {
        es.indices().refresh(r -> r.index(VacancyIndex.ALIAS));
        connection.dataChanged();
        long left =
            connection
                .withRetries(what, () -> es.count(c -> c.index(VacancyIndex.ALIAS).query(lacking)))
                .count();
        if (left == 0 || left >= leftBefore) {
          return given;
        }
        leftBefore = left;
      } catch (IOException | ElasticsearchException e) {
        throw new SearchStoreException(what + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Updates each vacancy a query finds with the fields {@code change} gives for it (none where it
   * gives null), in bulks of 1,000; returns how many were updated.
   */
  long updateEach(
      String what,
      Query query,
      List<String> fields,
      Function<Map<?, ?>, Map<String, Object>> change) {
    return updateEach(what, query, fields, change, n -> {});
  }

  /**
   * Changes the documents the query matches, in bulks of 1,000; {@code sent} is told the count
   * after each bulk.
   */
  long updateEach(
      String what,
      Query query,
      List<String> fields,
      Function<Map<?, ?>, Map<String, Object>> change,
      LongConsumer sent) {
    List<BulkOperation> ops = new ArrayList<>();
    long[] updated = {0};
    index.scan(
        what,
        query,
        fields,
        d -> {
          Map<String, Object> doc = change.apply(d);
          if (doc == null) {
            return;
          }
          String id = VacancyIndex.documentId((String) d.get("source"), (String) d.get("id"));
          ops.add(
              BulkOperation.of(
                  b -> b.update(u -> u.index(VacancyIndex.ALIAS).id(id).action(a -> a.doc(doc)))));
          updated[0]++;
          if (ops.size() == 1_000) {
            send(ops, what);
            sent.accept(updated[0]);
          }
        });
    send(ops, what);
    return updated[0];
  }

  private void send(List<BulkOperation> ops, String what) {
    if (ops.isEmpty()) {
      return;
    }
    List<BulkOperation> batch = List.copyOf(ops);
    ops.clear();
    try {
      BulkResponse r = connection.withRetries(what, () -> es.bulk(b -> b.operations(batch)));
      if (r.errors()) {
        String first =
            r.items().stream()
                .filter(i -> i.error() != null)
                .map(i -> i.id() + ": " + i.error().reason())
                .findFirst()
                .orElse("");
        throw new SearchStoreException(what + " failed: " + first);
      }
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(what + " failed: " + e.getMessage(), e);
    }
  }
}
