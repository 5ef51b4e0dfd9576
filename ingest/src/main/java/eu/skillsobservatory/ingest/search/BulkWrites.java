package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the observatory writes documents in bulk: one {@link BulkIngester} configuration, and a
 * listener that counts what was written and names every refused document by the context it was
 * added with (a URI, a source and id: its {@code toString}), so nothing is dropped silently.
 *
 * @param <C> what each document is added with
 */
public final class BulkWrites<C> implements BulkListener<C> {
  private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final LongConsumer afterEachBulk;
  private final Consumer<C> stored;
  private final AtomicLong retries = new AtomicLong();
  private final Executor retrier =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "bulk-retry");
            t.setDaemon(true);
            return t;
          });
  private volatile ElasticsearchClient es;
  private final long backoffMillis;

  /** Sends of a whole failed bulk after the first. */
  static final int ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(BulkWrites.class);

  /**
   * @param afterEachBulk told the number of documents written so far after each bulk (progress)
   */
  public BulkWrites(LongConsumer afterEachBulk) {
    this(afterEachBulk, c -> {});
  }

  /**
   * @param stored told the context of each document Elasticsearch acknowledged (written to its
   *     translog, so it survives a crash of the node)
   */
  public BulkWrites(LongConsumer afterEachBulk, Consumer<C> stored) {
    this(afterEachBulk, stored, 250);
  }

  /**
   * @param backoffMillis the wait before the first resend of a failed bulk; doubled each time
   */
  BulkWrites(LongConsumer afterEachBulk, Consumer<C> stored, long backoffMillis) {
    this.afterEachBulk = afterEachBulk;
    this.stored = stored;
    this.backoffMillis = backoffMillis;
  }

  /** An ingester of 1,000 documents or 8 MB per request, two at a time, resending 429s. */
  public BulkIngester<C> ingester(ElasticsearchClient es) {
    this.es = es;
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
  public void beforeBulk(long id, BulkRequest request, List<C> contexts) {}

  @Override
  public void afterBulk(long id, BulkRequest request, List<C> contexts, BulkResponse response) {
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).error() != null) {
        failed.add(contexts.get(i) + ": " + items.get(i).error().reason());
      } else {
        acknowledged.incrementAndGet();
        stored.accept(contexts.get(i));
      }
    }
    afterEachBulk.accept(acknowledged.get());
  }

  /**
   * A whole bulk failed: a node died under it, the connection broke, or the client resent a body it
   * had partly sent to another node (seen when a node was killed mid-request: the cluster then
   * answers "Malformed action/metadata line"). Every operation names its document by id, so the
   * bulk is sent again whole, from the request (not the spent body), on a thread of its own, up to
   * {@link #ATTEMPTS} times with backoff; only then are its documents counted as failed.
   */
  @Override
  public void afterBulk(long id, BulkRequest request, List<C> contexts, Throwable t) {
    ElasticsearchClient client = es;
    if (client == null) {
      contexts.forEach(c -> failed.add(c + ": " + t.getMessage()));
      return;
    }
    retries.incrementAndGet();
    retrier.execute(() -> resend(client, id, request, contexts, t));
  }

  private void resend(
      ElasticsearchClient client, long id, BulkRequest request, List<C> contexts, Throwable first) {
    Throwable last = first;
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        LOG.warn(
            "A bulk of {} documents failed ({}); sending it again, attempt {} of {}",
            contexts.size(),
            last.getMessage(),
            attempt,
            ATTEMPTS);
        try {
          Thread.sleep(backoffMillis << (attempt - 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        try {
          afterBulk(id, request, contexts, client.bulk(request));
          return;
        } catch (IOException | RuntimeException e) {
          last = e;
        }
      }
      Throwable reason = last;
      contexts.forEach(
          c -> failed.add(c + ": " + reason.getMessage() + " (sent " + (ATTEMPTS + 1) + " times)"));
    } finally {
      synchronized (retries) {
        retries.decrementAndGet();
        retries.notifyAll();
      }
    }
  }

  /**
   * Waits until every failed bulk was sent again (or given up): call after closing the ingester,
   * before reading {@link #failed()} and {@link #acknowledged()}.
   */
  public void awaitRetries() {
    synchronized (retries) {
      while (retries.get() > 0) {
        try {
          retries.wait(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Documents refused, each as "context: reason". */
  public List<String> failed() {
    return new ArrayList<>(failed);
  }

  /** Documents written. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /**
   * Waits until {@code added} documents were each written or refused, sending what the ingester
   * holds (documents waiting for a resend included) every few milliseconds.
   */
  public void awaitSettled(BulkIngester<C> ingester, long added) {
    while (acknowledged.get() + failed.size() < added) {
      ingester.flush();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
