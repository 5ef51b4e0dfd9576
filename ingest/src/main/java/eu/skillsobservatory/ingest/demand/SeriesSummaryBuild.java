package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the series summary ({@link SeriesSummary}) from the vacancies held: for each NACE section
 * and country, the postings and skill mentions per month and source, for each dataset, originals
 * and duplicates apart; then each section's cells added up, and all sections. Each section and
 * country is read once, its vacancies' doc values in pages through one point in time, so the whole
 * build reads the vacancies once and holds one section's counts at a time. Written to a new index,
 * put behind the alias in one step, stamped with the vacancies' version read before the point in
 * time was opened: a change made while it ran leaves it stale, never wrong.
 */
final class SeriesSummaryBuild {
  /** Vacancies per page read. */
  static final int PAGE_SIZE = 10_000;

  /** Fields read of each vacancy. */
  private static final List<String> FIELDS =
      List.of(
          "country",
          "dataset",
          "duplicate",
          "month",
          "source",
          "skills",
          "synthetic",
          "skillFactsVersion",
          "skillCollections");

  /** How long the point in time lives between two pages. */
  private static final String KEEP_ALIVE = "10m";

  private final ElasticDemandCounts vacancies;
  private final SearchConnection connection;
  private final int pageSize;
  private final AtomicInteger requests = new AtomicInteger();

