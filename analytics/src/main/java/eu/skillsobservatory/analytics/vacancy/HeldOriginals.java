package eu.skillsobservatory.analytics.vacancy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The originals the store holds, as near-duplicate detection needs them: found by the keys of their
 * MinHash bands, whoever wrote them, so that a load finds duplicates of earlier loads and of other
 * instances' loads without holding them in memory.
 */
public interface HeldOriginals {

  /** The originals held under any of these band keys ({@link BandKeys#probeKeys}). */
  List<HeldOriginal> originalsUnder(Collection<String> bandKeys);

  /** The same, written by these ingest runs only. */
  List<HeldOriginal> originalsUnder(Collection<String> bandKeys, Collection<String> ingests);

  /** The originals one ingest run wrote, a page of at most {@code size} at a time. */
  void forEachPageOfOriginals(String ingest, int size, Consumer<List<HeldOriginal>> page);

  /** An original found to repost another: it becomes a duplicate of {@code of}. */
  record Demotion(HeldOriginal original, String of) {}

  /**
   * Marks each original as a duplicate of its {@code of} (it loses its band keys), and points the
   * duplicates that pointed to it there too; where {@code of} is itself demoted in the same call,
   * both point to where that one goes ({@link #settled}). All visible to look-ups once it returns.
   */
  void markDuplicates(List<Demotion> demotions);

  /**
   * Each demoted original's key, and the original it ends a duplicate of: its {@code of}, followed
   * through the demotions of the same list (a1 to a2 and a2 to b: both to b).
   */
  static Map<String, String> settled(List<Demotion> demotions) {
    Map<String, String> to = new LinkedHashMap<>();
    demotions.forEach(d -> to.put(d.original().key(), d.of()));
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : to.keySet()) {
      String at = to.get(key);
      for (int step = 0; step < to.size() && to.containsKey(at); step++) {
        at = to.get(at);
      }
      out.put(key, at);
    }
    return out;
  }

  /**
   * Gives the originals held without band keys of the current form (written before keys were kept,
   * or before {@link BandKeys} grouped them) their keys, so that {@link #originalsUnder} finds
   * them; {@code done} is told how many so far as it goes; returns how many were given keys.
   */
  long addMissingBands(Function<HeldOriginal, List<String>> bands, LongConsumer done);
}
