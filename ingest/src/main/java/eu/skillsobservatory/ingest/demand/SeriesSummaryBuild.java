package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the series summary ({@link SeriesSummary}) from the vacancies held: for each NACE section
 * and country, the postings and skill mentions per month and source, for each dataset, originals
 * and duplicates apart; then each section's cells added up, and all sections. Written to a new
 * index, put behind the alias in one step, stamped with the vacancies' version read before the
 * first count: a change made while it ran leaves it stale, never wrong.
 */
final class SeriesSummaryBuild {
  /** Buckets per request at most, under Elasticsearch's default limit of 65,536. */
  static final long MAX_BUCKETS = 40_000;

  private final ElasticDemandCounts vacancies;
  private final SearchConnection connection;
  private final long maxBuckets;
  private int requests;

  SeriesSummaryBuild(ElasticDemandCounts vacancies, SearchConnection connection, long maxBuckets) {
    this.vacancies = vacancies;
    this.connection = connection;
    this.maxBuckets = maxBuckets;
  }

  /** Builds and swaps in a new summary; returns the cells written. */
  long build(Progress progress) {
    String token = connection.vacanciesVersion().current();
    String index = SeriesSummary.ALIAS + "-" + Instant.now().toEpochMilli();
    try {
      dropAbandoned();
      connection
          .client()
          .indices()
          .create(c -> c.index(index).withJson(new StringReader(SeriesSummary.MAPPING)));
      Map<String, Map<String, Long>> estimates = estimates();
      long cellsToRead = estimates.values().stream().mapToLong(Map::size).sum();
      progress.start("Counting skills per month and source for the summary", "cells", cellsToRead);
      long written = 0;
      Map<String, SeriesCell.Builder> all = new HashMap<>();
      for (var section : estimates.entrySet()) {
        Map<String, SeriesCell.Builder> sectionTotal = new HashMap<>();
        for (var country : section.getValue().entrySet()) {
          Map<String, SeriesCell.Builder> cells =
              cell(section.getKey(), country.getKey(), country.getValue());
          for (var c : cells.entrySet()) {
            write(index, section.getKey(), country.getKey(), c.getKey(), c.getValue());
            written++;
            sectionTotal
                .computeIfAbsent(c.getKey(), k -> new SeriesCell.Builder())
                .addAll(c.getValue());
          }
          progress.advance(1, 1);
        }
        for (var c : sectionTotal.entrySet()) {
          write(index, section.getKey(), SeriesSummary.ANY, c.getKey(), c.getValue());
          written++;
          all.computeIfAbsent(c.getKey(), k -> new SeriesCell.Builder()).addAll(c.getValue());
        }
      }
      for (var c : all.entrySet()) {
        write(index, SeriesSummary.ANY, SeriesSummary.ANY, c.getKey(), c.getValue());
        written++;
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("kind", "state");
      state.put("token", token);
      state.put("builtAt", Instant.now().toString());
      state.put("days", days());
      connection.client().index(i -> i.index(index).id(SeriesSummary.STATE).document(state));
      connection.client().indices().refresh(r -> r.index(index));
      // Whatever is behind the alias now goes, also a build that ended while this one ran.
      connection.swapInto(SeriesSummary.ALIAS, index, SeriesSummary.indicesBehind(connection));
      progress.finish(
          String.format(
              Locale.ROOT,
              "Summary of skill counts: %,d cells from %,d requests",
              written,
              requests));
      return written;
    } catch (IOException | ElasticsearchException e) {
      try {
        connection.client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
      } catch (IOException | ElasticsearchException ignored) {
        // The half-built index is not behind the alias: it is never read.
      }
      throw new SearchStoreException("summarizing the skill counts failed: " + e.getMessage(), e);
    }
  }

  /**
   * Removes summary indices behind no alias and older than a day: builds that were stopped before
   * their swap (a build takes minutes, so none of them is still running).
   */
  private void dropAbandoned() throws IOException {
    List<String> behind = SeriesSummary.indicesBehind(connection);
    long dayAgo = Instant.now().minusSeconds(86_400).toEpochMilli();
    for (String name :
        connection
            .client()
            .indices()
            .get(g -> g.index(SeriesSummary.ALIAS + "-*").ignoreUnavailable(true))
            .result()
            .keySet()) {
      String stamp = name.substring(SeriesSummary.ALIAS.length() + 1);
      if (!behind.contains(name) && stamp.matches("\\d+") && Long.parseLong(stamp) < dayAgo) {
        connection.client().indices().delete(d -> d.index(name));
      }
    }
  }

  /**
   * Per section and country, an upper bound of the (dataset, kind, month, source, skill) counts:
   * how many requests its cell needs.
   */
  private Map<String, Map<String, Long>> estimates() throws IOException {
    requests++;
    SearchResponse<Void> r =
        vacancies.aggregate(
            "summary estimates",
            s ->
                s.aggregations(
                    "sections",
                    a ->
                        a.terms(t -> t.field("naceSection").size(1_000).missing(""))
                            .aggregations(
                                "countries",
                                b ->
                                    b.terms(t -> t.field("country").size(1_000).missing(""))
                                        .aggregations(
                                            "datasets",
                                            c ->
                                                c.terms(
                                                        t ->
                                                            t.field("dataset")
                                                                .size(1_000)
                                                                .missing(""))
                                                    .aggregations("skills", cardinality("skills"))
                                                    .aggregations("months", cardinality("month"))
                                                    .aggregations(
                                                        "sources", cardinality("source"))))));
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (StringTermsBucket s : r.aggregations().get("sections").sterms().buckets().array()) {
      Map<String, Long> countries = new LinkedHashMap<>();
      for (StringTermsBucket c : s.aggregations().get("countries").sterms().buckets().array()) {
        long bound = 0;
        for (StringTermsBucket d : c.aggregations().get("datasets").sterms().buckets().array()) {
          Map<String, Aggregate> x = d.aggregations();
          long months = x.get("months").cardinality().value() + 1;
          long sources = x.get("sources").cardinality().value() + 1;
          long skills = x.get("skills").cardinality().value() + 1;
          // Two kinds (originals, duplicates), each month and source, each skill; and the months
          // and sources themselves. Cardinalities are estimates: a fifth more for safety.
          bound += 2 * months * sources * (skills + 1) * 6 / 5;
        }
        countries.put(c.key().stringValue(), bound);
      }
      out.put(s.key().stringValue(), countries);
    }
    return out;
  }

  private static Aggregation cardinality(String field) {
    return Aggregation.of(a -> a.cardinality(c -> c.field(field)));
  }

  /** The cells of one section and country, by dataset and kind ({@code dataset|false}). */
  private Map<String, SeriesCell.Builder> cell(String section, String country, long bound)
      throws IOException {
    int partitions = (int) Math.max(1, (bound + maxBuckets - 1) / maxBuckets);
    Query filter =
        Query.of(
            q -> q.bool(b -> b.filter(is("naceSection", section)).filter(is("country", country))));
    Map<String, SeriesCell.Builder> out = new LinkedHashMap<>();
    for (int p = 0; p < partitions; p++) {
      int part = p;
      requests++;
      SearchResponse<Void> r =
          vacancies.aggregate(
              "summary counts",
              s ->
                  s.query(filter)
                      .aggregations(
                          "datasets",
                          a ->
                              a.terms(t -> t.field("dataset").size(1_000).missing(""))
                                  .aggregations("kinds", kinds(part, partitions))));
      for (StringTermsBucket d : r.aggregations().get("datasets").sterms().buckets().array()) {
        var kinds = d.aggregations().get("kinds").filters().buckets().keyed();
        for (var kind : kinds.entrySet()) {
          SeriesCell.Builder cell =
              out.computeIfAbsent(
                  d.key().stringValue() + "|" + kind.getKey(), k -> new SeriesCell.Builder());
          Aggregate months = kind.getValue().aggregations().get("months");
          for (StringTermsBucket m : months.sterms().buckets().array()) {
            String month = m.key().stringValue();
            for (StringTermsBucket src :
                m.aggregations().get("sources").sterms().buckets().array()) {
              String source = src.key().stringValue();
              if (part == 0) {
                cell.addPostings(month, source, src.docCount());
              }
              for (StringTermsBucket k :
                  src.aggregations().get("skills").sterms().buckets().array()) {
                cell.addMentions(k.key().stringValue(), month, source, k.docCount());
              }
            }
          }
        }
      }
    }
    out.values().removeIf(SeriesCell.Builder::isEmpty);
    return out;
  }

  /** Originals and duplicates apart, then month, source and the skills of one partition. */
  private static Aggregation kinds(int part, int partitions) {
    Aggregation skills =
        Aggregation.of(
            a ->
                a.terms(
                    t -> {
                      t.field("skills").size(65_536);
                      if (partitions > 1) {
                        t.include(
                            i -> i.partition(x -> x.partition(part).numPartitions(partitions)));
                      }
                      return t;
                    }));
    Aggregation months =
        Aggregation.of(
            a ->
                a.terms(t -> t.field("month").size(1_200))
                    .aggregations(
                        "sources",
                        b ->
                            b.terms(t -> t.field("source").size(ElasticEmergingCounts.MAX_SOURCES))
                                .aggregations("skills", skills)));
    Query original = ElasticDemandCounts.term("duplicate", "false");
    return Aggregation.of(
        a ->
            a.filters(
                    f ->
                        f.filters(
                            k ->
                                k.keyed(
                                    Map.of(
                                        "false",
                                        original,
                                        "true",
                                        Query.of(q -> q.bool(b -> b.mustNot(original)))))))
                .aggregations("months", months));
  }

  /** A field's value, or (empty) the field's absence. */
  private static Query is(String field, String value) {
    return value.isEmpty()
        ? Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(field)))))
        : ElasticDemandCounts.term(field, value);
  }

  /** Days with postings per month, over all the data: what the live series reads. */
  private Map<String, Long> days() throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    vacancies.days().forEach((m, n) -> out.put(m.toString(), n));
    return out;
  }

  private void write(
      String index, String section, String country, String datasetKind, SeriesCell.Builder cell)
      throws IOException {
    int bar = datasetKind.lastIndexOf('|');
    Map<String, Object> doc = new HashMap<>();
    doc.put("kind", "cell");
    doc.put("section", section);
    doc.put("country", country);
    doc.put("dataset", datasetKind.substring(0, bar));
    doc.put("duplicate", datasetKind.substring(bar + 1));
    doc.put("counts", Base64.getEncoder().encodeToString(cell.encode()));
    String id = section + "|" + country + "|" + datasetKind;
    connection.withRetries(
        "writing the skill summary",
        () -> connection.client().index(i -> i.index(index).id(id).document(doc)));
  }
}
