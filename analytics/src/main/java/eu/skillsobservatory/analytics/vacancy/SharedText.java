package eu.skillsobservatory.analytics.vacancy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
 * shingles not shared are dropped and learned again.
 */
public final class SharedText {
  static final int MIN_ADVERTS = 3;
  static final double EMPLOYER_SHARE = 0.5;
  static final int MIN_SOURCE_ADVERTS = 50;
  static final double SOURCE_SHARE = 0.2;
  static final int MAX_ENTRIES = 1 << 20;
  static final int MAX_TEMPLATES = 100_000;

  /** Per employer and shingle: adverts, the first title, whether a second title came. */
  private static final class Stat {
    int count;
    int firstTitle;
    boolean titles;
  }

  private final Map<Long, Stat> employerShingles = new HashMap<>();
  private final Map<Long, Integer> employerAdverts = new HashMap<>();
  private final Map<Long, Integer> sourceShingles = new HashMap<>();
  private final Map<String, Integer> sourceAdverts = new HashMap<>();
  private final Set<Long> templates = new HashSet<>();
  private boolean frozen;

  /**
   * Stops learning: what is shared is decided from here on by what was learned so far, so that
   * every advert of a load is fingerprinted alike (learned from a first reading of the files).
   */
  public void freeze() {
    frozen = true;
  }

  /**
   * Learns from one advert, then tells which of its shingles are shared text.
   *
   * @param shingles the hashes of the advert's shingles, each once
   * @return for each shingle, whether it is shared text of its employer or a template
   */
  public boolean[] learn(String source, String employer, String title, long[] shingles) {
    long e = employer == null || employer.isBlank() ? 0 : NearDuplicates.employerKey(employer);
    if (frozen) {
      return classify(e, shingles);
    }
    int t = NearDuplicates.titleKey(title);
    if (employerShingles.size() + sourceShingles.size() > MAX_ENTRIES) {
      forget();
    }
    int adverts = e == 0 ? 0 : employerAdverts.merge(e, 1, Integer::sum);
    String src = source == null ? "" : source;
    int sourceCount = sourceAdverts.merge(src, 1, Integer::sum);
    long s0 = hash(src);
    boolean[] shared = new boolean[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      long h = shingles[i];
      if (e != 0) {
        Stat st = employerShingles.computeIfAbsent(mix(e, h), k -> new Stat());
        if (st.count == 0) {
          st.firstTitle = t;
        } else if (st.firstTitle != t) {
          st.titles = true;
        }
        st.count++;
        shared[i] = adverts >= MIN_ADVERTS && st.titles && st.count >= EMPLOYER_SHARE * adverts;
      }
      int n = sourceShingles.merge(mix(s0, h), 1, Integer::sum);
      if (sourceCount >= MIN_SOURCE_ADVERTS
          && n >= SOURCE_SHARE * sourceCount
          && templates.size() < MAX_TEMPLATES) {
        templates.add(h);
      }
      shared[i] |= templates.contains(h);
    }
    return shared;
  }

  /** What is shared, by what was learned, learning nothing. */
  private boolean[] classify(long e, long[] shingles) {
    int adverts = e == 0 ? 0 : employerAdverts.getOrDefault(e, 0);
    boolean[] shared = new boolean[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      long h = shingles[i];
      if (templates.contains(h)) {
        shared[i] = true;
      } else if (e != 0) {
        Stat st = employerShingles.get(mix(e, h));
        shared[i] =
            st != null
                && adverts >= MIN_ADVERTS
                && st.titles
                && st.count >= EMPLOYER_SHARE * adverts;
      }
    }
    return shared;
  }

  /** Keeps what is shared, drops the rest of the counts: they are learned again if they recur. */
  private void forget() {
    employerShingles.values().removeIf(s -> !s.titles);
    sourceShingles.clear();
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
