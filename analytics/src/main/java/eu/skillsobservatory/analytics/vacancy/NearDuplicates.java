package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.text.TextClean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * Country and 30-day period are part of each band's key, so a vacancy is compared only with
 * originals of its country and time. Duplicates point to the first vacancy of their group (never to
 * another duplicate). An instance holds only a window of originals (those of a load not yet visible
 * in the shared store, {@link #forgetWindow}); the rest are looked up in the store by their {@link
 * #bandKeys} ({@link DuplicatePass}), so memory does not grow with the corpus. Shingle length and
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

  // Originals: key, fingerprint, country, employer, day.
  private String[] keys = new String[1024];
  private int[] keyHashes = new int[1024];
  private byte[] prints = new byte[1024 * HASHES];
  private int[] countries = new int[1024];
  private int[] employers = new int[1024];
  private int[] titles = new int[1024];
  private long[] days = new long[1024];
  private int size;

  // Band index: open addressing from band hash to the first entry of a chain of originals.
  private int[] slotKey = new int[1 << 16];
  private int[] slotHead = new int[1 << 16];
  private int slotsUsed;
  private int[] entryOriginal = new int[1 << 14];
  private int[] entryNext = new int[1 << 14];
  private int entries;

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
    Arrays.fill(slotHead, -1);
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
    return add(key, p, country, employer, posted, List.of());
  }

  private static final int UPDATE = -2;

  /**
   * An original held in the shared store, as it comes back for comparison.
   *
   * @param print its MinHash bytes
   * @param titleKey its normalized title's key ({@link EmployerTitleKeys#titleKey}), 0 for none
   */
  public record Original(
      String source,
      String id,
      byte[] print,
      int titleKey,
      String country,
      String employer,
      LocalDate posted) {
    /** {@code source/id}. */
    public String key() {
      return source + "/" + id;
    }

    /** Its fingerprint and title key. */
    public Print fingerprint() {
      return new Print(print, titleKey);
    }
  }

  /**
   * Days of the periods that band keys in the shared store carry: a vacancy's window of {@value
   * #WINDOW_DAYS} days either side touches two of them, so a look-up asks for 40 keys (term
   * look-ups are what a look-up costs), and the originals under a key span at most 120 days (where
   * many texts share bands, as adverts made of one template do, they are what a look-up fetches).
   */
  static final int STORE_PERIOD_DAYS = 60;

  /**
   * The keys under which an original is kept in the shared store, one per band: the band's bytes
   * with the country, the {@value #STORE_PERIOD_DAYS}-day period and the normalized title, which
   * duplicates share. A vacancy's {@link #probeKeys} meet them when they share a band, a country
   * and a title and were posted in a period its window touches.
   */
  public static List<String> bandKeys(Print p, String country, LocalDate posted) {
    long period = Math.floorDiv(posted.toEpochDay(), STORE_PERIOD_DAYS);
    return keys(p, country, period, period);
  }

  /**
   * The keys to look an original up by: a vacancy's bands in the periods its window of {@value
   * #WINDOW_DAYS} days either side touches (one, or two).
   */
  public static List<String> probeKeys(Print p, String country, LocalDate posted) {
    long day = posted.toEpochDay();
    return keys(
        p,
        country,
        Math.floorDiv(day - WINDOW_DAYS, STORE_PERIOD_DAYS),
        Math.floorDiv(day + WINDOW_DAYS, STORE_PERIOD_DAYS));
  }

  /**
   * The bands of a fingerprint with the country, one number each: what a vacancy and an original
   * whose keys met share, to tell which vacancy of a batch a fetched original was looked up for.
   */
  public static long[] bandSegments(byte[] print, String country) {
    int c = country == null ? 0 : country.hashCode();
    long[] out = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      out[band] = bandHash(print, band, c, 0) & 0xFFFFFFFFL | ((long) band << 32);
    }
    return out;
  }

  private static List<String> keys(Print p, String country, long first, long last) {
    int c = country == null ? 0 : country.hashCode();
    List<String> out = new ArrayList<>((int) (BANDS * (last - first + 1)));
    for (long b = first; b <= last; b++) {
      for (int band = 0; band < BANDS; band++) {
        long h = ((long) bandHash(p.minHash(), band, c, b) << 32) ^ (p.title() & 0xFFFFFFFFL);
        out.add(Long.toString(mix(h), 36));
      }
    }
    return out;
  }

  /**
   * Registers a vacancy against the originals of this instance's window and those {@code held} in
   * the shared store (the originals under its {@link #probeKeys}); returns the key of the original
   * it duplicates, if it does. The same rules as {@link #add(String, Print, String, String,
   * LocalDate)}: the most similar candidate wins, and a vacancy held under its own key is an
   * update.
   */
  public Optional<String> add(
      String key,
      Print p,
      String country,
      String employer,
      LocalDate posted,
      Collection<Original> held) {
    byte[] print = p.minHash();
    int c = country == null ? 0 : country.hashCode();
    int e = employerKey(employer);
    long day = posted.toEpochDay();
    int inWindow = closest(key, print, p.title(), c, e, day);
    if (inWindow == UPDATE) {
      return Optional.empty(); // the same vacancy again: an update, not a duplicate
    }
    for (Original o : held) {
      if (o.key().equals(key)) {
        return Optional.empty(); // held already: an update, not a duplicate
      }
    }
    Original best = closestHeld(key, p, country, employer, posted, held).orElse(null);
    double bestSimilarity = best == null ? 0 : Shingles.similarity(print, best.print());
    // Held in the store before this window: chosen over the window's as close.
    if (best != null && (inWindow < 0 || bestSimilarity >= similarityAt(print, inWindow))) {
      return Optional.of(best.key());
    }
    if (inWindow >= 0) {
      return Optional.of(keys[inWindow]);
    }
    int o = addOriginal(key, print, p.title(), c, e, day);
    for (int band = 0; band < BANDS; band++) {
      link(bandHash(print, band, c, Math.floorDiv(day, WINDOW_DAYS)), o);
    }
    return Optional.empty();
  }

  /**
   * The most similar of {@code held} that may be the original of this vacancy (the same country,
   * title and employer where known, at most {@value #WINDOW_DAYS} days apart, similar enough),
   * itself left out; the earlier of two as similar.
   */
  public Optional<Original> closestHeld(
      String key,
      Print p,
      String country,
      String employer,
      LocalDate posted,
      Collection<Original> held) {
    int c = country == null ? 0 : country.hashCode();
    int e = employerKey(employer);
    long day = posted.toEpochDay();
    Original best = null;
    double bestSimilarity = 0;
    for (Original o : held) {
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
      if (s >= threshold && (s > bestSimilarity || (s == bestSimilarity && earlier(o, best)))) {
        best = o;
        bestSimilarity = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether {@code a} was posted before {@code b} (or the same day, with a smaller key). */
  public static boolean earlier(Original a, Original b) {
    int byDay = a.posted().compareTo(b.posted());
    return byDay < 0 || (byDay == 0 && a.key().compareTo(b.key()) < 0);
  }

  private static int employerKey(String employer) {
    return employer == null || employer.isBlank()
        ? 0
        : EmployerTitleKeys.normal(employer).hashCode() | 1;
  }

  /** The closest original of the window (its index), -1 for none, or {@link #UPDATE}. */
  private int closest(String key, byte[] print, int t, int c, int e, long day) {
    int best = -1;
    long bucket = Math.floorDiv(day, WINDOW_DAYS);
    for (int band = 0; band < BANDS; band++) {
      for (long b = bucket - 1; b <= bucket + 1; b++) {
        best = scan(bandHash(print, band, c, b), key, print, t, c, e, day, best);
        if (best == UPDATE) {
          return UPDATE;
        }
      }
    }
    return best;
  }

  /**
   * Forgets the window's originals: once they are visible in the shared store, they come back
   * through {@link #probeKeys} like any other, and memory stays bounded by the window.
   */
  public void forgetWindow() {
    Arrays.fill(keys, 0, size, null);
    size = 0;
    Arrays.fill(slotKey, 0);
    Arrays.fill(slotHead, -1);
    slotsUsed = 0;
    entries = 0;
  }

  /**
   * Walks one chain of originals; returns the best duplicate candidate so far (or -1), or {@link
   * #UPDATE} when the same key is held.
   */
  private int scan(int hash, String key, byte[] print, int t, int c, int e, long day, int best) {
    double bestSimilarity = best >= 0 ? similarityAt(print, best) : 0;
    int keyHash = key.hashCode();
    for (int entry = head(hash); entry >= 0; entry = entryNext[entry]) {
      int o = entryOriginal[entry];
      if (o == best) {
        continue;
      }
      if (keyHashes[o] == keyHash && keys[o].equals(key)) {
        return UPDATE;
      }
      if (countries[o] != c
          || (e != 0 && employers[o] != 0 && employers[o] != e)
          || (t != 0 && titles[o] != 0 && titles[o] != t)
          || Math.abs(days[o] - day) > WINDOW_DAYS) {
        continue;
      }
      double s = similarityAt(print, o);
      if (s >= threshold && (s > bestSimilarity || (s == bestSimilarity && o < best))) {
        best = o;
        bestSimilarity = s;
      }
    }
    return best;
  }

  /**
   * Registers a vacancy known to be an original (one kept from an earlier ingest), without looking
   * for what it duplicates.
   */
  public void register(
      String key, byte[] print, String country, String employer, LocalDate posted) {
    register(key, print, null, country, employer, posted);
  }

  /** The same, with the title, compared with those of vacancies to come. */
  public void register(
      String key, byte[] print, String title, String country, String employer, LocalDate posted) {
    int c = country == null ? 0 : country.hashCode();
    int e = employerKey(employer);
    long day = posted.toEpochDay();
    int o = addOriginal(key, print, EmployerTitleKeys.titleKey(title), c, e, day);
    for (int band = 0; band < BANDS; band++) {
      link(bandHash(print, band, c, Math.floorDiv(day, WINDOW_DAYS)), o);
    }
  }

  /** Originals held. */
  public int originals() {
    return size;
  }

  private double similarityAt(byte[] print, int original) {
    int same = 0;
    int base = original * HASHES;
    for (int i = 0; i < HASHES; i++) {
      if (prints[base + i] == print[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  private int addOriginal(
      String key, byte[] print, int title, int country, int employer, long day) {
    if (size == keys.length) {
      int n = size * 2;
      keys = Arrays.copyOf(keys, n);
      keyHashes = Arrays.copyOf(keyHashes, n);
      prints = Arrays.copyOf(prints, n * HASHES);
      countries = Arrays.copyOf(countries, n);
      employers = Arrays.copyOf(employers, n);
      titles = Arrays.copyOf(titles, n);
      days = Arrays.copyOf(days, n);
    }
    keys[size] = key;
    keyHashes[size] = key.hashCode();
    System.arraycopy(print, 0, prints, size * HASHES, HASHES);
    countries[size] = country;
    employers[size] = employer;
    titles[size] = title;
    days[size] = day;
    return size++;
  }

  /**
   * One band of a fingerprint, with the country and the 30-day period: duplicates share all three,
   * so each chain holds only originals of one country and period, and a lookup in the period
   * before, the same and the one after covers the 30-day window.
   */
  private static int bandHash(byte[] print, int band, int country, long period) {
    int h = band * 0x9E3779B9;
    for (int r = 0; r < ROWS; r++) {
      h = (h ^ (print[band * ROWS + r] & 0xff)) * 0x01000193;
    }
    h = (h ^ country) * 0x01000193;
    h = (h ^ (int) period) * 0x01000193;
    h ^= h >>> 15;
    return h == 0 ? 1 : h; // 0 marks an empty slot
  }

  private int head(int hash) {
    int mask = slotKey.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      if (slotKey[i] == 0) {
        return -1;
      }
      if (slotKey[i] == hash) {
        return slotHead[i];
      }
    }
  }

  private void link(int hash, int original) {
    if (entries == entryOriginal.length) {
      entryOriginal = Arrays.copyOf(entryOriginal, entries * 2);
      entryNext = Arrays.copyOf(entryNext, entries * 2);
    }
    if ((slotsUsed + 1) * 2 > slotKey.length) {
      rehash();
    }
    int mask = slotKey.length - 1;
    int i = spread(hash) & mask;
    while (slotKey[i] != 0 && slotKey[i] != hash) {
      i = (i + 1) & mask;
    }
    if (slotKey[i] == 0) {
      slotKey[i] = hash;
      slotHead[i] = -1;
      slotsUsed++;
    }
    entryOriginal[entries] = original;
    entryNext[entries] = slotHead[i];
    slotHead[i] = entries++;
  }

  private void rehash() {
    int[] oldKey = slotKey;
    int[] oldHead = slotHead;
    slotKey = new int[oldKey.length * 2];
    slotHead = new int[oldKey.length * 2];
    int mask = slotKey.length - 1;
    for (int j = 0; j < oldKey.length; j++) {
      if (oldKey[j] != 0) {
        int i = spread(oldKey[j]) & mask;
        while (slotKey[i] != 0) {
          i = (i + 1) & mask;
        }
        slotKey[i] = oldKey[j];
        slotHead[i] = oldHead[j];
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
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
