package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.text.TextClean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds near-duplicate vacancies: the same advert on several portals, as aggregators repost it (a
 * gender marker added, the legal form dropped from the employer's name, a sentence dropped or
 * added, a few words changed, line breaks, other boilerplate, case). Each vacancy's title and
 * description are folded and cut into word pairs (shingles of {@value #SHINGLE} words); the
 * shingles of shared text ({@link SharedText}: what recurs across one employer's or one source's
 * adverts, learned from the data) are left out, the title's kept, and the rest summarised by a
 * MinHash of {@value #HASHES} functions kept as one byte each; {@value #BANDS} bands of {@value
 * #ROWS} bytes index them (locality-sensitive hashing), so that a vacancy is compared only with
 * those sharing a band. A candidate is a duplicate when at least {@link #THRESHOLD} of the MinHash
 * bytes agree (an estimate of the shingles' Jaccard similarity), the normalized titles agree
 * (gender markers and case aside), the country is the same, the employers are the same when both
 * are known (legal forms aside), and they were posted at most {@value #WINDOW_DAYS} days apart.
 * Country, title and period are part of each band's key ({@link BandKeys}, at most {@value
 * BandKeys#CAP} originals under one), so a vacancy is compared only with originals of its country
 * and time. Duplicates point to the first vacancy of their group (never to another duplicate). An
 * instance holds only a window of originals ({@link OriginalWindow}: those of a load not yet
 * visible in the shared store, {@link #forgetWindow}); the rest are looked up in the store by their
 * keys ({@link DuplicatePass}), so memory does not grow with the corpus. Shingle length and
 * threshold were chosen by measurement ({@code src/docs/benchmarks.md}, near-duplicates).
 */
public final class NearDuplicates {
  static final int HASHES = 60;
  static final int BANDS = 20;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 2;

  /** Share of agreeing MinHash bytes from which two texts are near-duplicates. */
  public static final double THRESHOLD = 0.5;

  /** Below this many shingles outside shared text and title, the whole text is fingerprinted. */
  static final int MIN_OWN_SHINGLES = 8;

  private final double threshold;
  private final int shingle;
  private final SharedText shared = new SharedText();

  /** Days apart at most. */
  public static final int WINDOW_DAYS = 30;

  private static final long[] SEEDS = seeds();

  private final OriginalWindow window = new OriginalWindow();

  /** No originals fetched from a store. */
  private static final OriginalWindow NONE = new OriginalWindow();

  public NearDuplicates() {
    this(THRESHOLD);
  }

  /** With another threshold, for measuring. */
  public NearDuplicates(double threshold) {
    this(threshold, SHINGLE);
  }

  /** With another threshold and shingle length, for measuring. */
  public NearDuplicates(double threshold, int shingle) {
    this.threshold = threshold;
    this.shingle = shingle;
  }

  /**
   * Learns the shared text of a vacancy without fingerprinting it: the first reading of a file,
   * before {@link #freeze} and the reading that marks duplicates.
   */
  public void learn(String source, String employer, String title, String description) {
    String[] words = TextClean.fold(title + " " + description).split(" ");
    shared.learn(source, employer, title, Shingles.distinct(Shingles.shingles(words, shingle)));
  }

  /** Stops learning shared text: every vacancy from here on is fingerprinted alike. */
  public void freeze() {
    shared.freeze();
  }

  /** Whether shared text is still learned (then fingerprints must be taken one at a time). */
  public boolean learning() {
    return !shared.frozen();
  }

  /** A title's key: case and gender markers aside; 0 for none. */
  public static int titleKey(String title) {
    return EmployerTitleKeys.titleKey(title);
  }

  /** A vacancy's fingerprint and its normalized title's key. */
  public record Print(byte[] minHash, int title) {}

  /**
   * The fingerprint of a vacancy, its shared text left out: what this instance learned of its
   * employer's and source's adverts so far, this one included.
   */
  public Print print(String source, String employer, String title, String description) {
    String[] titleWords = TextClean.fold(title).split(" ");
    String[] words = TextClean.fold(title + " " + description).split(" ");
    long[] all = Shingles.shingles(words, shingle);
    // Each shingle once: the learning counts adverts, not occurrences.
    long[] distinct = Shingles.distinct(all);
    boolean[] isShared = shared.learn(source, employer, title, distinct);
    int titleShingles = Math.max(0, titleWords.length - shingle + 1);
    Set<Long> titleSet = new HashSet<>();
    for (int i = 0; i < Math.min(titleShingles, all.length); i++) {
      titleSet.add(all[i]);
    }
    long[] own = new long[distinct.length];
    int n = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (!isShared[i] || titleSet.contains(distinct[i])) {
        own[n++] = distinct[i];
      }
    }
    long[] kept = n - titleSet.size() < MIN_OWN_SHINGLES ? distinct : Arrays.copyOf(own, n);
    return new Print(minHash(kept), EmployerTitleKeys.titleKey(title));
  }

  /** A text's fingerprint, nothing left out: 60 MinHash values, a byte each. */
  public static byte[] fingerprint(String title, String description) {
    return minHash(TextClean.fold(title + " " + description), SHINGLE);
  }

  private static byte[] minHash(String folded, int shingleLength) {
    return minHash(Shingles.shingles(folded.strip().split(" "), shingleLength));
  }

  private static byte[] minHash(long[] shingles) {
    if (shingles.length == 0) {
      return new byte[HASHES];
    }
    long[] min = new long[HASHES];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long h : shingles) {
      for (int f = 0; f < HASHES; f++) {
        long v = mix(h ^ SEEDS[f]);
        if (v < min[f]) {
          min[f] = v;
        }
      }
    }
    byte[] out = new byte[HASHES];
    for (int f = 0; f < HASHES; f++) {
      out[f] = (byte) min[f];
    }
    return out;
  }

  /**
   * Registers a vacancy; returns the key of the original it duplicates, if it does (it is then not
   * registered as an original itself).
   */
  public Optional<String> add(
      String key, byte[] print, String country, String employer, LocalDate posted) {
    return add(key, new Print(print, 0), country, employer, posted);
  }

  /** The same, the titles compared too. */
  public Optional<String> add(
      String key, Print p, String country, String employer, LocalDate posted) {
    return Optional.ofNullable(decide(key, p, country, employer, posted, NONE).duplicateOf());
  }

  /**
   * What {@link #decide} found for a vacancy.
   *
   * @param duplicateOf the key of the original it duplicates, null when it is an original (or an
   *     update of one)
   * @param keys the {@link BandKeys} it is held under, none for a duplicate: its own keys but those
   *     holding {@value BandKeys#CAP} originals already
   */
  public record Decision(String duplicateOf, long[] keys) {}

  /**
   * Registers a vacancy against the originals of this instance's window and those {@code held} in
   * the shared store (the originals under the {@link BandKeys#probe} keys of its batch, {@link
   * #windowOf}); says which original it duplicates, if it does, and otherwise under which keys it
   * is held. The same rules as {@link #add(String, Print, String, String, LocalDate)}: the most
   * similar candidate wins, one held in the store before the window's as close, and a vacancy held
   * under its own key is an update.
   */
  Decision decide(
      String key, Print p, String country, String employer, LocalDate posted, OriginalWindow held) {
    byte[] print = p.minHash();
    int c = countryKey(country);
    int e = employerKey(employer);
    long day = posted.toEpochDay();
    long[] own = BandKeys.own(p, country, posted);
    long[] open = new long[own.length];
    int n = 0;
    for (long k : own) {
      if (window.count(k) + held.count(k) < BandKeys.CAP) {
        open[n++] = k;
      }
    }
    open = Arrays.copyOf(open, n);
    long[] probe = BandKeys.probe(p, country, posted);
    int inWindow = window.closest(probe, key, print, p.title(), c, e, day, threshold);
    int inStore = held.closest(probe, key, print, p.title(), c, e, day, threshold);
    if (inWindow == OriginalWindow.UPDATE || inStore == OriginalWindow.UPDATE) {
      return new Decision(null, open); // the same vacancy again: an update, not a duplicate
    }
    if (inStore >= 0
        && (inWindow < 0
            || held.similarity(print, inStore) >= window.similarity(print, inWindow))) {
      return new Decision(held.key(inStore), new long[0]);
    }
    if (inWindow >= 0) {
      return new Decision(window.key(inWindow), new long[0]);
    }
    int o = window.add(key, print, p.title(), c, e, day);
    for (long k : open) {
      window.link(k, o);
    }
    return new Decision(null, open);
  }

  /**
   * Originals fetched from the store for a batch, in a window of their own under the keys they are
   * held by that the batch asked for ({@code probes}), the earliest first (so that of two as
   * similar the earlier wins).
   */
  static OriginalWindow windowOf(Collection<HeldOriginal> held, Collection<long[]> probes) {
    List<HeldOriginal> sorted = new ArrayList<>(held);
    sorted.sort(Comparator.comparing(HeldOriginal::posted).thenComparing(HeldOriginal::key));
    OriginalWindow w = new OriginalWindow();
    for (long[] probe : probes) {
      for (long k : probe) {
        w.open(k);
      }
    }
    for (HeldOriginal o : sorted) {
      int i =
          w.add(
              o.key(),
              o.print(),
              o.titleKey(),
              countryKey(o.country()),
              employerKey(o.employer()),
              o.posted().toEpochDay());
      for (long k : BandKeys.own(o.fingerprint(), o.country(), o.posted())) {
        w.linkWhereOpen(k, i);
      }
    }
    return w;
  }

  private static int countryKey(String country) {
    return country == null ? 0 : country.hashCode();
  }

  /**
   * The most similar of {@code held} that may be the original of this vacancy (the same country,
   * title and employer where known, at most {@value #WINDOW_DAYS} days apart, similar enough),
   * itself left out; the earlier of two as similar.
   */
  public Optional<HeldOriginal> closestHeld(
      String key,
      Print p,
      String country,
      String employer,
      LocalDate posted,
      Collection<HeldOriginal> held) {
    int c = country == null ? 0 : country.hashCode();
    int e = employerKey(employer);
    long day = posted.toEpochDay();
    HeldOriginal best = null;
    double bestSimilarity = 0;
    for (HeldOriginal o : held) {
      int oe = employerKey(o.employer());
      int ot = o.titleKey();
      if (o.key().equals(key)
          || (o.country() == null ? 0 : o.country().hashCode()) != c
          || (e != 0 && oe != 0 && oe != e)
          || (p.title() != 0 && ot != 0 && ot != p.title())
          || Math.abs(o.posted().toEpochDay() - day) > WINDOW_DAYS) {
        continue;
      }
      double s = Shingles.similarity(p.minHash(), o.print());
      if (s >= threshold
          && (s > bestSimilarity || (s == bestSimilarity && HeldOriginal.earlier(o, best)))) {
        best = o;
        bestSimilarity = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int employerKey(String employer) {
    return employer == null || employer.isBlank()
        ? 0
        : EmployerTitleKeys.normal(employer).hashCode() | 1;
  }

  /**
   * Forgets the window's originals: once they are visible in the shared store, they come back
   * through their keys like any other, and memory stays bounded by the window.
   */
  public void forgetWindow() {
    window.forget();
  }

  /** Originals held in the window. */
  public int originals() {
    return size();
  }

  private int size() {
    return window.size();
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static long[] seeds() {
    long[] s = new long[HASHES];
    long x = 0x2545F4914F6CDD1DL;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      s[i] = x;
    }
    return s;
  }
}
