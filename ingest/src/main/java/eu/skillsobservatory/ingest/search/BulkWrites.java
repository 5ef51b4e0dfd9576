package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * How the observatory writes documents in bulk: one {@link BulkIngester} configuration, and a
 * listener that counts what was written and names every refused document by the context it was
 * added with (a URI, a source and id), so nothing is dropped silently.
 */
public final class BulkWrites implements BulkListener<String> {
  private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final LongConsumer afterEachBulk;

  /**
   * @param afterEachBulk told the number of documents written so far after each bulk (progress)
   */
  public BulkWrites(LongConsumer afterEachBulk) {
    this.afterEachBulk = afterEachBulk;
  }

  /** An ingester of 1,000 documents or 8 MB per request, two at a time, resending 429s. */
  public BulkIngester<String> ingester(ElasticsearchClient es) {
    return BulkIngester.of(
        b ->
            b.client(es)
                .maxOperations(1_000)
                .maxSize(8L * 1024 * 1024)
                .maxConcurrentRequests(2)
                // Items refused with 429 (a busy cluster) are sent again, after 0.2, 0.4, ... s.
                .backoffPolicy(BackoffPolicy.exponentialBackoff(200L, 6))
                .listener(this));
  }

  @Override
  public void beforeBulk(long id, BulkRequest request, List<String> contexts) {}

  @Override
  public void afterBulk(
      long id, BulkRequest request, List<String> contexts, BulkResponse response) {
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).error() != null) {
        failed.add(contexts.get(i) + ": " + items.get(i).error().reason());
      } else {
        acknowledged.incrementAndGet();
      }
    }
    afterEachBulk.accept(acknowledged.get());
  }

  @Override
  public void afterBulk(long id, BulkRequest request, List<String> contexts, Throwable t) {
    contexts.forEach(c -> failed.add(c + ": " + t.getMessage()));
  }

  /** Documents refused, each as "context: reason". */
  public List<String> failed() {
    return new ArrayList<>(failed);
  }

  /** Documents written. */
  public long acknowledged() {
    return acknowledged.get();
  }
}
