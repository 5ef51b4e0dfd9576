package eu.skillsobservatory.ingest.demand;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.DemandCounts.Counts;
import eu.skillsobservatory.analytics.demand.DemandCounts.SkillSet;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demand counts and provenance added up from the summary's cells are the live aggregations' own:
 * the same postings, skills in the same order (ties included), collections, postings without
 * skills, groups by sector, country and month, datasets and their synthetic flag, for slices by
 * section, country, period, dataset and duplicates. Questions the cells cannot answer (postings
 * without the collections' facets, other groupings, skill groups, stale cells) are not answered
 * from them.
 */
@ExtendWith(EmbeddedNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellDemandCountsIT {
  static final String[] SECTORS = {"C", "J", null};
  static final String[] COUNTRIES = {"DE", "GR", "EL", "PL"};
  static final String[] COLLECTIONS = {"digital", "green", "transversal"};
  static final String VERSION = "v1";

  SearchConnection es;
  ElasticDemandCounts counts;
  CellDemandCounts cells;

  /** Datasets a and b (synthetic) carry the facets of v1; c those of v0; none, v1. */
  @BeforeAll
  void writeACorpusAndSummarize(SearchConnection es) throws Exception {
    this.es = es;
    es.client().indices().delete(d -> d.index("vacancies-v1").ignoreUnavailable(true));
    Random r = new Random(11);
    VacancyStore store = VacancyStores.vacancies(es);
    int id = 0;
    for (String dataset : new String[] {"a", "b", "c", null}) {
      try (VacancyStore.Writer w = store.writer(dataset, "b".equals(dataset))) {
        for (int i = 0; i < ("c".equals(dataset) ? 60 : 500); i++) {
          List<SkillEvidence> skills = new ArrayList<>();
          List<String> collections = new ArrayList<>();
          for (int k = r.nextInt(6); k > 0; k--) {
            int n = (int) Math.abs(r.nextGaussian() * 10);
            String uri = "http://data.europa.eu/esco/skill/s" + n;
            if (skills.stream().noneMatch(e -> e.uri().equals(uri))) {
              skills.add(SkillEvidence.given(uri));
              String c = COLLECTIONS[n % COLLECTIONS.length];
              if (n % 2 == 0 && !collections.contains(c)) {
                collections.add(c);
              }
            }
          }
          w.write(
              vacancy("src" + r.nextInt(3), "v" + id++)
                  .posted(LocalDate.of(2023, 1, 1).plusDays(r.nextInt(730)))
                  .country(COUNTRIES[r.nextInt(COUNTRIES.length)])
                  .sector(SECTORS[r.nextInt(SECTORS.length)])
                  .isco("2512")
                  .evidence(skills)
                  .facets(
                      new SkillFacets("c".equals(dataset) ? "v0" : VERSION, collections, List.of()))
                  .duplicateOf(r.nextInt(6) == 0 ? "src0/v0" : null)
                  .ingest("it")
                  .record());
        }
      }
    }
    counts = (ElasticDemandCounts) DemandStore.counts(es);
    cells = new CellDemandCounts(counts.summary());
    assertThat(new SeriesSummaryBuild(counts, es, 100).build(Progress.NONE)).isGreaterThan(50);
  }

  static Map<String, SkillSet> collections() {
    Map<String, SkillSet> out = new java.util.LinkedHashMap<>();
    for (String c : COLLECTIONS) {
      out.put(
          c,
          new SkillSet(
              DemandCounts.Facet.COLLECTION,
              c,
              VERSION,
              Set.of("http://data.europa.eu/esco/skill/s0")));
    }
    return out;
  }

  List<Slice> slices() {
    List<Slice> out = new ArrayList<>();
    for (String sector : SECTORS) {
      for (String country : new String[] {"DE", "GR", null}) {
        for (String[] period : new String[][] {{null, null}, {"2023-06", "2024-03"}}) {
          Slice s = Slice.of(sector, null, country, null, period[0], period[1], false);
          out.add(s);
          out.add(s.withDuplicates(true).withDataset("a"));
        }
      }
    }
    out.add(Slice.of(null, null, null, null, "2024-01", null, false).withDataset("b"));
    out.add(Slice.of("J", null, null, null, null, "2023-12", true).withDataset("c"));
    return out;
  }

  @Test
  void countsFromCellsAreTheLiveCounts() {
    int served = 0;
    int i = 0;
    for (Slice s : slices()) {
      for (String by : new String[] {null, "sector", "country", "month"}) {
        Optional<String> groupBy = Optional.ofNullable(by);
        int skills = new int[] {0, 1, 4, 60}[i++ % 4];
        int groups = i % 3 == 0 ? 2 : 1_000;
        Map<String, SkillSet> sets = i % 2 == 0 ? Map.of() : collections();
        Optional<List<Counts>> kept = cells.counts(s, groupBy, groups, skills, sets);
        String what = s + " by " + by + ", " + skills + " skills, sets " + sets.keySet();
        if (kept.isEmpty()) {
          // Only where some posting (of dataset c) carries the facets of another version.
          assertThat(sets).as(what).isNotEmpty();
          assertThat(s.dataset()).as(what).isNotIn(Optional.of("a"), Optional.of("b"));
          continue;
        }
        assertThat(kept.get()).as(what).isEqualTo(counts.live(s, groupBy, groups, skills, sets));
        served++;
      }
    }
    assertThat(served).isGreaterThan(100);
  }

  @Test
  void provenanceFromCellsIsTheLiveProvenance() {
    for (Slice s : slices()) {
      assertThat(cells.provenance(s)).as("%s", s).contains(counts.liveProvenance(s));
    }
  }

  @Test
  void otherQuestionsAreNotAnsweredFromCells() {
    Slice all = Slice.of(null, null, null, null, null, null, false);
    assertThat(cells.counts(all, Optional.empty(), 1, 5, collections())).isEmpty();
    assertThat(cells.counts(all.withDataset("c"), Optional.empty(), 1, 5, collections())).isEmpty();
    assertThat(cells.counts(all.withDataset("c"), Optional.empty(), 1, 5, Map.of())).isPresent();
    Slice c = Slice.of("C", null, null, null, null, null, false);
    assertThat(cells.counts(c, Optional.of("occupation"), 10, 5, Map.of())).isEmpty();
    assertThat(
            cells.counts(
                Slice.of("26", null, null, null, null, null, false),
                Optional.empty(),
                1,
                5,
                Map.of()))
        .isEmpty();
    assertThat(
            cells.counts(
                Slice.of(null, "2512", null, null, null, null, false),
                Optional.empty(),
                1,
                5,
                Map.of()))
        .isEmpty();
    SkillSet group = new SkillSet(DemandCounts.Facet.GROUP, "g", VERSION, Set.of("http://x/s1"));
    assertThat(cells.counts(c, Optional.empty(), 1, 5, Map.of("g", group))).isEmpty();
  }

  @Test
  void aSummaryOlderThanTheVacanciesIsNotRead() throws Exception {
    Slice j = Slice.of("J", null, "DE", null, null, null, false);
    assertThat(cells.counts(j, Optional.empty(), 1, 5, Map.of())).isPresent();
    try (VacancyStore.Writer w = VacancyStores.vacancies(es).writer("a", false)) {
      w.write(
          vacancy("src0", "late")
              .posted(LocalDate.of(2024, 12, 30))
              .country("DE")
              .sector("J")
              .isco("2512")
              .evidence(List.of(SkillEvidence.given("http://data.europa.eu/esco/skill/s1")))
              .ingest("it")
              .record());
    }
    assertThat(cells.counts(j, Optional.empty(), 1, 5, Map.of())).isEmpty();
    assertThat(cells.provenance(j)).isEmpty();
    // Through the port, the live answer meanwhile; from the cells again once built again.
    List<Counts> live = counts.live(j, Optional.empty(), 1, 5, Map.of());
    assertThat(counts.counts(j, Optional.empty(), 1, 5, Map.of())).isEqualTo(live);
    counts.summarize(Progress.NONE);
    assertThat(cells.counts(j, Optional.empty(), 1, 5, Map.of())).contains(live);
  }
}
