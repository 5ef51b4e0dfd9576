package eu.skillsobservatory.analytics.vacancy;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A map from long to long without boxing: open addressing, linear probing, 0 never a key (keys are
 * hashes; a 0 hash is stored as 1). For the counts of {@link SharedText}, read and written a few
 * hundred times per advert.
 */
final class LongLongMap {
  private long[] keys;
  private long[] values;
  private int size;
  private boolean hasZero;
  private long zeroValue;

  LongLongMap(int capacity) {
    int n = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    keys = new long[n];
    values = new long[n];
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private int slot(long k) {
    int mask = keys.length - 1;
    long h = k * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The value of {@code k}, or {@code missing} when absent. */
  long get(long k, long missing) {
    if (k == 0) {
      return hasZero ? zeroValue : missing;
    }
    int i = slot(k);
    return keys[i] == 0 ? missing : values[i];
  }

  void put(long k, long v) {
    if (k == 0) {
      hasZero = true;
      zeroValue = v;
      return;
    }
    int i = slot(k);
    if (keys[i] == 0) {
      keys[i] = k;
      size++;
      values[i] = v;
      if (size * 2 > keys.length) {
        grow();
      }
      return;
    }
    values[i] = v;
  }

  /** Adds {@code d} to the value of {@code k} (0 when absent) and returns the sum. */
  long add(long k, long d) {
    if (k == 0) {
      zeroValue = hasZero ? zeroValue + d : d;
      hasZero = true;
      return zeroValue;
    }
    int i = slot(k);
    if (keys[i] == 0) {
      keys[i] = k;
      values[i] = d;
      size++;
      if (size * 2 > keys.length) {
        grow();
      }
      return d;
    }
    values[i] += d;
    return values[i];
  }

  /** Keeps only the entries whose value passes {@code keep}. */
  void retain(LongPredicate keep) {
    hasZero = hasZero && keep.test(zeroValue);
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length];
    values = new long[oldKeys.length];
    size = 0;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0 && keep.test(oldValues[j])) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        size++;
      }
    }
  }

  void clear() {
    Arrays.fill(keys, 0);
    size = 0;
    hasZero = false;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }
}
