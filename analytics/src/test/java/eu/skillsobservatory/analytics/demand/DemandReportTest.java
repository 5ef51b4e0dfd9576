package eu.skillsobservatory.analytics.demand;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.aPosting;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import eu.skillsobservatory.analytics.stats.Stats;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The demand report over in-memory postings: shares, intervals, collections, rates, groups. */
class DemandReportTest {
  static final String PYTHON = "http://data.europa.eu/esco/skill/python";
  static final String SQL = "http://data.europa.eu/esco/skill/sql";
  static final String WELD = "http://data.europa.eu/esco/skill/weld";
  static final String ICT = "http://data.europa.eu/esco/skill/S5";

  static final InMemoryCatalog CATALOG =
      aCatalog()
          .group(ICT, "working with computers")
          .skillUnder(PYTHON, "Python", ICT)
          .skillUnder(SQL, "SQL", ICT)
          .skill(WELD, "weld metal", "transversal")
          .build();

  static InMemoryPostings corpus() {
    return postings()
        .add(40, aPosting().withSkills(PYTHON))
        .add(10, aPosting().withSkills(SQL, WELD))
        .add(50, aPosting())
        .add(30, aPosting().withSkills(PYTHON).asDuplicate())
        .add(20, aPosting().in("FR").withSkills(WELD));
  }

  static DemandReport report(InMemoryPostings p, InMemoryEmployment e) {
    return new DemandReport(p, CATALOG, e);
  }

  @Test
  void aVersionLoadedAgainUnderTheSameNameIsReadAgain() {
    InMemoryCatalog[] now = {CATALOG};
    SkillCatalog reloadable =
        (SkillCatalog)
            Proxy.newProxyInstance(
                SkillCatalog.class.getClassLoader(),
                new Class<?>[] {SkillCatalog.class},
                (proxy, method, args) -> method.invoke(now[0], args));
    DemandReport r = new DemandReport(corpus(), reloadable, InMemoryEmployment.employment());
    assertThat(r.label(WELD)).isEqualTo("weld metal");
    now[0] =
        aCatalog()
            .group(ICT, "working with computers")
            .skill(WELD, "weld steel", "transversal")
            .loadedAt(Instant.parse("2026-12-05T00:00:00Z"))
            .build();
    assertThat(r.label(WELD)).isEqualTo("weld steel");
    assertThat(r.label(PYTHON)).isEmpty();
  }

  @Test
  void aSkillsShareIsOfThePostingsOfTheSliceWithItsWilsonInterval() {
    DemandReport.Demand d =
        report(corpus(), InMemoryEmployment.employment())
            .demand(Slice.of("C", null, "DE", null, null, null, false), Optional.empty(), 10);
    DemandReport.Group all = d.groups().get(0);
    assertThat(all.postings()).isEqualTo(100); // duplicates left out
    DemandReport.SkillDemand python = all.skills().get(0);
    assertThat(python.uri()).isEqualTo(PYTHON);
    assertThat(python.label()).isEqualTo("Python");
    assertThat(python.share()).isEqualTo(0.4);
    Stats.Interval ci = Stats.wilson(40, 100, Stats.Z95);
    assertThat(python.low()).isCloseTo(ci.low(), Offset.offset(1e-4));
    assertThat(python.high()).isCloseTo(ci.high(), Offset.offset(1e-4));
    assertThat(all.collections().get("transversal").share()).isEqualTo(0.1);
    assertThat(all.withoutSkills()).isEqualTo(50);
    assertThat(all.skillCoverage()).isEqualTo(0.5);
    assertThat(d.synthetic()).isFalse();
  }

  @Test
  void postingsPerThousandEmployedScaleTheMonthsOfDataToAYear() {
    InMemoryEmployment employed =
        InMemoryEmployment.employment(
            new EmploymentCell("C", "2", "DE", 2024, 500, ""),
            new EmploymentCell("C", "3", "DE", 2024, 500, ""));
    DemandReport.Group all =
        report(corpus(), employed)
            .demand(Slice.of("C", null, "DE", null, null, null, false), Optional.empty(), 10)
            .groups()
            .get(0);
    // 100 postings in one month of data: 1,200 a year, over 1,000 thousand employed.
    assertThat(all.postingsPer1000Employed()).isEqualTo(1.2);
    assertThat(all.employmentYear()).isEqualTo(2024);
    assertThat(all.employmentCoverage()).isEqualTo(1.0);
  }

