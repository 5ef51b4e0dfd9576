package eu.skillsobservatory.ingest.demand;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.SliceQuery;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The series summary kept at ingest gives the same series as the live count, for every kind of
 * slice it serves, with its cells read in many small requests; it is not read once the vacancies
 * changed, until built again.
 */
@ExtendWith(EmbeddedNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesSummaryIT {
  static final String[] SECTORS = {"C", "J", "F", null};
  static final String[] COUNTRIES = {"DE", "FR", "GR", "EL", "PL"};

  SearchConnection es;
  ElasticDemandCounts counts;
  EmergingCounts live;

  @BeforeAll
  void writeACorpusAndSummarize(SearchConnection es) throws Exception {
    this.es = es;
    es.client().indices().delete(d -> d.index("vacancies-v1").ignoreUnavailable(true));
    Random r = new Random(7);
    VacancyStore store = VacancyStores.vacancies(es);
    int id = 0;
    for (String dataset : new String[] {"a", "b", null}) {
      try (VacancyStore.Writer w = store.writer(dataset, false)) {
        for (int i = 0; i < 700; i++) {
          List<SkillEvidence> skills = new ArrayList<>();
          for (int k = r.nextInt(7); k > 0; k--) {
            String uri =
                "http://data.europa.eu/esco/skill/s" + (int) Math.abs(r.nextGaussian() * 12);
            if (skills.stream().noneMatch(e -> e.uri().equals(uri))) {
              skills.add(SkillEvidence.given(uri));
            }
          }
          w.write(
              vacancy("src" + r.nextInt(3), "v" + id++)
                  .posted(LocalDate.of(2023, 1, 1).plusDays(r.nextInt(730)))
                  .country(COUNTRIES[r.nextInt(COUNTRIES.length)])
                  .sector(SECTORS[r.nextInt(SECTORS.length)])
                  .isco("2512")
                  .evidence(skills)
                  .duplicateOf(r.nextInt(8) == 0 ? "src0/v0" : null)
                  .ingest("it")
                  .record());
        }
      }
    }
    counts = (ElasticDemandCounts) DemandStore.counts(es);
    live = new ElasticEmergingCounts(counts, ElasticEmergingCounts.MAX_BUCKETS, false);
    // Small requests, so that a cell is read in several partitions of its skills.
    long cells = new SeriesSummaryBuild(counts, es, 7).build(Progress.NONE);
    assertThat(cells).isGreaterThan(50);
  }

  static Slice slice(String sector, String country) {
    return Slice.of(sector, null, country, null, null, null, false);
  }

  List<Slice> slices() {
    List<Slice> out = new ArrayList<>();
    for (String sector : new String[] {null, "C", "J", "F"}) {
      for (String country : new String[] {null, "DE", "GR", "EL", "PL"}) {
        out.add(slice(sector, country));
      }
    }
    out.add(slice("C", "FR").withDataset("a"));
    out.add(slice(null, null).withDataset("b"));
    out.add(slice("J", null).withDuplicates(true));
    out.add(
        new Slice(
            Optional.of("F"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(YearMonth.of(2023, 6)),
            Optional.of(YearMonth.of(2024, 3)),
            false));
    return out;
  }

  @Test
  void everySliceOfCellsHasTheLiveSeries() {
    for (Slice s : slices()) {
      for (int[] w : new int[][] {{6, 0, 20}, {3, 9, 5}, {2, 4, 1}}) {
        Optional<Emerging.Series> kept = counts.summary().series(s, w[0], w[1], w[2]);
        assertThat(kept).as("%s served", s).isPresent();
        assertThat(kept.get())
            .as("%s, windows %d + %d, support %d", s, w[0], w[1], w[2])
            .isEqualTo(live.series(s, "skills", w[0], w[1], w[2]));
      }
    }
  }

  @Test
  void aWindowOfCellsHasTheLiveCountsOfItsSkills() throws Exception {
    Set<String> skills =
        Set.of(
            "http://data.europa.eu/esco/skill/s0",
            "http://data.europa.eu/esco/skill/s3",
            "http://data.europa.eu/esco/skill/s17",
            "http://data.europa.eu/esco/skill/none");
    WithoutEmployers live =
        new WithoutEmployers(counts, "skills", ElasticEmergingCounts.MAX_BUCKETS);
    for (Slice s : slices()) {
      for (YearMonth[] w :
          new YearMonth[][] {
            {YearMonth.of(2023, 9), YearMonth.of(2024, 8)},
            {null, YearMonth.of(2024, 2)},
            {null, null}
          }) {
        Query window =
            Query.of(
                q ->
                    q.bool(
                        b ->
                            b.filter(SliceQuery.of(s))
                                .filter(ElasticDemandCounts.range(w[0], w[1]))));
        assertThat(counts.summary().window(s, w[0], w[1], skills))
            .as("%s from %s to %s", s, w[0], w[1])
            .contains(live.counts(window, List.copyOf(skills)));
      }
    }
  }

  @Test
  void slicesNotMadeOfCellsAreCountedLive() {
    assertThat(
            counts.summary().series(Slice.of("C", "2512", null, null, null, null, false), 6, 0, 1))
        .isEmpty();
    assertThat(
            counts.summary().series(Slice.of("26", null, null, null, null, null, false), 6, 0, 1))
        .isEmpty();
    assertThat(
            counts.summary().series(Slice.of(null, null, "DE", "DE2", null, null, false), 6, 0, 1))
        .isEmpty();
  }

  @Test
  void aChangeOfTheVacanciesStopsItsUseUntilBuiltAgain() throws Exception {
    Slice c = slice("C", null);
    assertThat(counts.summary().series(c, 6, 0, 1)).isPresent();
    VacancyStore store = VacancyStores.vacancies(es);
    try (VacancyStore.Writer w = store.writer("a", false)) {
      w.write(
          vacancy("src0", "late")
              .posted(LocalDate.of(2024, 12, 30))
              .country("DE")
              .sector("C")
              .isco("2512")
              .evidence(List.of(SkillEvidence.given("http://data.europa.eu/esco/skill/s1")))
              .ingest("it")
              .record());
    }
    assertThat(counts.summary().series(c, 6, 0, 1)).isEmpty();
    // Through the port, the answer is the live one meanwhile.
    assertThat(counts.emerging().series(c, "skills", 6, 0, 1))
        .isEqualTo(live.series(c, "skills", 6, 0, 1));
    counts.summarize(Progress.NONE);
    assertThat(counts.summary().series(c, 6, 0, 1))
        .get()
        .isEqualTo(live.series(c, "skills", 6, 0, 1));
  }
}
