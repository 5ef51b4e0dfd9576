package eu.skillsobservatory.ingest.demand;

/**
 * Counts by a long key without an object per count: open addressing, linear probing. Keys are
 * packed indices (skill, month, source) and may be 0.
 */
final class CountTable {
  /** Told each key and its count. */
  @FunctionalInterface
  interface Entry {
    void accept(long key, long count);
  }

  private long[] keys;
  private long[] counts;
  private boolean[] used;
  private int size;

  CountTable(int capacity) {
    int n = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    keys = new long[n];
    counts = new long[n];
    used = new boolean[n];
  }

  int size() {
    return size;
  }

  void add(long key, long n) {
    int i = slot(keys, used, key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
      counts[i] = n;
      if (size * 2 > keys.length) {
        grow();
      }
      return;
    }
    counts[i] += n;
  }

  /** The count of a key, 0 if never added. */
  long get(long key) {
    int i = slot(keys, used, key);
    return used[i] ? counts[i] : 0;
  }

  void forEach(Entry e) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        e.accept(keys[i], counts[i]);
      }
    }
  }

  /** The keys and their counts, as two arrays of one length. */
  long[][] entries() {
    long[] k = new long[size];
    long[] c = new long[size];
    int[] j = {0};
    forEach(
        (key, n) -> {
          k[j[0]] = key;
          c[j[0]++] = n;
        });
    return new long[][] {k, c};
  }

  private static int slot(long[] keys, boolean[] used, long key) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = slot(keys, used, oldKeys[j]);
        used[i] = true;
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
