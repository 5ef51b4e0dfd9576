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

  /** A key as the store keeps it. */
  public static String text(long key) {
    return Long.toString(key, 36);
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
    for (long b = first; b <= last; b++) {
      for (int band = 0; band < NearDuplicates.BANDS; band++) {
        long h = ((long) bandHash(p.minHash(), band, c, b) << 32) ^ (p.title() & 0xFFFFFFFFL);
        long k = NearDuplicates.mix(h);
        out[n++] = k == 0 ? 1 : k; // 0 marks an empty slot of the window
      }
    }
    return out;
  }

  private static int bandHash(byte[] print, int band, int country, long period) {
    int h = band * 0x9E3779B9;
    for (int r = 0; r < NearDuplicates.ROWS; r++) {
      h = (h ^ (print[band * NearDuplicates.ROWS + r] & 0xff)) * 0x01000193;
    }
    h = (h ^ country) * 0x01000193;
    h = (h ^ (int) period) * 0x01000193;
    h ^= h >>> 15;
    return h == 0 ? 1 : h;
  }
}
