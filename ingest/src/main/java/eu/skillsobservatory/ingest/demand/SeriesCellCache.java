package eu.skillsobservatory.ingest.demand;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells of the series summary read last, decoded, the least recently used dropped first, at
 * most {@link #MAX_ENTRIES} counts in all (a few tens of MB). A cell is keyed by its index and id:
 * a summary's index is written once and then only read, so a cell cached is never out of date (a
 * new build is a new index). One emerging answer reads its slice's cells twice (the series, then
 * the series without the top employers): the second read is served here.
 */
final class SeriesCellCache {
  /** Counts (a posting or mention entry each) held at most. */
  static final long MAX_ENTRIES = 4_000_000;

  private final long maxEntries;
  private final LinkedHashMap<String, SeriesCell> cells = new LinkedHashMap<>(16, 0.75f, true);
  private long entries;

  SeriesCellCache(long maxEntries) {
    this.maxEntries = maxEntries;
  }

  static String key(String index, String id) {
    return index + "/" + id;
  }

  synchronized SeriesCell get(String key) {
    return cells.get(key);
  }

  synchronized void put(String key, SeriesCell cell) {
    long size = size(cell);
    if (size > maxEntries) {
      return;
    }
    SeriesCell old = cells.put(key, cell);
    entries += size - (old == null ? 0 : size(old));
    Iterator<Map.Entry<String, SeriesCell>> eldest = cells.entrySet().iterator();
    while (entries > maxEntries && eldest.hasNext()) {
      entries -= size(eldest.next().getValue());
      eldest.remove();
    }
  }

  synchronized int size() {
    return cells.size();
  }

  private static long size(SeriesCell c) {
    return (long) c.count.length + c.postingCount.length + c.skills.length;
  }
}
