package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.IngestRun;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.SourceStats;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.Stats;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the vacancies index holds: per source and month, duplicates apart, and the last run. */
final class VacancyStatistics {
  private VacancyStatistics() {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  static Stats read(SearchConnection connection) {
    ElasticsearchClient es = connection.client();
    try {
      SearchResponse<Void> r =
          connection.withRetries(
              "vacancy statistics",
              () ->
                  es.search(
                      s ->
                          s.index(VacancyIndex.ALIAS)
                              .size(0)
                              .trackTotalHits(t -> t.enabled(true))
                              .aggregations(
                                  "duplicates",
                                  a -> a.filter(f -> f.term(t -> t.field("duplicate").value(true))))
                              .aggregations(
                                  "sources",
                                  a ->
                                      a.terms(t -> t.field("source").size(1_000))
                                          .aggregations(
                                              "duplicates",
                                              b ->
                                                  b.filter(
                                                      f ->
                                                          f.term(
                                                              t ->
                                                                  t.field("duplicate")
                                                                      .value(true)))))
                              .aggregations(
                                  "originals",
                                  a ->
                                      a.filter(f -> f.term(t -> t.field("duplicate").value(false)))
                                          .aggregations(
                                              "months",
                                              b -> b.terms(t -> t.field("month").size(10_000)))),
                      Void.class));
      long all = r.hits().total() == null ? 0 : r.hits().total().value();
      long duplicates = r.aggregations().get("duplicates").filter().docCount();
      List<SourceStats> sources = new ArrayList<>();
      for (StringTermsBucket b : r.aggregations().get("sources").sterms().buckets().array()) {
        long d = b.aggregations().get("duplicates").filter().docCount();
        long n = b.docCount();
        sources.add(new SourceStats(b.key().stringValue(), n - d, d, n == 0 ? 0 : (double) d / n));
      }
      Map<String, Long> months = new TreeMap<>();
      Aggregate originals = r.aggregations().get("originals");
      for (StringTermsBucket b :
          originals.filter().aggregations().get("months").sterms().buckets().array()) {
        months.put(b.key().stringValue(), b.docCount());
      }
      SearchResponse<Map> last =
          es.search(
              s ->
                  s.index(VacancyIndex.RUNS)
                      .size(1)
                      .sort(o -> o.field(f -> f.field("finishedAt").order(SortOrder.Desc))),
              Map.class);
      IngestRun lastRun =
          last.hits().hits().isEmpty() ? null : IngestRuns.run(last.hits().hits().get(0).source());
      return new Stats(all - duplicates, duplicates, sources, months, lastRun);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("vacancy statistics failed: " + e.getMessage(), e);
    }
  }
}