  @Test
  void groupedByCountryEachGroupHasItsOwnShares() {
    DemandReport.Demand d =
        report(corpus(), InMemoryEmployment.employment())
            .demand(Slice.ALL, Optional.of(GroupBy.COUNTRY), 10);
    assertThat(d.groups()).extracting(DemandReport.Group::group).containsExactly("DE", "FR");
    assertThat(d.groups().get(1).skills().get(0).share()).isEqualTo(1.0);
  }

  @Test
  void atTheGroupLevelAGroupCountsPostingsMentioningAnyOfItsSkills() {
    DemandReport.Demand d =
        report(corpus(), InMemoryEmployment.employment())
            .demand(
                Slice.of(null, null, "DE", null, null, null, false),
                Optional.empty(),
                10,
                DemandLevel.GROUP);
    DemandReport.SkillDemand ict = d.groups().get(0).skills().get(0);
    assertThat(ict.uri()).isEqualTo(ICT);
    assertThat(ict.postings()).isEqualTo(50); // 40 with Python, 10 with SQL
    assertThat(d.level()).isEqualTo("group");
  }

  @Test
  void aMonthsGroupHasARateOverOneMonth() {
    InMemoryPostings p =
        postings()
            .add(10, aPosting().postedIn(YearMonth.of(2024, 1)).withSkills(PYTHON))
            .add(30, aPosting().postedIn(YearMonth.of(2024, 2)).withSkills(PYTHON));
    InMemoryEmployment employed =
        InMemoryEmployment.employment(new EmploymentCell("C", "2", "DE", 2024, 1000, ""));
    DemandReport.Demand d =
        report(p, employed)
            .demand(
                Slice.of("C", null, "DE", null, null, null, false), Optional.of(GroupBy.MONTH), 10);
    assertThat(d.groups())
        .extracting(DemandReport.Group::group)
        .containsExactly("2024-02", "2024-01");
    assertThat(d.groups().get(0).postingsPer1000Employed()).isEqualTo(0.36);
    assertThat(d.groups().get(1).postingsPer1000Employed()).isEqualTo(0.12);
  }

  @Test
  void aDatasetsRateCountsItsOwnPostingsOverItsOwnMonths() {
    InMemoryPostings p =
        postings()
            .add(10, aPosting().inDataset("a", false).postedIn(YearMonth.of(2024, 1)))
            .add(10, aPosting().inDataset("b", false).postedIn(YearMonth.of(2024, 1)))
            .add(10, aPosting().inDataset("b", false).postedIn(YearMonth.of(2024, 2)))
            .add(10, aPosting().inDataset("b", false).postedIn(YearMonth.of(2024, 3)))
            .add(10, aPosting().inDataset("b", false).postedIn(YearMonth.of(2024, 4)));
    InMemoryEmployment employed =
        InMemoryEmployment.employment(new EmploymentCell("C", "2", "DE", 2024, 1000, ""));
    Slice a = Slice.of("C", null, null, null, null, null, false).withDataset("a");
    DemandReport.Demand d = report(p, employed).demand(a, Optional.of(GroupBy.COUNTRY), 10);
    // 10 postings in 1 month of data set "a": 120 a year over 1,000 thousand employed.
    assertThat(d.groups().get(0).postings()).isEqualTo(10);
    assertThat(d.groups().get(0).postingsPer1000Employed()).isEqualTo(0.12);
  }

  @Test
  void anUnknownGroupingOrLevelIsRefusedByName() {
    DemandReport r = report(corpus(), InMemoryEmployment.employment());
    assertThatThrownBy(() -> GroupBy.parse("planet"))
        .hasMessageContaining("groupBy: one of country, isco, month, occupation, region, sector");
    assertThatThrownBy(() -> DemandLevel.parse("galaxy")).hasMessageContaining("level");
    assertThat(GroupBy.parse("Country")).isEqualTo(GroupBy.COUNTRY);
    assertThatThrownBy(() -> r.demand(Slice.ALL, Optional.empty(), 0))
        .hasMessageContaining("limit");
  }
}
