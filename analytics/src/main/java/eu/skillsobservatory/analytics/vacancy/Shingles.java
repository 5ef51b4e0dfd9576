package eu.skillsobservatory.analytics.vacancy;

import java.util.Arrays;

/**
 * Word shingles of a text as distinct 64-bit hashes, and the similarity of two MinHash
 * fingerprints.
 */
final class Shingles {
  private Shingles() {}

  /** The values of an array, each once, in ascending order. */
  static long[] distinct(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  /** The hashes of a text's shingles of {@code length} words, in order (one if it is shorter). */
  static long[] shingles(String[] words, int length) {
    int n = words.length;
    if (n == 0 || (n == 1 && words[0].isEmpty())) {
      return new long[0];
    }
    int k = Math.min(length, n);
    long[] out = new long[n - k + 1];
    for (int i = 0; i + k <= n; i++) {
      long h = 1125899906842597L;
      for (int j = i; j < i + k; j++) {
        h = 31 * h + words[j].hashCode();
      }
      out[i] = NearDuplicates.mix(h);
    }
    return out;
  }

  /** The share of MinHash bytes two fingerprints agree on. */
  public static double similarity(byte[] a, byte[] b) {
    int same = 0;
    for (int i = 0; i < NearDuplicates.HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / NearDuplicates.HASHES;
  }
}
