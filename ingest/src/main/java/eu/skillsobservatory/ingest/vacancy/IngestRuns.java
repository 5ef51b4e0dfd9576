package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.FileRun;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.IngestRun;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ingest runs as documents of the runs index, in the shape runs have always been stored in. */
final class IngestRuns {
  private IngestRuns() {}

  static Map<String, Object> document(IngestRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("startedAt", r.startedAt());
    m.put("finishedAt", r.finishedAt());
    m.put("rows", r.rows());
    m.put("accepted", r.accepted());
    m.put("rejected", r.rejected());
    m.put("refused", r.refused());
    m.put("rejects", r.rejects());
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileRun f : r.files()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("rows", f.rows());
      fm.put("accepted", f.accepted());
      fm.put("rejected", f.rejected());
      if (f.problem() != null) {
        fm.put("problem", f.problem());
      }
      files.add(fm);
    }
    m.put("files", files);
    return m;
  }

  /** A run as stored; fields a run of an earlier version did not record are null. */
  static IngestRun run(Map<?, ?> d) {
    List<FileRun> files = new ArrayList<>();
    if (d.get("files") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> f) {
          files.add(
              new FileRun(
                  string(f.get("name")),
                  number(f.get("rows")),
                  number(f.get("accepted")),
                  number(f.get("rejected")),
                  string(f.get("problem"))));
        }
      }
    }
    return new IngestRun(
        string(d.get("id")),
        string(d.get("startedAt")),
        string(d.get("finishedAt")),
        boxed(d.get("rows")),
        boxed(d.get("accepted")),
        boxed(d.get("rejected")),
        boxed(d.get("refused")),
        string(d.get("rejects")),
        files);
  }

  /**
   * The runs other than {@code id} that ran at some time since {@code since}: finished after it, or
   * started and not finished (a run that died without finishing counts for a day).
   */
  @SuppressWarnings("rawtypes")
  static List<String> overlapping(SearchConnection connection, String id, Instant since) {
    String from = since.toString();
    String dayBefore = since.minus(Duration.ofDays(1)).toString();
    try {
      SearchResponse<Map> r =
          connection.withRetries(
              "reading the ingest runs",
              () ->
                  connection
                      .client()
                      .search(
                          s ->
                              s.index(VacancyIndex.RUNS)
                                  .size(1_000)
                                  .source(src -> src.filter(f -> f.includes("id")))
                                  .query(
                                      q ->
                                          q.bool(
                                              b ->
                                                  b.mustNot(
                                                          m -> m.term(t -> t.field("id").value(id)))
                                                      .should(
                                                          x ->
                                                              x.range(
                                                                  g ->
                                                                      g.date(
                                                                          d ->
                                                                              d.field("finishedAt")
                                                                                  .gte(from))))
                                                      .should(
                                                          x ->
                                                              x.bool(
                                                                  n ->
                                                                      n.mustNot(
                                                                              m ->
                                                                                  m.exists(
                                                                                      e ->
                                                                                          e.field(
                                                                                              "finishedAt")))
                                                                          .filter(
                                                                              f ->
                                                                                  f.range(
                                                                                      g ->
                                                                                          g.date(
                                                                                              d ->
                                                                                                  d.field(
                                                                                                          "startedAt")
                                                                                                      .gte(
                                                                                                          dayBefore))))))
                                                      .minimumShouldMatch("1"))),
                          Map.class));
      return r.hits().hits().stream().map(h -> String.valueOf(h.source().get("id"))).toList();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("reading the ingest runs failed: " + e.getMessage(), e);
    }
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static Long boxed(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }
}
