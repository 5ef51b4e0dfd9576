package eu.skillsobservatory.api.vacancy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The workers of a vacancy load: one thread per core for extraction, coding and the write, behind a
 * bounded queue; when it is full the reading thread does the work itself, so reading never runs far
 * ahead of what is stored.
 */
final class WorkerPool {
  private WorkerPool() {}

  static ThreadPoolExecutor start() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new ThreadPoolExecutor(
        cores,
        cores,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(cores * 64),
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Waits until every task given has run (the pool shut down before). */
  static void await(ThreadPoolExecutor workers) {
    try {
      while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: each task is bounded by the extractor's limits
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    }
  }
}
