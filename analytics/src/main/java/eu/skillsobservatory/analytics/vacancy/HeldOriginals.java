package eu.skillsobservatory.analytics.vacancy;

import java.util.Collection;
import java.util.List;
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

  /**
   * Marks an original as a duplicate of {@code of} (it loses its band keys), and points the
   * duplicates that pointed to it to {@code of}.
   */
  void markDuplicate(HeldOriginal original, String of);

  /**
   * Gives the originals held without band keys of the current form (written before keys were kept,
   * or before {@link BandKeys} grouped them) their keys, so that {@link #originalsUnder} finds
   * them; {@code done} is told how many so far as it goes; returns how many were given keys.
   */
  long addMissingBands(Function<HeldOriginal, List<String>> bands, LongConsumer done);
}
