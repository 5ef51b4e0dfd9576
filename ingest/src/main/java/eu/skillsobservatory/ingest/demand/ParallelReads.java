package eu.skillsobservatory.ingest.demand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Independent reads of one answer sent side by side, so that an answer made of several aggregations
 * (the emerging-skill series of a large sector comes in four) uses every core of the search node
 * when the machine is otherwise idle. At most one read fewer than the processors runs on threads of
 * its own; a read that finds none of those places free runs in the caller's thread: under load,
 * when every core is busy with other requests, an answer's reads go one after the other as before,
 * and no request waits behind another's reads in a queue.
 */
final class ParallelReads {
  private ParallelReads() {}

  /** A read that may fail as the client does. */
  @FunctionalInterface
  interface Read<I, O> {
    O apply(I input) throws IOException;
  }

  /** A read of no input. */
  @FunctionalInterface
  interface Call<O> {
    O call() throws IOException;
  }

  /** Two answers read side by side. */
  record Both<A, B>(A first, B second) {}

  /** Two reads side by side. */
  @SuppressWarnings("unchecked")
  static <A, B> Both<A, B> both(Call<A> first, Call<B> second) throws IOException {
    List<Object> r = map(List.<Call<?>>of(first, second), Call::call);
    return new Both<>((A) r.get(0), (B) r.get(1));
  }

  /** Reads at most this many at once besides the callers' own. */
  private static final Semaphore SIDE =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

  // Threads come and go as reads need them; SIDE bounds how many run. A permit is given back
  // before the read's answer is, so a caller that has its answers finds the permits free again.
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "analytics-read");
            t.setDaemon(true);
            return t;
          });

  /**
   * The reads of {@code inputs}, in their order; once all have ended (none is left running behind
   * the answer) the first I/O failure is thrown, else the first other one.
   */
  static <I, O> List<O> map(List<I> inputs, Read<I, O> read) throws IOException {
    if (inputs.size() == 1) {
      return Collections.singletonList(read.apply(inputs.get(0)));
    }
    List<Future<O>> futures = new ArrayList<>();
    for (I input : inputs) {
      Callable<O> call =
          () -> {
            try {
              return read.apply(input);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
      if (SIDE.tryAcquire()) {
        futures.add(
            THREADS.submit(
                () -> {
                  try {
                    return call.call();
                  } finally {
                    SIDE.release();
                  }
                }));
      } else {
        FutureTask<O> here = new FutureTask<>(call);
        here.run();
        futures.add(here);
      }
    }
    List<O> out = new ArrayList<>();
    RuntimeException failure = null;
    IOException ioFailure = null;
    for (Future<O> f : futures) {
      try {
        out.add(join(f));
      } catch (UncheckedIOException e) {
        ioFailure = ioFailure == null ? e.getCause() : ioFailure;
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (ioFailure != null) {
      throw ioFailure;
    }
    if (failure != null) {
      throw failure;
    }
    return out;
  }

  private static <O> O join(Future<O> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
