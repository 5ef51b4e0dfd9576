package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

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

  /** The field of a cell's demand totals ({@link DemandCell}). */
  static final String TOTALS = "demandTotals";

  /** The field of a cell's skills' postings per month ({@link DemandCell}). */
  static final String SKILLS = "demandSkills";

  /**
   * The summary's form: 2 since its cells hold demand counts too. A summary of an earlier form is
   * not read for demand answers (they are counted live) until built again.
   */
  static final int FORMAT = 2;

  /** Cells read at most for one answer; more (never expected) and the caller counts live. */
  static final int MAX_CELLS = 2_000;

  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "kind":{"type":"keyword"},"section":{"type":"keyword"},"country":{"type":"keyword"},
        "dataset":{"type":"keyword"},"duplicate":{"type":"keyword"},
        "counts":{"type":"binary"},"demandTotals":{"type":"binary"},"demandSkills":{"type":"binary"},
        "token":{"type":"keyword","index":false},"format":{"type":"integer","index":false},"builtAt":{"type":"date"},
        "days":{"type":"object","enabled":false}}}}
      """;

  private final SearchConnection connection;
  private final SeriesCellCache cache = new SeriesCellCache(SeriesCellCache.MAX_ENTRIES);

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
  Optional<Emerging.Series> series(
      Slice slice, int recentMonths, int baselineMonths, long minSupport) {
    return withSeriesCells(
        slice,
        (state, cells) -> {
          TreeMap<YearMonth, Long> days = new TreeMap<>();
          if (state.get("days") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> days.put(YearMonth.parse(k.toString()), ((Number) v).longValue()));
          }
          return SeriesMerge.of(cells, slice, recentMonths, baselineMonths, minSupport, days);
        });
  }

  /**
   * A slice's postings by source and month from {@code from} to {@code to} (either null:
   * unbounded), and the mentions of the skills given, as {@link WithoutEmployers#counts} counts
   * them live; empty when the slice is not made of cells, or the summary is missing or older than
   * the vacancies.
   */
  Optional<WithoutEmployers.Counts> window(
      Slice slice, YearMonth from, YearMonth to, Set<String> skills) {
    return withSeriesCells(
        slice, (state, cells) -> SeriesMerge.window(cells, slice, from, to, skills));
  }

  /**
   * What a slice's series cells give, with the summary's state; empty when the slice is not made of
   * cells, or the summary is missing or older than the vacancies (any form holds the series).
   */
  private <T> Optional<T> withSeriesCells(
      Slice slice, BiFunction<Map<?, ?>, List<SeriesCell>, T> use) {
    if (!serves(slice)) {
      return Optional.empty();
    }
    return orLive(
        () -> {
          Optional<Map<?, ?>> state = state(1);
          if (state.isEmpty()) {
            return Optional.empty();
          }
          return seriesCells(slice).map(cells -> use.apply(state.get(), cells));
        });
  }

  /**
   * A cell read for a demand answer: where it lies, its totals, and its skills when they were asked
   * for (else null).
   */
  record Cell(
      String section,
      String country,
      String dataset,
      boolean duplicate,
      DemandCell.Table totals,
      DemandCell.Table skills) {}

  /**
   * The cells a slice's demand counts are made of, by section or by country when asked (else the
   * cells adding up all sections, or all countries); empty when the slice is not made of cells, or
   * the summary is missing, older than the vacancies, or of a form without demand counts.
   */
  @SuppressWarnings("rawtypes")
  Optional<List<Cell>> demandCells(
      Slice slice, boolean bySection, boolean byCountry, boolean withSkills) {
    if (!serves(slice)) {
      return Optional.empty();
    }
    return orLive(
        () -> {
          if (state(FORMAT).isEmpty()) {
            return Optional.empty();
          }
          List<String> fields = withSkills ? List.of(TOTALS, SKILLS) : List.of(TOTALS);
          Optional<List<Hit<Map>>> hits = cells(cells(slice, bySection, byCountry), fields);
          if (hits.isEmpty()) {
            return Optional.empty();
          }
          List<Cell> out = new ArrayList<>();
          for (Hit<Map> h : hits.get()) {
            Map<?, ?> c = h.source();
            out.add(
                new Cell(
                    (String) c.get("section"),
                    (String) c.get("country"),
                    (String) c.get("dataset"),
                    "true".equals(c.get("duplicate")),
                    DemandCell.decode(bytes(h, TOTALS)),
                    withSkills ? DemandCell.decode(bytes(h, SKILLS)) : null));
          }
          return Optional.of(out);
        });
  }

  /** A reading of the summary: empty when it cannot answer. */
  private interface Reading<T> {
    Optional<T> read() throws IOException;
  }

  /** A reading's answer; empty too when the summary was never built. */
  private static <T> Optional<T> orLive(Reading<T> reading) {
    try {
      return reading.read();
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

  /** The summary's state, if it is as new as the vacancies and at least of the form given. */
  private Optional<Map<?, ?>> state(int format) throws IOException {
    @SuppressWarnings("rawtypes")
    var state =
        connection.withRetries(
            "reading the skill summary's stamp",
            () -> connection.client().get(g -> g.index(ALIAS).id(STATE), Map.class));
    if (!state.found()
        || state.source() == null
        || !connection.vacanciesVersion().current().equals(state.source().get("token"))) {
      return Optional.empty();
    }
    Object f = state.source().get("format");
    int form = f instanceof Number n ? n.intValue() : 1;
    return form >= format ? Optional.of(state.source()) : Optional.empty();
  }

  /**
   * The series' counts of a slice's cells, those read lately from the cache, the others fetched by
   * their ids; empty if more than {@link #MAX_CELLS}.
   */
  @SuppressWarnings("rawtypes")
  private Optional<List<SeriesCell>> seriesCells(Slice slice) throws IOException {
    Optional<List<Hit<Map>>> hits = cells(cells(slice, false, false), List.of());
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    // The cells found in the cache are held here: a fetch below may drop them from it.
    Map<String, SeriesCell> found = new HashMap<>();
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (Hit<Map> h : hits.get()) {
      String key = SeriesCellCache.key(h.index(), h.id());
      SeriesCell c = cache.get(key);
      if (c == null) {
        missing.computeIfAbsent(h.index(), x -> new ArrayList<>()).add(h.id());
      } else {
        found.put(key, c);
      }
    }
    for (var e : missing.entrySet()) {
      MgetResponse<Map> r =
          connection.withRetries(
              "reading the skill summary",
              () ->
                  connection
                      .client()
                      .mget(
                          m -> m.index(e.getKey()).ids(e.getValue()).sourceIncludes("counts"),
                          Map.class));
      for (MultiGetResponseItem<Map> item : r.docs()) {
        if (item.isFailure() || !item.result().found() || item.result().source() == null) {
          // Gone since the search (a new build swapped in and dropped this one): counted live.
          return Optional.empty();
        }
        String key = SeriesCellCache.key(e.getKey(), item.result().id());
        SeriesCell cell =
            SeriesCell.decode(
                Base64.getDecoder().decode((String) item.result().source().get("counts")));
        found.put(key, cell);
        cache.put(key, cell);
      }
    }
    List<SeriesCell> out = new ArrayList<>();
    for (Hit<Map> h : hits.get()) {
      out.add(found.get(SeriesCellCache.key(h.index(), h.id())));
    }
    return Optional.of(out);
  }

  /** The cells found, with the fields asked for; empty if more than {@link #MAX_CELLS}. */
  @SuppressWarnings("rawtypes")
  private Optional<List<Hit<Map>>> cells(Query query, List<String> fields) throws IOException {
    List<String> include = new ArrayList<>(fields);
    include.addAll(List.of("section", "country", "dataset", "duplicate"));
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
                                .query(query)
                                .source(x -> x.filter(f -> f.includes(include))),
                        Map.class));
    if (r.hits().total() != null && r.hits().total().value() > MAX_CELLS) {
      return Optional.empty();
    }
    return Optional.of(r.hits().hits());
  }

  @SuppressWarnings("rawtypes")
  private static byte[] bytes(Hit<Map> hit, String field) {
    return Base64.getDecoder().decode((String) hit.source().get(field));
  }

  /**
   * The cells of a slice: of its section and country where it names them; else, by section or by
   * country when asked (the cells of each, never those adding them up), or the cells adding up all
   * sections, or all countries. Cells of one country exist only per section.
   */
  private static Query cells(Slice slice, boolean bySection, boolean byCountry) {
    List<Query> must = new ArrayList<>();
    must.add(term("kind", "cell"));
    Optional<String> sector = slice.sector();
    Optional<String> country = slice.country();
    boolean perCountry = country.isPresent() || byCountry;
    if (country.isPresent()) {
      List<FieldValue> codes =
          SliceQuery.countryCodes(country.get()).stream().map(FieldValue::of).toList();
      must.add(Query.of(q -> q.terms(t -> t.field("country").terms(v -> v.value(codes)))));
    } else if (byCountry) {
      must.add(Query.of(q -> q.bool(b -> b.mustNot(term("country", ANY)))));
    } else {
      must.add(term("country", ANY));
    }
    if (sector.isPresent()) {
      must.add(term("section", sector.get()));
    } else if (perCountry || bySection) {
      must.add(Query.of(q -> q.bool(b -> b.mustNot(term("section", ANY)))));
    } else {
      must.add(term("section", ANY));
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
