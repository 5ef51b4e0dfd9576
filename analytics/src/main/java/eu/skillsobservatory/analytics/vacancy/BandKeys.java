package eu.skillsobservatory.analytics.vacancy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which originals are found by their MinHash bands, in this instance's window and in
 * the shared store: one per band, made of the band's {@value NearDuplicates#ROWS} bytes, the
 * country, the {@value #PERIOD_DAYS}-day period and the normalized title, which duplicates share. A
 * vacancy's {@link #probe} keys meet an original's {@link #own} keys when they share a band, a
 * country and a title and the original was posted in a period the vacancy's window of {@value
 * NearDuplicates#WINDOW_DAYS} days either side touches.
 *
 * <p>A key's high {@value #GROUP_BITS} bits are a hash of its group (country, title and period),
 * its low {@value #BAND_BITS} a hash of the band, and its text is fixed-width and sorts as the
 * number does: all keys of an original, of its reposts and of the other originals of its group
 * begin with the same eight characters. The store's terms dictionary keeps terms of one prefix in
 * one block, so the 40 keys a vacancy looks up are sought in one or two blocks of each segment
 * instead of 40 (half the cost of random keys a look-up, and a smaller index faster to write:
 * benchmarks.md, "Keys grouped by (country, title, period)"). Two groups share a hash about once in
 * 2<sup>40</sup>; two bands of one group once in 2<sup>24</sup>: either only makes an original a
 * candidate that its comparison then turns down.
 *
 * <p>A key holds at most {@value #CAP} originals: a band that many texts share (adverts made of one
 * template, short texts) tells nothing of which of them is a repost, and a key that kept growing
 * would make every look-up fetch, and every vacancy compare with, a share of the corpus. Reposts
 * share most of their bands, so they still meet under the others.
 */
public final class BandKeys {
  /**
   * Days of the periods keys carry: a window of {@value NearDuplicates#WINDOW_DAYS} days either
   * side touches two of them, so a look-up asks for 40 keys (term look-ups are what a look-up
   * costs), and the originals under a key span at most 120 days.
   */
  static final int PERIOD_DAYS = 60;

  /** Bits of a key that name its group (country, title, period); the rest name the band. */
  static final int GROUP_BITS = 40;

  static final int BAND_BITS = 64 - GROUP_BITS;

  /** Characters of every key's text: 2<sup>64</sup> - 1 in base 36. */
  static final int TEXT_LENGTH = 13;

  /** Originals under one key at most. */
  public static final int CAP = 32;

  private BandKeys() {}

  /** The keys an original is held under, one per band, as numbers. */
  public static long[] own(NearDuplicates.Print p, String country, LocalDate posted) {
    long period = Math.floorDiv(posted.toEpochDay(), PERIOD_DAYS);
    return keys(p, country, period, period);
  }

  /** The keys to look an original up by: the bands in each period the window touches. */
  public static long[] probe(NearDuplicates.Print p, String country, LocalDate posted) {
    long day = posted.toEpochDay();
    return keys(
        p,
        country,
        Math.floorDiv(day - NearDuplicates.WINDOW_DAYS, PERIOD_DAYS),
        Math.floorDiv(day + NearDuplicates.WINDOW_DAYS, PERIOD_DAYS));
  }

  /** {@link #own} as the store keeps them. */
  public static List<String> bandKeys(NearDuplicates.Print p, String country, LocalDate posted) {
    return text(own(p, country, posted));
  }

  /** {@link #probe} as the store keeps them. */
  public static List<String> probeKeys(NearDuplicates.Print p, String country, LocalDate posted) {
    return text(probe(p, country, posted));
  }

  /**
   * A key as the store keeps it: unsigned, in base 36, padded to {@value #TEXT_LENGTH} characters,
   * so that texts sort as keys do and keys of one group share their first characters.
   */
  public static String text(long key) {
    String digits = Long.toUnsignedString(key, 36);
    return "0".repeat(TEXT_LENGTH - digits.length()) + digits;
  }

  private static List<String> text(long[] keys) {
    List<String> out = new ArrayList<>(keys.length);
    for (long k : keys) {
      out.add(text(k));
    }
    return out;
  }

  private static long[] keys(NearDuplicates.Print p, String country, long first, long last) {
    int c = country == null ? 0 : country.hashCode();
    long[] out = new long[(int) (NearDuplicates.BANDS * (last - first + 1))];
    int n = 0;
    for (long period = first; period <= last; period++) {
      long group = groupHash(c, p.title(), period) << BAND_BITS;
      for (int band = 0; band < NearDuplicates.BANDS; band++) {
        long k = group | bandHash(p.minHash(), band);
        out[n++] = k == 0 ? 1 : k; // 0 marks an empty slot of the window
      }
    }
    return out;
  }

  /** The group's {@value #GROUP_BITS} bits. */
  private static long groupHash(int country, int title, long period) {
    long h = ((long) country << 32) ^ (title & 0xFFFFFFFFL);
    return NearDuplicates.mix(h ^ NearDuplicates.mix(period + 0x9E3779B97F4A7C15L)) >>> BAND_BITS;
  }

  /** The band's {@value #BAND_BITS} bits: its index and its rows' bytes. */
  private static long bandHash(byte[] print, int band) {
    int h = band * 0x9E3779B9;
    for (int r = 0; r < NearDuplicates.ROWS; r++) {
      h = (h ^ (print[band * NearDuplicates.ROWS + r] & 0xff)) * 0x01000193;
    }
    h ^= h >>> 15;
    h *= 0x2C1B3C6D;
    h ^= h >>> 12;
    return h & ((1L << BAND_BITS) - 1);
  }
}
