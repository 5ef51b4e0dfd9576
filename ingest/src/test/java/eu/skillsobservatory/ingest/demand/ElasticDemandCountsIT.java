package eu.skillsobservatory.ingest.demand;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demand counts from Elasticsearch aggregations against the same counts made by brute force over
 * the records written, for several slices.
 */
@ExtendWith(EmbeddedNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticDemandCountsIT {
  static final String[] SECTORS = {"C", "J", "F", "Q"};
  static final String[] COUNTRIES = {"DE", "FR", "GR", "PL"};
  static final String[] REGIONS = {"DE21", "DE30", "FR10", null};
  static final String[] ISCO = {"2512", "7212", "2221", "3313", null};

  final List<VacancyRecord> written = new ArrayList<>();
  DemandCounts aggregations;

  static String skill(int i) {
    return "http://data.europa.eu/esco/skill/s" + i;
  }

  @BeforeAll
  void writeACorpus(SearchConnection es) throws Exception {
    es.client().indices().delete(d -> d.index("vacancies-v1").ignoreUnavailable(true));
    Random r = new Random(42);
    VacancyStore index = VacancyStores.vacancies(es);
    try (VacancyStore.Writer w = index.writer(null, false)) {
      for (int i = 0; i < 1_500; i++) {
        String sector = SECTORS[r.nextInt(SECTORS.length)];
        String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
        String region = country.equals("DE") || country.equals("FR") ? REGIONS[r.nextInt(4)] : null;
        if (region != null && !region.startsWith(country)) {
          region = null;
        }
        String isco = ISCO[r.nextInt(ISCO.length)];
        LocalDate posted = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(730));
        List<SkillEvidence> skills = new ArrayList<>();
        int n = r.nextInt(6);
        for (int k = 0; k < n; k++) {
          // Skewed: low numbers are common.
          String uri = skill((int) Math.abs(r.nextGaussian() * 8));
          if (skills.stream().noneMatch(e -> e.uri().equals(uri))) {
            skills.add(
                r.nextBoolean()
                    ? SkillEvidence.given(uri)
                    : new SkillEvidence(uri, "extracted", 0.9, "description", 0, 3));
          }
        }
        String nace = r.nextBoolean() ? sector : divisionOf(sector, r);
        boolean inSet = skills.stream().anyMatch(e -> SET.contains(e.uri()));
        // Facets as ingest writes them: of the current version (in sector Q always, and there
        // also claiming the set for postings naming only skill 1, to tell the facet from the
        // skills), of an older version (claiming the set always: to be ignored), or none.
        SkillFacets facets =
            switch (sector.equals("Q") ? 0 : r.nextInt(3)) {
              case 0 ->
                  new SkillFacets(
                      VERSION,
                      inSet || skills.stream().anyMatch(e -> e.uri().equals(skill(1)))
                          ? List.of("some")
                          : List.of(),
                      List.of());
              case 1 -> new SkillFacets("v0", List.of("some"), List.of());
              default -> null;
            };
        String source = "src" + r.nextInt(3);
        String employer = r.nextInt(10) == 0 ? null : "Employer " + r.nextInt(20);
        VacancyRecord rec =
            vacancy(source, "v" + i)
                .posted(posted)
                .country(country)
                .region(region)
                .sector(nace)
                .occupation(isco)
                .employer(employer)
                .isco(isco)
                .evidence(skills)
                .duplicateOf(r.nextInt(10) == 0 ? "src/v0" : null)
                .ingest("it")
                .facets(facets)
                .record();
        written.add(rec);
        w.write(rec);
      }
    }
    aggregations = DemandStore.counts(es);
  }

  static String divisionOf(String section, Random r) {
    return switch (section) {
      case "C" -> r.nextBoolean() ? "25" : "C10.5";
      case "J" -> "62";
      case "F" -> "F41";
      default -> "86.1";
    };
  }

  static String sectionOf(String nace) {
    return eu.skillsobservatory.analytics.vacancy.Nace.section(nace);
  }

  /** The brute-force answer: postings and postings per skill among the records that match. */
  Map<String, Long> expected(Predicate<VacancyRecord> in) {
    Map<String, Long> counts = new HashMap<>();
    long postings = 0;
    for (VacancyRecord r : written) {
      if (!in.test(r)) {
        continue;
      }
      postings++;
      r.skills().stream()
          .map(SkillEvidence::uri)
          .distinct()
          .forEach(u -> counts.merge(u, 1L, Long::sum));
    }
    counts.put("", postings);
    return counts;
  }

  void assertSame(Slice slice, Predicate<VacancyRecord> in) {
    Map<String, Long> expected = expected(in);
    DemandCounts.Counts c = aggregations.counts(slice, Optional.empty(), 10, 100, Map.of()).get(0);
    assertThat(c.postings()).as("postings of %s", slice).isEqualTo(expected.get(""));
    Map<String, Long> got =
        c.skills().stream()
            .collect(Collectors.toMap(DemandCounts.Count::key, DemandCounts.Count::count));
    expected.remove("");
    assertThat(got).as("skills of %s", slice).isEqualTo(expected);
  }

  static boolean original(VacancyRecord r) {
    return r.duplicateOf() == null;
  }

  @Test
  void slicesCountExactlyWhatBruteForceCounts() {
    assertSame(Slice.ALL, ElasticDemandCountsIT::original);
    assertSame(
        Slice.of("C", null, null, null, null, null, false),
        r -> original(r) && "C".equals(sectionOf(r.vacancy().nace())));
    assertSame(
        Slice.of("25", null, null, null, null, null, false),
        r -> original(r) && "25".equals(r.vacancy().nace()));
    assertSame(
        Slice.of("J", "2", "DE", null, "2023-06", "2024-03", false),
        r ->
            original(r)
                && "J".equals(sectionOf(r.vacancy().nace()))
                && r.iscoCode() != null
                && r.iscoCode().startsWith("2")
                && r.vacancy().country().equals("DE")
                && !YearMonth.from(r.vacancy().posted()).isBefore(YearMonth.of(2023, 6))
                && !YearMonth.from(r.vacancy().posted()).isAfter(YearMonth.of(2024, 3)));
    assertSame(
        Slice.of(null, "2512", null, "DE2", null, null, false),
        r ->
            original(r)
                && "2512".equals(r.iscoCode())
                && r.vacancy().region() != null
                && r.vacancy().region().startsWith("DE2"));
    // Greece under its Eurostat code too; duplicates included on request.
    assertSame(
        Slice.of(null, null, "EL", null, null, null, true),
        r -> r.vacancy().country().equals("GR"));
  }

  static final Set<String> SET = Set.of(skill(0), skill(3));
  static final String VERSION = "v1";
  static final DemandCounts.SkillSet SOME =
      new DemandCounts.SkillSet(DemandCounts.Facet.COLLECTION, "some", VERSION, SET);

  /**
   * Whether a posting counts for the set: by its facets where they are of the set's version, else
   * by its skills.
   */
  static boolean inSome(VacancyRecord r) {
    if (r.facets() != null && r.facets().escoVersion().equals(VERSION)) {
      return r.facets().collections().contains("some");
    }
    return r.skills().stream().anyMatch(e -> SET.contains(e.uri()));
  }

  @Test
  void groupsAndSkillSetsCountPerGroup() {
    // Vacancies with facets of other versions, or none, in the slice: facets and skills both.
    List<DemandCounts.Counts> bySector =
        aggregations.counts(Slice.ALL, Optional.of("sector"), 10, 5, Map.of("some", SOME));
    assertThat(bySector).hasSize(SECTORS.length);
    for (DemandCounts.Counts g : bySector) {
      Predicate<VacancyRecord> in =
          r -> original(r) && g.group().equals(sectionOf(r.vacancy().nace()));
      assertThat(g.postings()).isEqualTo(expected(in).get(""));
      long any = written.stream().filter(in).filter(ElasticDemandCountsIT::inSome).count();
      assertThat(g.mentioningAny()).containsEntry("some", any);
      assertThat(g.skills()).hasSizeLessThanOrEqualTo(5);
    }
  }

  @Test
  void aSliceWhoseVacanciesAllCarryFacetsIsCountedByThem() {
    Slice q = Slice.of("Q", null, null, null, null, null, false);
    Predicate<VacancyRecord> in = r -> original(r) && "Q".equals(sectionOf(r.vacancy().nace()));
    long byFacet = written.stream().filter(in).filter(ElasticDemandCountsIT::inSome).count();
    long bySkills =
        written.stream()
            .filter(in)
            .filter(r -> r.skills().stream().anyMatch(e -> SET.contains(e.uri())))
            .count();
    assertThat(byFacet).isGreaterThan(bySkills);
    var counts = aggregations.counts(q, Optional.empty(), 1, 5, Map.of("some", SOME));
    assertThat(counts.get(0).mentioningAny()).containsEntry("some", byFacet);
  }

  @Test
  void emergingCountsAreExactlyWhatBruteForceCounts() {
    Slice slice = Slice.of("C", null, null, null, null, null, false);
    Predicate<VacancyRecord> in = r -> original(r) && "C".equals(sectionOf(r.vacancy().nace()));
    EmergingCounts counts = aggregations.emerging();
    var series = counts.series(slice, "skills", 6, 0, 3);
    Map<String, Map<YearMonth, Long>> postings = new HashMap<>();
    Map<String, Map<String, Map<YearMonth, Long>>> skills = new HashMap<>();
    for (VacancyRecord r : written) {
      if (!in.test(r)) {
        continue;
      }
      YearMonth m = YearMonth.from(r.vacancy().posted());
      String source = r.vacancy().source();
      postings.computeIfAbsent(source, k -> new TreeMap<>()).merge(m, 1L, Long::sum);
      r.skills().stream()
          .map(SkillEvidence::uri)
          .distinct()
          .forEach(
              u ->
                  skills
                      .computeIfAbsent(u, k -> new HashMap<>())
                      .computeIfAbsent(source, k -> new HashMap<>())
                      .merge(m, 1L, Long::sum));
    }
    assertThat(series.postings()).isEqualTo(postings);
    for (var e : skills.entrySet()) {
      long total =
          e.getValue().values().stream()
              .flatMap(x -> x.values().stream())
              .mapToLong(Long::longValue)
              .sum();
      if (total >= 3) {
        assertThat(series.skills().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      } else {
        assertThat(series.skills()).doesNotContainKey(e.getKey());
      }
    }
    Map<YearMonth, Set<LocalDate>> days = new HashMap<>();
    written.forEach(
        r ->
            days.computeIfAbsent(YearMonth.from(r.vacancy().posted()), k -> new HashSet<>())
                .add(r.vacancy().posted()));
    days.forEach(
        (m, d) -> assertThat(series.days().get(m)).as("days of %s", m).isEqualTo(d.size()));

    // The employers of a skill's recent mentions, and its counts without the top one.
    var settings = new Emerging.Settings(3, 0, 3, 1.0, 0.5);
    Emerging.Report report = Emerging.run(series, settings);
    String skill =
        report.testedResults().stream()
            .max(Comparator.comparingLong(Emerging.Result::recent))
            .orElseThrow()
            .uri();
    Predicate<VacancyRecord> recent =
        r ->
            in.test(r)
                && !YearMonth.from(r.vacancy().posted()).isBefore(report.recentFrom())
                && !YearMonth.from(r.vacancy().posted())
                    .isAfter(report.months().get(report.months().size() - 1));
    Map<String, Long> employers = new HashMap<>();
    written.stream()
        .filter(recent)
        .filter(r -> r.skills().stream().anyMatch(k -> k.uri().equals(skill)))
        .filter(r -> r.vacancy().employer() != null)
        .forEach(r -> employers.merge(r.vacancy().employer(), 1L, Long::sum));
    var found = counts.employers(slice, "skills", List.of(skill), report).get(skill);
    assertThat(found.distinct()).isEqualTo(employers.size());
    assertThat(found.topMentions()).isEqualTo(Collections.max(employers.values()));
    assertThat(employers.get(found.top())).isEqualTo(found.topMentions());
    // The slice's postings of both windows without the top employer's.
    Predicate<VacancyRecord> withoutTopEmployer =
        r ->
            in.test(r)
                && !found.top().equals(r.vacancy().employer())
                && !YearMonth.from(r.vacancy().posted()).isBefore(report.baselineFrom())
                && !YearMonth.from(r.vacancy().posted())
                    .isAfter(report.months().get(report.months().size() - 1));
    long withoutTop = written.stream().filter(withoutTopEmployer).count();
    assertThat(found.withoutTop().total().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(withoutTop);
    long mentionsWithoutTop =
        written.stream()
            .filter(withoutTopEmployer)
            .filter(r -> r.skills().stream().anyMatch(k -> k.uri().equals(skill)))
            .count();
    assertThat(
            found.withoutTop().skills().get(skill).values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum())
        .isEqualTo(mentionsWithoutTop);
    // Without another skill: postings and mentions in both windows.
    String other = skill(0);
    long[] c = counts.without(slice, "skills", other, skill, report);
    long recentWithout =
        written.stream()
            .filter(recent)
            .filter(r -> r.skills().stream().noneMatch(k -> k.uri().equals(other)))
            .count();
    assertThat(c[1]).isEqualTo(recentWithout);
  }

  @Test
  void emergingCountsReadInManyRequestsSideBySideAreTheSame() {
    Slice slice = Slice.of("C", null, null, null, null, null, false);
    EmergingCounts whole = aggregations.emerging();
    // One bucket a request: every candidate's series is a request of its own.
    EmergingCounts apart = new ElasticEmergingCounts((ElasticDemandCounts) aggregations, 1, false);

    var series = whole.series(slice, "skills", 6, 0, 3);
    assertThat(series.skills()).hasSizeGreaterThan(10);
    assertThat(apart.series(slice, "skills", 6, 0, 3)).isEqualTo(series);
    // A limited baseline: the candidates are those of the last 4 months.
    var limited = apart.series(slice, "skills", 2, 2, 3);
    YearMonth last = series.total().lastKey();
    Map<String, Long> inWindow = new HashMap<>();
    series
        .skills()
        .forEach(
            (skill, bySource) ->
                bySource.values().stream()
                    .flatMap(m -> m.entrySet().stream())
                    .filter(e -> !e.getKey().isBefore(last.minusMonths(4)))
                    .forEach(e -> inWindow.merge(skill, e.getValue(), Long::sum)));
    inWindow.values().removeIf(n -> n < 3);
    assertThat(limited.skills().keySet()).isEqualTo(inWindow.keySet());
    assertThat(limited.skills())
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(series.skills().get(k)));

    // The employers of several skills, read side by side, as each alone.
    Emerging.Report report = Emerging.run(series, new Emerging.Settings(3, 0, 3, 1.0, 0.5));
    List<String> skills =
        report.testedResults().stream().limit(6).map(Emerging.Result::uri).toList();
    var together = apart.employers(slice, "skills", skills, report);
    assertThat(together.keySet()).containsExactlyElementsOf(skills);
    for (String skill : skills) {
      assertThat(together.get(skill))
          .isEqualTo(whole.employers(slice, "skills", List.of(skill), report).get(skill));
    }
  }

  @Test
  void coOccurrenceCountsExactlyWhatBruteForceCounts() {
    String a = skill(0);
    Slice slice = Slice.of(null, null, "DE", null, null, null, false);
    Predicate<VacancyRecord> in = r -> original(r) && r.vacancy().country().equals("DE");
    var c = aggregations.coOccurrence(slice, a, 2, 50);
    long postings = written.stream().filter(in).count();
    long withA =
        written.stream()
            .filter(in)
            .filter(r -> r.skills().stream().anyMatch(e -> e.uri().equals(a)))
            .count();
    assertThat(c.postings()).isEqualTo(postings);
    assertThat(c.withSkill()).isEqualTo(withA);
    assertThat(c.pairs()).isNotEmpty();
    for (DemandCounts.Pair p : c.pairs()) {
      long both =
          written.stream()
              .filter(in)
              .filter(r -> r.skills().stream().anyMatch(e -> e.uri().equals(a)))
              .filter(r -> r.skills().stream().anyMatch(e -> e.uri().equals(p.other())))
              .count();
      long withOther =
          written.stream()
              .filter(in)
              .filter(r -> r.skills().stream().anyMatch(e -> e.uri().equals(p.other())))
              .count();
      assertThat(p.both()).as(p.other()).isEqualTo(both).isGreaterThanOrEqualTo(2);
      assertThat(p.withOther()).as(p.other()).isEqualTo(withOther);
      assertThat(p.other()).isNotEqualTo(a);
    }
  }
}
