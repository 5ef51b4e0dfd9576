package eu.skillsobservatory.ingest.esco;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the bytes one query's thread allocates and stops the query past a budget, or earlier when
 * the heap is nearly full and the query is among those allocating (more than {@link
 * #PRESSURE_MINIMUM}). Strings are bounded inside a row ({@link BoundedExprs}); what grows across
 * rows ({@code GROUP_CONCAT}, a large {@code ORDER BY} or {@code DISTINCT}) is stopped here before
 * it can take the heap that the embedded Elasticsearch node shares. A query that only makes garbage
 * fast (a count over a cross product) runs on to its timeout. A stop is noticed by the engine
 * between rows.
 */
final class AllocationWatch implements AutoCloseable {
  private static final long PERIOD_MS = 20;

  /** Bytes a query must have allocated before heap pressure stops it. */
  static final long PRESSURE_MINIMUM = 256L * 1024 * 1024;

  /** The share of the heap in use, after which the allocating queries are stopped. */
  static final double PRESSURE = 0.95;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = threads();
  private static final Map<AllocationWatch, Boolean> WATCHED = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService TICKER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sparql-allocation-watch");
            t.setDaemon(true);
            return t;
          });

  static {
    TICKER.scheduleAtFixedRate(
        () -> WATCHED.keySet().forEach(AllocationWatch::check),
        PERIOD_MS,
        PERIOD_MS,
        TimeUnit.MILLISECONDS);
  }

  private final long thread;
  private final long start;
  private final long budget;
  private volatile Runnable stop;
  private volatile boolean exceeded;

  private AllocationWatch(long thread, long start, long budget) {
    this.thread = thread;
    this.start = start;
    this.budget = budget;
  }

  /** Watches the calling thread from now on; null when the JVM cannot count allocations. */
  static AllocationWatch start(long budget) {
    if (THREADS == null) {
      return null;
    }
    long id = Thread.currentThread().getId();
    AllocationWatch w = new AllocationWatch(id, THREADS.getThreadAllocatedBytes(id), budget);
    WATCHED.put(w, Boolean.TRUE);
    return w;
  }

  /** What to run when the budget is spent (once). */
  void onExceeded(Runnable stop) {
    this.stop = stop;
    if (exceeded) {
      stop.run();
    }
  }

  boolean exceeded() {
    return exceeded;
  }

  private void check() {
    if (exceeded) {
      return;
    }
    long now = THREADS.getThreadAllocatedBytes(thread);
    if (now >= 0 && (now - start > budget || now - start > PRESSURE_MINIMUM && pressed())) {
      exceeded = true;
      Runnable s = stop;
      if (s != null) {
        s.run();
      }
    }
  }

  private static boolean pressed() {
    MemoryUsage heap = MEMORY.getHeapMemoryUsage();
    return heap.getMax() > 0 && heap.getUsed() > PRESSURE * heap.getMax();
  }

  @Override
  public void close() {
    WATCHED.remove(this);
  }

  private static ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      t.setThreadAllocatedMemoryEnabled(true);
      return t;
    }
    return null;
  }
}
