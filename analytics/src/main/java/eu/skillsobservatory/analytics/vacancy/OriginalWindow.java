package eu.skillsobservatory.analytics.vacancy;

import java.util.Arrays;

/**
 * The originals of a load not yet visible in the shared store, in flat arrays, with a chain of them
 * per {@link BandKeys band key} (open addressing from key to the head of its chain, at most {@value
 * BandKeys#CAP} entries each). Forgotten once the store shows them ({@link #forget}).
 */
final class OriginalWindow {
  /** What {@link #closest} returns when the key itself is held: an update. */
  static final int UPDATE = -2;

  private String[] keys = new String[1024];
  private int[] keyHashes = new int[1024];
  private byte[] prints = new byte[1024 * NearDuplicates.HASHES];
  private int[] countries = new int[1024];
  private int[] employers = new int[1024];
  private int[] titles = new int[1024];
  private long[] days = new long[1024];
  private int[] seen = new int[1024];
  private int scans;
  private int size;

  private long[] slotKey = new long[1 << 16];
  private int[] slotHead = new int[1 << 16];
  private int[] slotCount = new int[1 << 16];
  private int slotsUsed;
  private int[] entryOriginal = new int[1 << 14];
  private int[] entryNext = new int[1 << 14];
  private int entries;

  OriginalWindow() {
    Arrays.fill(slotHead, -1);
  }

  int size() {
    return size;
  }

  String key(int original) {
    return keys[original];
  }

  /** Originals chained under a key. */
  int count(long key) {
    int i = slot(key);
    return slotKey[i] == 0 ? 0 : slotCount[i];
  }

  /** Holds an original; returns its index, to {@link #link} it under its keys. */
  int add(String key, byte[] print, int title, int country, int employer, long day) {
    if (size == keys.length) {
      int n = size * 2;
      keys = Arrays.copyOf(keys, n);
      keyHashes = Arrays.copyOf(keyHashes, n);
      prints = Arrays.copyOf(prints, n * NearDuplicates.HASHES);
      countries = Arrays.copyOf(countries, n);
      employers = Arrays.copyOf(employers, n);
      titles = Arrays.copyOf(titles, n);
      days = Arrays.copyOf(days, n);
      seen = Arrays.copyOf(seen, n);
    }
    keys[size] = key;
    keyHashes[size] = key.hashCode();
    System.arraycopy(print, 0, prints, size * NearDuplicates.HASHES, NearDuplicates.HASHES);
    countries[size] = country;
    employers[size] = employer;
    titles[size] = title;
    days[size] = day;
    return size++;
  }

  /**
   * The closest original under any of these keys that may be the vacancy's original (same country,
   * title and employer where known, at most {@value NearDuplicates#WINDOW_DAYS} days apart, at
   * least {@code threshold} similar): its index, -1 for none, or {@link #UPDATE}.
   */
  int closest(
      long[] probe, String key, byte[] print, int t, int c, int e, long day, double threshold) {
    int best = -1;
    double bestSimilarity = 0;
    int keyHash = key.hashCode();
    if (++scans == 0) {
      Arrays.fill(seen, 0);
      scans = 1;
    }
    for (long k : probe) {
      int i = slot(k);
      if (slotKey[i] == 0) {
        continue;
      }
      for (int entry = slotHead[i]; entry >= 0; entry = entryNext[entry]) {
        int o = entryOriginal[entry];
        if (seen[o] == scans) {
          continue; // compared under another key
        }
        seen[o] = scans;
        if (keyHashes[o] == keyHash && keys[o].equals(key)) {
          return UPDATE;
        }
        if (countries[o] != c
            || (e != 0 && employers[o] != 0 && employers[o] != e)
            || (t != 0 && titles[o] != 0 && titles[o] != t)
            || Math.abs(days[o] - day) > NearDuplicates.WINDOW_DAYS) {
          continue;
        }
        double s = similarity(print, o);
        if (s >= threshold && (s > bestSimilarity || (s == bestSimilarity && o < best))) {
          best = o;
          bestSimilarity = s;
        }
      }
    }
    return best;
  }

  /** Share of MinHash bytes this fingerprint has in common with an original's. */
  double similarity(byte[] print, int original) {
    int same = 0;
    int base = original * NearDuplicates.HASHES;
    for (int i = 0; i < NearDuplicates.HASHES; i++) {
      if (prints[base + i] == print[i]) {
        same++;
      }
    }
    return (double) same / NearDuplicates.HASHES;
  }

  /**
   * Opens a key for {@link #linkWhereOpen}: the keys a batch asks for, so that of the originals
   * fetched for it only the keys that can meet one of its vacancies are chained.
   */
  void open(long key) {
    opened(key);
  }

  /** Chains an original under a key if the key is {@link #open}. */
  void linkWhereOpen(long key, int original) {
    if (slotKey[slot(key)] != 0) {
      link(key, original);
    }
  }

  /** Chains an original under a key. */
  void link(long key, int original) {
    if (entries == entryOriginal.length) {
      entryOriginal = Arrays.copyOf(entryOriginal, entries * 2);
      entryNext = Arrays.copyOf(entryNext, entries * 2);
    }
    int i = opened(key);
    entryOriginal[entries] = original;
    entryNext[entries] = slotHead[i];
    slotHead[i] = entries++;
    slotCount[i]++;
  }

  /** The slot of a key, taken for it if it had none. */
  private int opened(long key) {
    if ((slotsUsed + 1) * 2 > slotKey.length) {
      rehash();
    }
    int i = slot(key);
    if (slotKey[i] == 0) {
      slotKey[i] = key;
      slotHead[i] = -1;
      slotCount[i] = 0;
      slotsUsed++;
    }
    return i;
  }

  /** Forgets every original: memory stays bounded by what one window holds. */
  void forget() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(seen, 0, size, 0);
    size = 0;
    Arrays.fill(slotKey, 0);
    Arrays.fill(slotHead, -1);
    slotsUsed = 0;
    entries = 0;
  }

  /** The slot holding a key, or the empty one where it would go. */
  private int slot(long key) {
    int mask = slotKey.length - 1;
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      if (slotKey[i] == 0 || slotKey[i] == key) {
        return i;
      }
    }
  }

  private void rehash() {
    long[] oldKey = slotKey;
    int[] oldHead = slotHead;
    int[] oldCount = slotCount;
    slotKey = new long[oldKey.length * 2];
    slotHead = new int[oldKey.length * 2];
    slotCount = new int[oldKey.length * 2];
    for (int j = 0; j < oldKey.length; j++) {
      if (oldKey[j] != 0) {
        int i = slot(oldKey[j]);
        slotKey[i] = oldKey[j];
        slotHead[i] = oldHead[j];
        slotCount[i] = oldCount[j];
      }
    }
  }

  private static int spread(long h) {
    int x = (int) (h ^ (h >>> 32));
    return x ^ (x >>> 16);
  }
}