  /** Reads the next page while the current one is counted. */
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "summary-reader");
            t.setDaemon(true);
            return t;
          });

  /** Vacancies read so far. */
  private long read;

  /** The point in time read through, while a build runs. */
  private volatile String pit;

  SeriesSummaryBuild(ElasticDemandCounts vacancies, SearchConnection connection, int pageSize) {
    this.vacancies = vacancies;
    this.connection = connection;
    this.pageSize = pageSize;
  }

  /** Builds and swaps in a new summary; returns the cells written. */
  long build(Progress progress) {
    long started = System.nanoTime();
    String token = connection.vacanciesVersion().current();
    String index = SeriesSummary.ALIAS + "-" + Instant.now().toEpochMilli();
    try {
      dropAbandoned();
      connection
          .client()
          .indices()
          .create(c -> c.index(index).withJson(new StringReader(SeriesSummary.MAPPING)));
      Map<String, Long> sizes = sizes();
      long toRead = sizes.values().stream().mapToLong(n -> n).sum();
      progress.start("Counting skills per month and source for the summary", "vacancies", toRead);
      pit =
          connection
              .client()
              .openPointInTime(o -> o.index(VacancyIndex.ALIAS).keepAlive(k -> k.time(KEEP_ALIVE)))
              .id();
      SeriesCellWrites cells = new SeriesCellWrites(connection, index);
      long written = 0;
      Map<String, SeriesCell.Builder> all = new HashMap<>();
      for (String section : sizes.keySet()) {
        Map<String, SeriesCell.Builder> sectionTotal = new HashMap<>();
        for (var country : section(section, progress).entrySet()) {
          for (var c : country.getValue().entrySet()) {
            cells.write(section, country.getKey(), c.getKey(), c.getValue());
            written++;
            sectionTotal
                .computeIfAbsent(c.getKey(), k -> new SeriesCell.Builder())
                .addAll(c.getValue());
          }
        }
        for (var c : sectionTotal.entrySet()) {
          cells.write(section, SeriesSummary.ANY, c.getKey(), c.getValue());
          written++;
          all.computeIfAbsent(c.getKey(), k -> new SeriesCell.Builder()).addAll(c.getValue());
        }
      }
      for (var c : all.entrySet()) {
        cells.write(SeriesSummary.ANY, SeriesSummary.ANY, c.getKey(), c.getValue());
        written++;
      }
      cells.flush();
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("kind", "state");
      state.put("token", token);
      state.put("format", SeriesSummary.FORMAT);
      state.put("builtAt", Instant.now().toString());
      state.put("days", days());
      connection.client().index(i -> i.index(index).id(SeriesSummary.STATE).document(state));
      connection.client().indices().refresh(r -> r.index(index));
      // Whatever is behind the alias now goes, also a build that ended while this one ran.
      connection.swapInto(SeriesSummary.ALIAS, index, SeriesSummary.indicesBehind(connection));
      progress.finish(
          String.format(
              Locale.ROOT,
              "Summary of skill counts: %,d cells from %,d vacancies in %,d requests, %.1f s",
              written,
              read,
              requests.get() + cells.bulks,
              (System.nanoTime() - started) / 1e9));
      return written;
    } catch (IOException | ElasticsearchException e) {
      try {
        connection.client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
      } catch (IOException | ElasticsearchException ignored) {
        // The half-built index is not behind the alias: it is never read.
      }
      throw new SearchStoreException("summarizing the skill counts failed: " + e.getMessage(), e);
    } finally {
      reader.shutdownNow();
      closePit();
    }
  }

  private void closePit() {
    if (pit == null) {
      return;
    }
    String id = pit;
    pit = null;
    try {
      connection.client().closePointInTime(c -> c.id(id));
    } catch (IOException | ElasticsearchException ignored) {
      // It ends by itself when its keep-alive runs out.
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

  /** Per NACE section (empty: none), the vacancies held: what each section's read covers. */
  private Map<String, Long> sizes() throws IOException {
    requests.incrementAndGet();
    SearchResponse<Void> r =
        vacancies.aggregate(
            "summary sizes",
            s ->
                s.aggregations(
                    "sections", a -> a.terms(t -> t.field("naceSection").size(1_000).missing(""))));
    Map<String, Long> out = new LinkedHashMap<>();
    for (StringTermsBucket s : r.aggregations().get("sections").sterms().buckets().array()) {
      out.put(s.key().stringValue(), s.docCount());
    }
    return out;
  }

  /**
   * The cells of one section, by country, then by dataset and kind ({@code dataset|false}): its
   * vacancies read once, in pages of doc values through the point in time, counted here. (Counting
   * by aggregations instead needs a bucket per skill, month and source; split into requests under
   * Elasticsearch's bucket limit, each request reads the whole cell again.)
   */
  private Map<String, Map<String, SeriesCell.Builder>> section(String section, Progress progress)
      throws IOException {
    Query filter = is("naceSection", section);
    Map<String, Map<String, SeriesCell.Builder>> out = new LinkedHashMap<>();
    Future<SearchResponse<Void>> next = reader.submit(() -> page(filter, null));
    while (true) {
      SearchResponse<Void> page = await(next);
      if (page.pitId() != null) {
        pit = page.pitId();
      }
      List<Hit<Void>> hits = page.hits().hits();
      boolean more = hits.size() == pageSize;
      if (more) {
        // The next page is read while this one is counted.
        List<FieldValue> after = hits.get(hits.size() - 1).sort();
        next = reader.submit(() -> page(filter, after));
      }
      for (Hit<Void> h : hits) {
        String country = first(h.fields(), "country");
        count(
            out.computeIfAbsent(country == null ? "" : country, k -> new LinkedHashMap<>()),
            h.fields());
      }
      read += hits.size();
      progress.advance(read, read);
      if (!more) {
        break;
      }
    }
    for (Map<String, SeriesCell.Builder> cells : out.values()) {
      cells.values().removeIf(SeriesCell.Builder::isEmpty);
    }
    return out;
  }

  /** A page of the section's vacancies after the given sort values (from the start if null). */
  private SearchResponse<Void> page(Query filter, List<FieldValue> after) throws IOException {
    requests.incrementAndGet();
    String at = pit;
    return connection.withRetries(
        "reading vacancies for the summary",
        () ->
            connection
                .client()
                .search(
                    s -> {
                      s.pit(p -> p.id(at).keepAlive(k -> k.time(KEEP_ALIVE)))
                          .query(filter)
                          .size(pageSize)
                          .trackTotalHits(t -> t.enabled(false))
                          .source(src -> src.fetch(false))
                          .storedFields("_none_")
                          .docvalueFields(FIELDS.stream().map(f -> field(f)).toList())
                          .sort(o -> o.field(f -> f.field("_shard_doc")));
                      if (after != null) {
                        s.searchAfter(after);
                      }
                      return s;
                    },
                    Void.class));
  }

  private static <T> T await(Future<T> page) throws IOException {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading vacancies for the summary", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  private static FieldAndFormat field(String name) {
    return FieldAndFormat.of(f -> f.field(name));
  }

  /**
   * One vacancy's postings and mentions: for demand answers by month, with the tallies it counts
   * in; for the series as the live series counts them, by month and source (neither missing).
   * Originals ({@code duplicate} false) apart from the rest.
   */
  private static void count(Map<String, SeriesCell.Builder> cells, Map<String, JsonData> fields) {
    String month = first(fields, "month");
    if (month == null) {
      // Every vacancy has one (the month of its posting day); none is counted by month without.
      return;
    }
    String dataset = first(fields, "dataset");
    JsonArray marked = values(fields, "duplicate");
    // The kind is "false" for originals, "true" for the rest (as the live count's filters).
    boolean duplicate =
        marked.isEmpty() || marked.get(0).getValueType() != JsonValue.ValueType.FALSE;
    SeriesCell.Builder cell =
        cells.computeIfAbsent(
            (dataset == null ? "" : dataset) + "|" + duplicate, k -> new SeriesCell.Builder());
    List<String> skills = strings(values(fields, "skills"));
    List<String> tallies = new ArrayList<>();
    if (skills.isEmpty()) {
      tallies.add(DemandCell.NO_SKILLS);
    }
    JsonArray synthetic = values(fields, "synthetic");
    if (!synthetic.isEmpty() && synthetic.get(0).getValueType() == JsonValue.ValueType.TRUE) {
      tallies.add(DemandCell.SYNTHETIC);
    }
    strings(values(fields, "skillFactsVersion")).forEach(v -> tallies.add(DemandCell.FACTS + v));
    strings(values(fields, "skillCollections"))
        .forEach(c -> tallies.add(DemandCell.COLLECTION + c));
    cell.demand.add(month, skills, tallies);
    String source = first(fields, "source");
    if (source == null) {
      return;
    }
    cell.addPostings(month, source, 1);
    for (String skill : skills) {
      cell.addMentions(skill, month, source, 1);
    }
  }

  private static List<String> strings(JsonArray values) {
    List<String> out = new ArrayList<>(values.size());
    for (JsonValue v : values) {
      out.add(((JsonString) v).getString());
    }
    return out;
  }

  private static JsonArray values(Map<String, JsonData> fields, String name) {
    JsonData v = fields.get(name);
    return v == null ? JsonValue.EMPTY_JSON_ARRAY : v.toJson().asJsonArray();
  }

  private static String first(Map<String, JsonData> fields, String name) {
    JsonArray values = values(fields, name);
    return values.isEmpty() ? null : ((JsonString) values.get(0)).getString();
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
}
