package eu.skillsobservatory.analytics.vacancy;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class DuplicatePassTest {
  static final LocalDate DAY = LocalDate.of(2024, 3, 1);

  /** The shared store: originals under their band keys, as a search index would hold them. */
  static final class Store implements HeldOriginals {
    final Map<String, HeldOriginal> byKey = new LinkedHashMap<>();
    final Map<String, String> ingestOf = new HashMap<>();
    final Map<String, String> duplicateOf = new HashMap<>();
    final Map<String, Set<String>> underBand = new HashMap<>();
    final Set<String> withoutBands = new LinkedHashSet<>();
    int lookups;

    void keep(Vacancy v, DuplicatePass.Mark m) {
      keep(v, m, "run");
    }

    void keep(Vacancy v, DuplicatePass.Mark m, String ingest) {
      String key = v.source() + "/" + v.id();
      if (m.duplicateOf() != null) {
        duplicateOf.put(key, m.duplicateOf());
        return;
      }
      byKey.put(
          key,
          new HeldOriginal(
              v.source(),
              v.id(),
              Base64.getDecoder().decode(m.fingerprint()),
              EmployerTitleKeys.titleKey(v.title()),
              v.country(),
              v.employer(),
              v.posted()));
      ingestOf.put(key, ingest);
      m.bands().forEach(b -> underBand.computeIfAbsent(b, x -> new LinkedHashSet<>()).add(key));
    }

    @Override
    public List<HeldOriginal> originalsUnder(Collection<String> bandKeys) {
      lookups++;
      Set<String> keys = new LinkedHashSet<>();
      bandKeys.forEach(b -> keys.addAll(underBand.getOrDefault(b, Set.of())));
      return keys.stream().map(byKey::get).toList();
    }

    @Override
    public List<HeldOriginal> originalsUnder(
        Collection<String> bandKeys, Collection<String> ingests) {
      return originalsUnder(bandKeys).stream()
          .filter(o -> ingests.contains(ingestOf.get(o.key())))
          .toList();
    }

    @Override
    public void forEachPageOfOriginals(String ingest, int size, Consumer<List<HeldOriginal>> page) {
      List<HeldOriginal> mine =
          byKey.values().stream().filter(o -> ingest.equals(ingestOf.get(o.key()))).toList();
      for (int i = 0; i < mine.size(); i += size) {
        page.accept(mine.subList(i, Math.min(mine.size(), i + size)));
      }
    }

    @Override
    public void markDuplicates(List<Demotion> demotions) {
      for (Demotion d : demotions) {
        String key = d.original().key();
        byKey.remove(key);
        underBand.values().forEach(keys -> keys.remove(key));
        duplicateOf.put(key, d.of());
        duplicateOf.replaceAll((k, v) -> v.equals(key) ? d.of() : v);
      }
    }

    @Override
    public long addMissingBands(Function<HeldOriginal, List<String>> bands, LongConsumer done) {
      long n = 0;
      for (String key : withoutBands) {
        bands
            .apply(byKey.get(key))
            .forEach(b -> underBand.computeIfAbsent(b, x -> new LinkedHashSet<>()).add(key));
        n++;
      }
      withoutBands.clear();
      done.accept(n);
      return n;
    }
  }

  static String advert(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(5_000), 36));
    }
    return b.toString();
  }

  static Vacancy job(String source, String id, String text, int day) {
    return vacancy(source, id)
        .posted(DAY.plusDays(day))
        .country("DE")
        .title("Machinist")
        .description(text)
        .employer("ACME GmbH")
        .build();
  }

  /** Marks a batch and writes its originals to the store, then makes them visible. */
  static List<DuplicatePass.Mark> load(DuplicatePass pass, Store store, List<Vacancy> batch) {
    List<DuplicatePass.Mark> marks = pass.mark(batch);
    for (int i = 0; i < batch.size(); i++) {
      store.keep(batch.get(i), marks.get(i));
    }
    pass.synced();
    return marks;
  }

  @Test
  void demotionsWrittenTogetherEndAtAnOriginalFollowingEachOther() {
    HeldOriginal a1 = new HeldOriginal("a", "1", new byte[0], 0, "DE", null, LocalDate.now());
    HeldOriginal a2 = new HeldOriginal("a", "2", new byte[0], 0, "DE", null, LocalDate.now());
    HeldOriginal a3 = new HeldOriginal("a", "3", new byte[0], 0, "DE", null, LocalDate.now());
    assertThat(
            HeldOriginals.settled(
                List.of(
                    new HeldOriginals.Demotion(a1, "a/2"),
                    new HeldOriginals.Demotion(a2, "b/0"),
                    new HeldOriginals.Demotion(a3, "b/1"))))
        .containsExactly(Map.entry("a/1", "b/0"), Map.entry("a/2", "b/0"), Map.entry("a/3", "b/1"));
    // A loop (not made by the settling pass) ends after as many steps as there are demotions.
    assertThat(
            HeldOriginals.settled(
                List.of(
                    new HeldOriginals.Demotion(a1, "a/2"), new HeldOriginals.Demotion(a2, "a/1"))))
        .hasSize(2);
  }

  @Test
  void aRepostInALaterBatchIsFoundInTheStoreAndTheWindowIsForgotten() {
    Random r = new Random(3);
    Store store = new Store();
    NearDuplicates near = new NearDuplicates();
    DuplicatePass pass = new DuplicatePass(store, near);
    near.freeze();
    List<Vacancy> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(job("a", "" + i, advert(r, 60), i % 20));
    }
    List<DuplicatePass.Mark> marks = load(pass, store, first);
    assertThat(marks).allMatch(m -> m.duplicateOf() == null && m.bands().size() == 20);
    assertThat(near.originals()).as("originals kept in memory after a sync").isZero();

    Vacancy original = first.get(7);
    Vacancy repost = job("b", "r1", original.description() + " Apply now via our portal!", 7 + 10);
    Vacancy other = job("b", "r2", advert(r, 60), 7);
    List<DuplicatePass.Mark> later = pass.mark(List.of(repost, other));
    assertThat(later.get(0).duplicateOf()).isEqualTo("a/7");
    assertThat(later.get(0).bands()).as("a duplicate is never a candidate").isEmpty();
    assertThat(later.get(1).duplicateOf()).isNull();
    assertThat(store.lookups).as("one lookup per batch").isEqualTo(2);
  }

  @Test
  void withinABatchAndBeforeASyncTheWindowFindsThem() {
    Random r = new Random(5);
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    String text = advert(r, 60);
    List<DuplicatePass.Mark> marks =
        pass.mark(List.of(job("a", "1", text, 0), job("b", "1", text.toUpperCase(), 3)));
    assertThat(marks.get(1).duplicateOf()).isEqualTo("a/1");
    // Not yet in the store, not yet synced: the window still knows a/1.
    assertThat(pass.mark(List.of(job("c", "1", text, 5))).get(0).duplicateOf()).isEqualTo("a/1");
  }

  @Test
  void twoInstancesSharingTheStoreFindEachOthersReposts() {
    Random r = new Random(11);
    Store store = new Store();
    DuplicatePass one = new DuplicatePass(store);
    DuplicatePass two = new DuplicatePass(store);
    one.freeze();
    two.freeze();
    String text = advert(r, 60);
    load(one, store, List.of(job("a", "1", text, 0)));
    List<DuplicatePass.Mark> marks = two.mark(List.of(job("b", "9", text + " m/f/d", 2)));
    assertThat(marks.get(0).duplicateOf()).isEqualTo("a/1");
  }

  @Test
  void theSameVacancyAgainIsAnUpdateAndKeepsItsBands() {
    Random r = new Random(13);
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    Vacancy v = job("a", "1", advert(r, 60), 0);
    load(pass, store, List.of(v));
    DuplicatePass.Mark again = pass.mark(List.of(v)).get(0);
    assertThat(again.duplicateOf()).isNull();
    assertThat(again.bands()).hasSize(20);
  }

  @Test
  void originalsStoredWithoutBandsAreGivenThemAndThenFound() {
    Random r = new Random(17);
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    Vacancy v = job("a", "1", advert(r, 60), 0);
    DuplicatePass.Mark m = pass.mark(List.of(v)).get(0);
    store.keep(v, new DuplicatePass.Mark(null, m.fingerprint(), List.of()));
    store.withoutBands.add("a/1");
    pass.synced();
    assertThat(pass.mark(List.of(job("b", "1", v.description(), 1))).get(0).duplicateOf())
        .as("before the bands are added")
        .isNull();
    pass.synced();
    assertThat(pass.prepare(n -> {})).isEqualTo(1);
    assertThat(pass.mark(List.of(job("c", "1", v.description(), 1))).get(0).duplicateOf())
        .isEqualTo("a/1");
  }

  @Test
  void anotherCountryTitleOrAMonthApartIsNotADuplicate() {
    Random r = new Random(19);
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    String text = advert(r, 60);
    load(pass, store, List.of(job("a", "1", text, 0)));
    Vacancy elsewhere =
        vacancy("b", "1").posted(DAY).country("AT").title("Machinist").description(text).build();
    Vacancy otherTitle =
        vacancy("b", "2").posted(DAY).country("DE").title("Welder").description(text).build();
    Vacancy later = job("b", "3", text, 45);
    List<DuplicatePass.Mark> marks = pass.mark(List.of(elsewhere, otherTitle, later));
    assertThat(marks).allMatch(m -> m.duplicateOf() == null);
  }

  @Test
  void loadsRunningAtOnceSettleTheirCrossingRepostsOnTheEarlierOriginal() {
    Random r = new Random(23);
    Store store = new Store();
    DuplicatePass one = new DuplicatePass(store);
    DuplicatePass two = new DuplicatePass(store);
    one.freeze();
    two.freeze();
    String early = advert(r, 60);
    String late = advert(r, 60);
    String alone = advert(r, 60);
    // Both loads mark before either's writes are visible: each keeps its copy as an original.
    List<Vacancy> a =
        List.of(job("a", "1", early, 0), job("a", "2", late, 9), job("a", "3", alone, 4));
    List<Vacancy> b = List.of(job("b", "1", early + " m/f/d", 5), job("b", "2", late, 3));
    List<DuplicatePass.Mark> ma = one.mark(a);
    List<DuplicatePass.Mark> mb = two.mark(b);
    assertThat(ma).allMatch(m -> m.duplicateOf() == null);
    assertThat(mb).allMatch(m -> m.duplicateOf() == null);
    for (int i = 0; i < a.size(); i++) {
      store.keep(a.get(i), ma.get(i), "one");
    }
    for (int i = 0; i < b.size(); i++) {
      store.keep(b.get(i), mb.get(i), "two");
    }
    // a/1 was posted first: b/1 becomes its duplicate; b/2 was posted before a/2.
    assertThat(one.reconcile("one", List.of("two"))).isEqualTo(1);
    assertThat(store.duplicateOf).containsEntry("b/1", "a/1").containsEntry("a/2", "b/2");
    assertThat(store.byKey.keySet()).containsExactlyInAnyOrder("a/1", "a/3", "b/2");
    // The other load settling after agrees, and finds nothing left to do.
    assertThat(two.reconcile("two", List.of("one"))).isZero();
    assertThat(store.byKey.keySet()).containsExactlyInAnyOrder("a/1", "a/3", "b/2");
    assertThat(one.reconcile("one", List.of())).as("alone, nothing to settle").isZero();
  }

  @Test
  void aBatchLookedUpBeforeTheOneBeforeItIsMarkedStillFindsItsOriginalsInTheWindow() {
    Random r = new Random(29);
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    String text = advert(r, 60);
    DuplicatePass.LookUp first = pass.lookUp(List.of(job("a", "1", text, 0)));
    DuplicatePass.LookUp second = pass.lookUp(List.of(job("b", "1", text, 2)));
    assertThat(pass.mark(first).get(0).duplicateOf()).isNull();
    assertThat(pass.mark(second).get(0).duplicateOf()).isEqualTo("a/1");
  }

  @Test
  void aBandManyTextsShareHoldsAtMostItsCapAndTheirRepostsAreStillFound() {
    // Short texts made of one template: a third of their shingles are the template's, so a band
    // of three bytes is the template's alone for one text in 27, the same band for all of them.
    Store store = new Store();
    DuplicatePass pass = new DuplicatePass(store);
    pass.freeze();
    int lookupsBefore;
    List<Vacancy> originals = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      originals.add(
          vacancy("a", "o" + i)
              .posted(DAY.plusDays(i % 40))
              .country("DE")
              .description(
                  "Reference " + i * 7_919L + " and " + i * 104_729L + " for the warehouse")
              .build());
    }
    for (int from = 0; from < originals.size(); from += 500) {
      List<Vacancy> batch = originals.subList(from, from + 500);
      load(pass, store, batch);
    }
    // Short texts with a third in common: some are taken for reposts of others (a MinHash of 60
    // bytes estimates a similarity of 0.27 as 0.5 now and then); their reposts then point there.
    assertThat(store.underBand.values().stream().mapToInt(Set::size).max().orElseThrow())
        .as("originals under one key")
        .isLessThanOrEqualTo(BandKeys.CAP);

    List<Vacancy> reposts = new ArrayList<>();
    for (int i = 0; i < 6_000; i += 10) {
      Vacancy o = originals.get(i);
      reposts.add(
          vacancy("b", "r" + i)
              .posted(o.posted().plusDays(3))
              .country("DE")
              .description(o.description())
              .build());
    }
    lookupsBefore = store.lookups;
    List<DuplicatePass.Mark> marks = load(pass, store, reposts);
    assertThat(store.lookups).isEqualTo(lookupsBefore + 1);
    // Of the reposts whose original is held as one (not itself taken for a repost): found.
    long held = 0;
    long found = 0;
    for (int i = 0; i < reposts.size(); i++) {
      String original = "a/" + reposts.get(i).id().replace('r', 'o');
      if (store.byKey.containsKey(original)) {
        held++;
        found += original.equals(marks.get(i).duplicateOf()) ? 1 : 0;
      }
    }
    assertThat(held).isGreaterThan(500);
    assertThat(found).as("reposts found of " + held).isGreaterThanOrEqualTo(held * 99 / 100);
  }
}
