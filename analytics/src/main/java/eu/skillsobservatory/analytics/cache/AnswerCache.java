package eu.skillsobservatory.analytics.cache;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Analytics answers kept in memory, keyed by what was asked and the {@link DataVersion} they were
 * computed from: an answer is given again only while the data is the one it was computed from.
 * Asked the same while it is being computed, a caller waits for that computation instead of
 * starting another. Bounded by weight (the rows of the answers, as the caller counts them): the
 * least recently used answers go first, and an answer heavier than a tenth of the bound is not
 * kept.
 */
public final class AnswerCache {
  private final DataVersion version;
  private final long maxWeight;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long weight;
  private String seen;
  private long hits;
  private long misses;

  private record Key(String kind, List<Object> question, String version) {}

  private static final class Entry {
    final CompletableFuture<Object> answer = new CompletableFuture<>();
    long weight = -1;
  }

  /**
   * @param maxWeight the most rows kept in all; 0 keeps nothing
   */
  public AnswerCache(DataVersion version, long maxWeight) {
    if (maxWeight < 0) {
      throw new IllegalArgumentException("maxWeight: at least 0, not " + maxWeight);
    }
    this.version = version;
    this.maxWeight = maxWeight;
  }

  /** What the cache did so far: answers given again, answers computed, rows kept now. */
  public record Counts(long hits, long misses, long entries, long weight) {}

  public synchronized Counts counts() {
    return new Counts(hits, misses, entries.size(), weight);
  }

  /**
   * The answer to a question of a kind: the one kept for the current data version, else computed
   * now.
   *
   * @param question what the answer depends on besides the data (values with equals, nulls allowed)
   * @param weigh the rows of an answer
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String kind, List<?> question, Supplier<T> compute, ToLongFunction<T> weigh) {
    if (maxWeight == 0) {
      return compute.get();
    }
    Key key = new Key(kind, Arrays.asList(question.toArray()), version.current());
    Entry entry;
    boolean mine = false;
    synchronized (this) {
      if (!key.version().equals(seen)) {
        // Answers of another version are never given again.
        entries.clear();
        weight = 0;
        seen = key.version();
      }
      entry = entries.get(key);
      if (entry == null) {
        entry = new Entry();
        entries.put(key, entry);
        mine = true;
        misses++;
      } else {
        hits++;
      }
    }
    if (!mine) {
      try {
        return (T) entry.answer.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    T answer;
    try {
      answer = compute.get();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        entries.remove(key, entry);
      }
      entry.answer.completeExceptionally(e);
      throw e;
    }
    long w = Math.max(1, weigh.applyAsLong(answer));
    synchronized (this) {
      if (entries.get(key) == entry) {
        if (w > maxWeight / 10) {
          entries.remove(key);
        } else {
          entry.weight = w;
          weight += w;
          evict();
        }
      }
    }
    entry.answer.complete(answer);
    return answer;
  }

  /** Drops the least recently used answers (not those being computed) until within the bound. */
  private void evict() {
    Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
    while (weight > maxWeight && it.hasNext()) {
      Entry e = it.next().getValue();
      if (e.weight >= 0) {
        weight -= e.weight;
        it.remove();
      }
    }
  }
}
