package eu.skillsobservatory.analytics.vacancy;

import java.util.HashMap;
import java.util.Map;

/**
 * Text that recurs across the adverts of one employer or one source, learned from the adverts as
 * they come, not from a list: a large employer's company profile, benefits, diversity statement and
 * how-to-apply in every advert; a portal's own template lines. Such text says nothing about the
 * job, so the near-duplicate fingerprint leaves it out: two different jobs of one employer then
 * differ by what differs between the jobs. It is learned word pair by word pair (the fingerprint's
 * shingles), so a company text with a word changed is still almost all shared.
 *
 * <p>A shingle is the employer's when, among at least {@link #MIN_ADVERTS} adverts of that employer
 * (its name without legal form), it came with two different titles or more and is in at least half
 * of them; reposts of one advert share a title, so they never make their own text shared. A shingle
 * is a template when it is in at least a fifth of at least {@link #MIN_SOURCE_ADVERTS} adverts of
 * one source; a template is left out for every source, since the same advert on another portal must
 * be fingerprinted alike. Memory is bounded: past {@link #MAX_ENTRIES} counted shingles, counts of
 * shingles not shared are dropped and learned again (and the rarest of the others, so that half the
 * bound stays free).
 */
public final class SharedText {
  static final int MIN_ADVERTS = 3;
  static final double EMPLOYER_SHARE = 0.5;
  static final int MIN_SOURCE_ADVERTS = 50;
  static final double SOURCE_SHARE = 0.2;
  static final int MAX_ENTRIES = 1 << 20;
  static final int MAX_TEMPLATES = 100_000;

  /**
   * Per employer and shingle, packed in one long: adverts (low 31 bits), whether a second title
   * came (bit 31), the first title's key (high 32 bits).
   */
  private final LongLongMap employerShingles = new LongLongMap(1 << 16);

  private final LongLongMap employerAdverts = new LongLongMap(1 << 12);
  private final LongLongMap sourceShingles = new LongLongMap(1 << 16);
  private final Map<String, Integer> sourceAdverts = new HashMap<>();
  private final LongLongMap templates = new LongLongMap(1 << 10);
  private final int maxEntries;
  private boolean frozen;
  private int forgets;

  public SharedText() {
    this(MAX_ENTRIES);
  }

  /** With another bound than {@link #MAX_ENTRIES} on the shingles counted (for tests). */
  SharedText(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  private static final long COUNT = 0x7FFFFFFFL;
  private static final long TITLES = 0x80000000L;

  /**
   * Stops learning: what is shared is decided from here on by what was learned so far, so that
   * every advert of a load is fingerprinted alike (learned from a first reading of the files).
   */
  public void freeze() {
    frozen = true;
  }

  /** Whether learning stopped. */
  boolean frozen() {
    return frozen;
  }

  /**
   * Learns from one advert, then tells which of its shingles are shared text.
   *
   * @param shingles the hashes of the advert's shingles, each once
   * @return for each shingle, whether it is shared text of its employer or a template
   */
  public boolean[] learn(String source, String employer, String title, long[] shingles) {
    long e = employer == null || employer.isBlank() ? 0 : EmployerTitleKeys.employerKey(employer);
    if (frozen) {
      return classify(e, shingles);
    }
    long t = EmployerTitleKeys.titleKey(title) & 0xFFFFFFFFL;
    if (employerShingles.size() + sourceShingles.size() > maxEntries) {
      forget();
    }
    long adverts = e == 0 ? 0 : employerAdverts.add(e, 1);
    String src = source == null ? "" : source;
    int sourceCount = sourceAdverts.merge(src, 1, Integer::sum);
    long s0 = hash(src);
    boolean[] shared = new boolean[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      long h = shingles[i];
      if (e != 0) {
        long k = mix(e, h);
        long v = employerShingles.get(k, 0);
        long count = v & COUNT;
        boolean titles = (v & TITLES) != 0;
        long first = v >>> 32;
        if (count == 0) {
          first = t;
        } else if (first != t) {
          titles = true;
        }
        count++;
        employerShingles.put(k, (first << 32) | (titles ? TITLES : 0) | count);
        shared[i] = adverts >= MIN_ADVERTS && titles && count >= EMPLOYER_SHARE * adverts;
      }
      long n = sourceShingles.add(mix(s0, h), 1);
      if (sourceCount >= MIN_SOURCE_ADVERTS
          && n >= SOURCE_SHARE * sourceCount
          && templates.size() < MAX_TEMPLATES) {
        templates.put(h, 1);
      }
      shared[i] |= templates.get(h, 0) != 0;
    }
    return shared;
  }

  /** What is shared, by what was learned, learning nothing. */
  private boolean[] classify(long e, long[] shingles) {
    long adverts = e == 0 ? 0 : employerAdverts.get(e, 0);
    boolean[] shared = new boolean[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      long h = shingles[i];
      if (templates.get(h, 0) != 0) {
        shared[i] = true;
      } else if (e != 0 && adverts >= MIN_ADVERTS) {
        long v = employerShingles.get(mix(e, h), 0);
        shared[i] = (v & TITLES) != 0 && (v & COUNT) >= EMPLOYER_SHARE * adverts;
      }
    }
    return shared;
  }

  /**
   * Keeps what may be shared (shingles an employer used under two titles), drops the rest of the
   * counts: they are learned again if they recur. What is kept leaves room for half the bound at
   * least, the rarest dropped first: kept whole, the shingles of many employers filled the bound,
   * and every advert after that forgot again (a copy of the whole table each time).
   */
  private void forget() {
    forgets++;
    employerShingles.retain(v -> (v & TITLES) != 0);
    for (long floor = 2; employerShingles.size() > maxEntries / 2; floor *= 2) {
      long atLeast = floor;
      employerShingles.retain(v -> (v & COUNT) >= atLeast);
    }
    sourceShingles.clear();
  }

  /** How many times counts were dropped to stay within the bound. */
  int forgets() {
    return forgets;
  }

  /** Templates learned: shingles left out of every advert's fingerprint. */
  public int templates() {
    return templates.size();
  }

  static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L ^ b;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 29);
  }
}
