package eu.skillsobservatory.analytics.vacancy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The near-duplicate pass of a load, a batch of vacancies at a time: their fingerprints are taken
 * on every core, the originals that share a band with any of them are fetched from the store in one
 * request ({@link HeldOriginals#originalsUnder}), and each vacancy, in file order, is compared with
 * those and with the originals of this load not yet visible in the store (the window of {@link
 * NearDuplicates}, forgotten at each {@link #synced}). Memory is bounded by the batch and the
 * window, not by the corpus; the store holds the originals of every load, this instance's and
 * others', so reposts are found across loads and instances.
 */
public final class DuplicatePass {
  private final HeldOriginals store;
  private final NearDuplicates near;

  /** What the pass decided for one vacancy. */
  public record Mark(String duplicateOf, String fingerprint, List<String> bands) {}

  public DuplicatePass(HeldOriginals store) {
    this(store, new NearDuplicates());
  }

  DuplicatePass(HeldOriginals store, NearDuplicates near) {
    this.store = store;
    this.near = near;
  }

  /**
   * Gives originals of earlier loads that were stored without band keys of the current form their
   * keys; {@code done} is told how many so far; returns how many.
   */
  public long prepare(LongConsumer done) {
    return store.addMissingBands(
        o -> BandKeys.bandKeys(o.fingerprint(), o.country(), o.posted()), done);
  }

  /** Learns the shared text of a vacancy (a first reading of the files). */
  public void learn(Vacancy v) {
    near.learn(v.source(), v.employer(), v.title(), v.description());
  }

  /** Stops learning: from here on fingerprints are taken alike, on every core. */
  public void freeze() {
    near.freeze();
  }

  /** Marks a batch of vacancies, in their order: one mark each. */
  public List<Mark> mark(List<Vacancy> batch) {
    return mark(lookUp(batch));
  }

  /**
   * A batch on its way: its fingerprints taken, its originals being fetched from the store on a
   * thread of their own.
   */
  public static final class LookUp {
    private final List<Vacancy> batch;
    private final List<NearDuplicates.Print> prints;
    private final List<long[]> probes;
    private final CompletableFuture<List<HeldOriginal>> held;

    private LookUp(
        List<Vacancy> batch,
        List<NearDuplicates.Print> prints,
        List<long[]> probes,
        CompletableFuture<List<HeldOriginal>> held) {
      this.batch = batch;
      this.prints = prints;
      this.probes = probes;
      this.held = held;
    }
  }

  private static final Executor LOOK_UPS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "near-duplicate-lookups");
            t.setDaemon(true);
            return t;
          });

  /**
   * Takes the fingerprints of a batch (on every core, once shared text is no longer learned) and
   * starts fetching the originals that share a band with any of them. Batches must be {@link
   * #mark(LookUp) marked} in the order they were looked up.
   */
  public LookUp lookUp(List<Vacancy> batch) {
    Stream<Vacancy> vacancies = near.learning() ? batch.stream() : batch.parallelStream();
    List<NearDuplicates.Print> prints =
        vacancies
            .map(v -> near.print(v.source(), v.employer(), v.title(), v.description()))
            .toList();
    List<long[]> probes = new ArrayList<>(batch.size());
    Set<String> all = new LinkedHashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Vacancy v = batch.get(i);
      long[] probe = BandKeys.probe(prints.get(i), v.country(), v.posted());
      probes.add(probe);
      for (long k : probe) {
        all.add(BandKeys.text(k));
      }
    }
    CompletableFuture<List<HeldOriginal>> held =
        all.isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : CompletableFuture.supplyAsync(() -> store.originalsUnder(all), LOOK_UPS);
    return new LookUp(batch, prints, probes, held);
  }

  /** Marks a batch looked up, in its order: one mark each. */
  public List<Mark> mark(LookUp l) {
    OriginalWindow held = NearDuplicates.windowOf(await(l.held), l.probes);
    List<Mark> marks = new ArrayList<>(l.batch.size());
    for (int i = 0; i < l.batch.size(); i++) {
      Vacancy v = l.batch.get(i);
      NearDuplicates.Print p = l.prints.get(i);
      NearDuplicates.Decision d =
          near.decide(v.source() + "/" + v.id(), p, v.country(), v.employer(), v.posted(), held);
      List<String> bands = new ArrayList<>(d.keys().length);
      for (long k : d.keys()) {
        bands.add(BandKeys.text(k));
      }
      marks.add(new Mark(d.duplicateOf(), Base64.getEncoder().encodeToString(p.minHash()), bands));
    }
    return marks;
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Settles the reposts between this load's originals and those of loads that ran at the same time
   * (on other instances, or this one): neither saw the other's latest originals, so both may have
   * kept one advert twice. Of each such pair the one posted first (then the smaller key) stays the
   * original and the other is marked its duplicate, in the store, whichever load it belongs to: the
   * rule is the same on every instance, so two loads settling at once agree. Returns how many
   * originals became duplicates.
   *
   * @param ingest this load's run
   * @param others the runs that overlapped it in time
   */
  public long reconcile(String ingest, Collection<String> others) {
    if (others.isEmpty()) {
      return 0;
    }
    long[] marked = {0};
    Set<String> merged = new HashSet<>();
    store.forEachPageOfOriginals(
        ingest,
        BATCH,
        page -> {
          Set<String> all = new LinkedHashSet<>();
          for (HeldOriginal x : page) {
            all.addAll(BandKeys.probeKeys(x.fingerprint(), x.country(), x.posted()));
          }
          Map<Long, List<HeldOriginal>> theirs = byKey(store.originalsUnder(all, others));
          // Written once a page: each demotion alone cost two refreshes of the index.
          List<HeldOriginals.Demotion> demotions = new ArrayList<>();
          for (int i = 0; i < page.size(); i++) {
            HeldOriginal x = page.get(i);
            Set<HeldOriginal> candidates =
                candidates(theirs, BandKeys.probe(x.fingerprint(), x.country(), x.posted()));
            candidates.removeIf(y -> merged.contains(y.key()));
            Optional<HeldOriginal> best =
                near.closestHeld(
                    x.key(), x.fingerprint(), x.country(), x.employer(), x.posted(), candidates);
            if (best.isEmpty()) {
              continue;
            }
            HeldOriginal y = best.get();
            if (HeldOriginal.earlier(y, x)) {
              demotions.add(new HeldOriginals.Demotion(x, y.key()));
              marked[0]++;
            } else {
              demotions.add(new HeldOriginals.Demotion(y, x.key()));
              merged.add(y.key());
            }
          }
          if (!demotions.isEmpty()) {
            store.markDuplicates(demotions);
          }
        });
    return marked[0];
  }

  static final int BATCH = 500;

  /** Every vacancy marked so far is visible in the store: the window is forgotten. */
  public void synced() {
    near.forgetWindow();
  }

  /**
   * The originals fetched, by the keys they are held under: a vacancy's candidates are those under
   * its probe keys, as in the store; the rules then check the title, the employer and the days.
   */
  private static Map<Long, List<HeldOriginal>> byKey(List<HeldOriginal> originals) {
    Map<Long, List<HeldOriginal>> out = new HashMap<>();
    for (HeldOriginal o : originals) {
      for (long k : BandKeys.own(o.fingerprint(), o.country(), o.posted())) {
        out.computeIfAbsent(k, x -> new ArrayList<>(2)).add(o);
      }
    }
    return out;
  }

  private static Set<HeldOriginal> candidates(Map<Long, List<HeldOriginal>> held, long[] probe) {
    Set<HeldOriginal> out = new LinkedHashSet<>();
    for (long k : probe) {
      out.addAll(held.getOrDefault(k, List.of()));
    }
    return out;
  }
}
