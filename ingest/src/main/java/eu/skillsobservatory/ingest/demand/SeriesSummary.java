package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.SliceQuery;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The series of emerging skills kept at ingest: postings and skill mentions per month and source,
 * for each NACE section and country, each section as a whole and all of them, each dataset,
 * originals and duplicates apart ({@link SeriesSummaryBuild}). A slice by section, country,
 * dataset, months and duplicates is answered from it by adding a few cells in the application,
 * instead of Elasticsearch naming and ordering a bucket per skill, month and source of the slice;
 * only while its stamp is the current version of the vacancies, else (and for any other slice) not
 * at all: the caller counts live.
 */
final class SeriesSummary {
  static final String ALIAS = "skill-series-summary";
  static final String STATE = "state";

  /** The section or country of a cell that adds up all of them. */
  static final String ANY = "*";

  /** Cells read at most for one answer; more (never expected) and the caller counts live. */
  static final int MAX_CELLS = 2_000;

  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "kind":{"type":"keyword"},"section":{"type":"keyword"},"country":{"type":"keyword"},
        "dataset":{"type":"keyword"},"duplicate":{"type":"keyword"},
        "counts":{"type":"binary"},
        "token":{"type":"keyword","index":false},"builtAt":{"type":"date"},
        "days":{"type":"object","enabled":false}}}}
      """;

  private final SearchConnection connection;

  SeriesSummary(SearchConnection connection) {
    this.connection = connection;
  }

  /** Whether a slice is made of whole cells: no occupation, no region, no NACE division. */
  static boolean serves(Slice slice) {
    return slice.occupation().isEmpty()
        && slice.region().isEmpty()
        && slice.sector().map(s -> s.length() == 1).orElse(true);
  }

  /**
   * The series of a slice's skills, as {@link EmergingCounts#series} counts them live; empty when
   * the slice is not made of cells, or the summary is missing or older than the vacancies.
   */
  @SuppressWarnings("rawtypes")
  Optional<Emerging.Series> series(
      Slice slice, int recentMonths, int baselineMonths, long minSupport) {
    if (!serves(slice)) {
      return Optional.empty();
    }
    try {
      var state =
          connection.withRetries(
              "reading the skill summary's stamp",
              () -> connection.client().get(g -> g.index(ALIAS).id(STATE), Map.class));
      if (!state.found()
          || state.source() == null
          || !connection.vacanciesVersion().current().equals(state.source().get("token"))) {
        return Optional.empty();
      }
      SearchResponse<Map> r =
          connection.withRetries(
              "reading the skill summary",
              () ->
                  connection
                      .client()
                      .search(
                          s ->
                              s.index(ALIAS)
                                  .size(MAX_CELLS)
                                  .query(cells(slice))
                                  .source(x -> x.filter(f -> f.includes("counts"))),
                          Map.class));
      if (r.hits().total() != null && r.hits().total().value() > MAX_CELLS) {
        return Optional.empty();
      }
      List<SeriesCell> cells = new ArrayList<>();
      for (Hit<Map> h : r.hits().hits()) {
        cells.add(SeriesCell.decode(Base64.getDecoder().decode((String) h.source().get("counts"))));
      }
      TreeMap<YearMonth, Long> days = new TreeMap<>();
      Object d = state.source().get("days");
      if (d instanceof Map<?, ?> m) {
        m.forEach((k, v) -> days.put(YearMonth.parse(k.toString()), ((Number) v).longValue()));
      }
      return Optional.of(
          SeriesMerge.of(cells, slice, recentMonths, baselineMonths, minSupport, days));
    } catch (ElasticsearchException e) {
      // 404: never built; 400: two builds swapped in at once left two indices behind the alias
      // (the next build leaves one). Counted live meanwhile.
      if (e.status() == 404 || e.status() == 400) {
        return Optional.empty();
      }
      throw new SearchStoreException("reading the skill summary failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SearchStoreException("reading the skill summary failed: " + e.getMessage(), e);
    }
  }

  /** The cells a slice is made of. */
  private static Query cells(Slice slice) {
    List<Query> must = new ArrayList<>();
    must.add(term("kind", "cell"));
    Optional<String> sector = slice.sector();
    Optional<String> country = slice.country();
    if (country.isPresent()) {
      List<FieldValue> codes =
          SliceQuery.countryCodes(country.get()).stream().map(FieldValue::of).toList();
      must.add(Query.of(q -> q.terms(t -> t.field("country").terms(v -> v.value(codes)))));
      if (sector.isPresent()) {
        must.add(term("section", sector.get()));
      } else {
        must.add(Query.of(q -> q.bool(b -> b.mustNot(term("section", ANY)))));
      }
    } else {
      must.add(term("country", ANY));
      must.add(term("section", sector.orElse(ANY)));
    }
    slice.dataset().ifPresent(x -> must.add(term("dataset", x)));
    if (!slice.includeDuplicates()) {
      must.add(term("duplicate", "false"));
    }
    return Query.of(q -> q.bool(b -> b.filter(must)));
  }

  private static Query term(String field, String value) {
    return ElasticDemandCounts.term(field, value);
  }

  /** The indices behind the alias now (none when there is no summary yet). */
  static List<String> indicesBehind(SearchConnection connection) throws IOException {
    try {
      return new ArrayList<>(
          connection.client().indices().getAlias(g -> g.name(ALIAS)).result().keySet());
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }
}
