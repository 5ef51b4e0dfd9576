package eu.skillsobservatory.ingest.statistics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.demand.PostingRate;
import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.ingest.search.BulkWrites;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Employment statistics in Elasticsearch, behind the alias {@code employment}: one index per load
 * of a dataset, swapped in with one aliases request that also drops the dataset's previous index,
 * so readers see the old table or the new one, never a mix, and a failed load changes nothing.
 */
final class EmploymentIndex implements EmploymentFigures {
  public static final String ALIAS = "employment";

  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "dataset":{"type":"keyword"},"nace":{"type":"keyword"},"isco":{"type":"keyword"},
        "country":{"type":"keyword"},"year":{"type":"integer"},"thousands":{"type":"double"},
        "flag":{"type":"keyword"},"source":{"type":"keyword"},"loadedAt":{"type":"date"}}}}
      """;

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  EmploymentIndex(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
  }

  /**
   * Replaces a dataset's cells with these.
   *
   * @param dataset the dataset code, as Eurostat names it
   * @param source where the cells came from (a file, a URL)
   * @throws SearchStoreException when Elasticsearch refused a cell or failed; nothing changed then
   */
  @Override
  public LoadReport replace(String dataset, String source, List<EmploymentCell> cells) {
    String prefix = ALIAS + "-" + dataset.toLowerCase(Locale.ROOT) + "-";
    String index = prefix + System.currentTimeMillis();
    String loadedAt = Instant.now().toString();
    try {
      List<String> previous = previous(prefix);
      es.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING)));
      BulkWrites<String> writes = new BulkWrites<>(n -> {});
      try (BulkIngester<String> ingester = writes.ingester(es)) {
        for (EmploymentCell c : cells) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("dataset", dataset);
          d.put("nace", c.nace());
          d.put("isco", c.isco());
          d.put("country", c.country());
          d.put("year", c.year());
          d.put("thousands", c.thousands());
          d.put("flag", c.flag());
          d.put("source", source);
          d.put("loadedAt", loadedAt);
          String key = c.nace() + "/" + c.isco() + "/" + c.country() + "/" + c.year();
          ingester.add(op -> op.index(i -> i.index(index).id(key).document(d)), key);
        }
      }
      writes.awaitRetries();
      es.indices().refresh(r -> r.index(index));
      long count = es.count(c -> c.index(index)).count();
      if (!writes.failed().isEmpty() || count != cells.size()) {
        dropQuietly(index);
        throw new SearchStoreException(
            "loading "
                + dataset
                + " failed, nothing changed: "
                + count
                + " of "
                + cells.size()
                + " cells written"
                + (writes.failed().isEmpty()
                    ? ""
                    : "; refused: "
                        + String.join(
                            "; ", writes.failed().subList(0, Math.min(5, writes.failed().size())))),
            null);
      }
      connection.swapInto(ALIAS, index, previous);
      return new LoadReport(dataset, index, count, List.of());
    } catch (IOException | ElasticsearchException e) {
      dropQuietly(index);
      throw new SearchStoreException(
          "loading " + dataset + " into Elasticsearch failed, nothing changed: " + e.getMessage(),
          e);
    }
  }

  private List<String> previous(String prefix) throws IOException {
    if (!es.indices().existsAlias(a -> a.name(ALIAS)).value()) {
      return List.of();
    }
    return es.indices().getAlias(a -> a.name(ALIAS)).result().keySet().stream()
        .filter(i -> i.startsWith(prefix))
        .toList();
  }

  private void dropQuietly(String index) {
    try {
      es.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException ignored) {
      // the index may never have been made
    }
  }

  @Override
  public Employed employed(Slice slice) {
    List<Query> filters = filters(slice);
    try {
      if (!exists()) {
        return new Employed(Map.of(), 0);
      }
      SearchResponse<Void> r =
          connection.withRetries(
              "employment statistics",
              () ->
                  es.search(
                      s ->
                          s.index(ALIAS)
                              .size(0)
                              .trackTotalHits(t -> t.enabled(true))
                              .query(q -> q.bool(b -> b.filter(filters)))
                              .aggregations(
                                  "years",
                                  a ->
                                      a.terms(t -> t.field("year").size(1_000))
                                          .aggregations(
                                              "sum", b -> b.sum(x -> x.field("thousands")))),
                      Void.class));
      Map<Integer, Double> byYear = new TreeMap<>();
      for (var b : r.aggregations().get("years").lterms().buckets().array()) {
        double sum = b.aggregations().get("sum").sum().value();
        byYear.put((int) b.key(), Math.round(sum * 1000) / 1000.0);
      }
      return new Employed(byYear, r.hits().total() == null ? 0 : r.hits().total().value());
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("employment statistics failed: " + e.getMessage(), e);
    }
  }

  /**
   * Employment by country in one year of a slice (its country, if any, is ignored): thousands and
   * the Eurostat flags of the cells summed, by Eurostat country code.
   */
  @Override
  public Map<String, PostingRate.Employment> byCountry(Slice slice, int year) {
    List<Query> filters =
        filters(new Slice(slice.nace(), slice.isco(), Optional.empty(), Optional.of(year)));
    try {
      if (!exists()) {
        return Map.of();
      }
      SearchResponse<Void> r =
          connection.withRetries(
              "employment statistics",
              () ->
                  es.search(
                      s ->
                          s.index(ALIAS)
                              .size(0)
                              .query(q -> q.bool(b -> b.filter(filters)))
                              .aggregations(
                                  "countries",
                                  a ->
                                      a.terms(t -> t.field("country").size(1_000))
                                          .aggregations(
                                              "sum", b -> b.sum(x -> x.field("thousands")))
                                          .aggregations(
                                              "flags",
                                              b -> b.terms(t -> t.field("flag").size(20)))),
                      Void.class));
      Map<String, PostingRate.Employment> out = new TreeMap<>();
      for (var b : r.aggregations().get("countries").sterms().buckets().array()) {
        Set<String> flags = new TreeSet<>();
        for (var f : b.aggregations().get("flags").sterms().buckets().array()) {
          if (!f.key().stringValue().isBlank()) {
            flags.add(f.key().stringValue());
          }
        }
        double sum = b.aggregations().get("sum").sum().value();
        out.put(
            b.key().stringValue(),
            new PostingRate.Employment(Math.round(sum * 1000) / 1000.0, flags));
      }
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("employment statistics failed: " + e.getMessage(), e);
    }
  }

  /** The datasets held. */
  @Override
  public List<DatasetSummary> datasets() {
    try {
      if (!exists()) {
        return List.of();
      }
      SearchResponse<Void> r =
          es.search(
              s ->
                  s.index(ALIAS)
                      .size(0)
                      .aggregations(
                          "datasets",
                          a ->
                              a.terms(t -> t.field("dataset").size(100))
                                  .aggregations("min", b -> b.min(x -> x.field("year")))
                                  .aggregations("max", b -> b.max(x -> x.field("year")))
                                  .aggregations(
                                      "countries", b -> b.cardinality(x -> x.field("country")))
                                  .aggregations(
                                      "source", b -> b.terms(t -> t.field("source").size(1)))
                                  .aggregations("loaded", b -> b.max(x -> x.field("loadedAt")))),
              Void.class);
      List<DatasetSummary> out = new ArrayList<>();
      for (var b : r.aggregations().get("datasets").sterms().buckets().array()) {
        var source = b.aggregations().get("source").sterms().buckets().array();
        out.add(
            new DatasetSummary(
                b.key().stringValue(),
                b.docCount(),
                (int) b.aggregations().get("min").min().value(),
                (int) b.aggregations().get("max").max().value(),
                b.aggregations().get("countries").cardinality().value(),
                source.isEmpty() ? "" : source.get(0).key().stringValue(),
                Instant.ofEpochMilli((long) b.aggregations().get("loaded").max().value())
                    .toString()));
      }
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("employment statistics failed: " + e.getMessage(), e);
    }
  }

  private boolean exists() throws IOException {
    return connection.withRetries(
        "checking the employment alias",
        () -> es.indices().existsAlias(a -> a.name(ALIAS)).value());
  }

  /** The filters of a slice of the table: its NACE section, ISCO group, country and year. */
  private static List<Query> filters(Slice slice) {
    List<Query> filters = new ArrayList<>();
    slice.nace().ifPresent(v -> filters.add(term("nace", v.toUpperCase(Locale.ROOT))));
    slice.isco().ifPresent(v -> filters.add(term("isco", v)));
    slice
        .country()
        .ifPresent(v -> filters.add(term("country", EmploymentFigures.eurostatCountry(v))));
    slice.year().ifPresent(v -> filters.add(Query.of(q -> q.term(t -> t.field("year").value(v)))));
    return filters;
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  /**
   * Eurostat writes Greece EL and the United Kingdom UK where ISO 3166 has GR and GB; vacancies may
   * use either.
   */
  public static String eurostatCountry(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    return switch (c) {
      case "GR" -> "EL";
      case "GB" -> "UK";
      default -> c;
    };
  }
}
