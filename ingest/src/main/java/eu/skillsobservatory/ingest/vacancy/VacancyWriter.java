package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.BulkWrites;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Writes vacancies in bulk; every refused document is named by source and id. */
final class VacancyWriter implements VacancyStore.Writer {
  private final SearchConnection connection;
  private final ElasticsearchClient es;

  private final BulkWrites<Item> writes;
  private final BulkIngester<Item> ingester;
  private volatile boolean closed;
  private final AtomicLong added = new AtomicLong();

  /** A document on its way: named by source and id in reports, with who to tell when stored. */
  private record Item(String name, Runnable stored) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Periodic refreshes are paused while writing: each makes a small segment for the node to merge
   * again, which on a long load costs more than the writes. Closing makes everything visible.
   */
  private final String dataset;

  private final boolean synthetic;

  VacancyWriter(SearchConnection connection, String dataset, boolean synthetic) {
    this.connection = connection;
    this.es = connection.client();
    this.dataset = dataset;
    this.synthetic = synthetic;
    writes = new BulkWrites<>(n -> {}, item -> item.stored().run());
    refreshInterval("-1");
    // What a load that died left unrefreshed becomes visible to this load's look-ups.
    refresh();
    ingester = writes.ingester(es);
  }

  private void refreshInterval(String value) {
    try {
      connection.withRetries(
          "setting the vacancy index's refresh interval",
          () ->
              es.indices()
                  .putSettings(
                      p ->
                          p.index(VacancyIndex.ALIAS)
                              .settings(x -> x.refreshInterval(t -> t.time(value)))));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(
          "cannot set the vacancy index's refresh interval: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(VacancyRecord r, Runnable stored) {
    Vacancy v = r.vacancy();
    Map<String, Object> doc = VacancyDocuments.source(r);
    if (dataset != null) {
      doc.put("dataset", dataset);
      doc.put("synthetic", synthetic);
    }
    added.incrementAndGet();
    ingester.add(
        op ->
            op.index(
                ix -> ix.index(VacancyIndex.ALIAS).id(VacancyIndex.documentId(v)).document(doc)),
        new Item(v.source() + "/" + v.id(), stored));
  }

  /**
   * Documents written. Once closed, every document added was acknowledged or refused, so the
   * documents added less those refused is exact, also when Elasticsearch acknowledges one document
   * twice (seen twice in some 40,000-row loads, both times after a node was killed mid-load, with
   * no resend by this side logged; the cause is not known). Before, what was acknowledged so far.
   */
  @Override
  public long written() {
    return closed ? added.get() - writes.failed().size() : writes.acknowledged();
  }

  @Override
  public List<String> refused() {
    return writes.failed();
  }

  @Override
  public void sync() {
    writes.awaitSettled(ingester, added.get());
    refresh();
  }

  /** Makes what was written visible, and tells the instances sharing the cluster. */
  private void refresh() {
    try {
      es.indices().refresh(x -> x.index(VacancyIndex.ALIAS));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot refresh the vacancy index: " + e.getMessage(), e);
    }
    connection.vacanciesChanged();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ingester.close();
    writes.awaitRetries();
    refreshInterval("1s");
    refresh();
  }
}
