package eu.skillsobservatory.analytics.offer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferGeneratorTest {
  static VacancyGenerator.SkillRef k(String id, boolean knowledge) {
    return new VacancyGenerator.SkillRef(
        "http://data.europa.eu/esco/skill/" + id, "skill " + id, knowledge);
  }

  static final List<VacancyGenerator.OccupationProfile> OCCUPATIONS =
      List.of(
          new VacancyGenerator.OccupationProfile(
              "http://data.europa.eu/esco/occupation/welder",
              "welder",
              List.of(),
              "",
              "7212",
              List.of(
                  k("weld", false),
                  k("cut", false),
                  k("grind", false),
                  k("read", false),
                  k("metals", true),
                  k("safety", true),
                  k("gas", true),
                  k("arc", false)),
              List.of()),
          new VacancyGenerator.OccupationProfile(
              "http://data.europa.eu/esco/occupation/dev",
              "software developer",
              List.of(),
              "",
              "2512",
              List.of(k("code", false), k("test", false), k("debug", false), k("java", true)),
              List.of()));
  static final List<EmploymentCell> EMPLOYMENT =
      List.of(
          new EmploymentCell("C", "7", "DE", 2024, 600, ""),
          new EmploymentCell("J", "2", "FR", 2024, 400, ""));

  List<Offer> run(long seed, OfferGenerator.Truth[] truth) {
    List<Offer> out = new ArrayList<>();
    truth[0] =
        new OfferGenerator(OCCUPATIONS, EMPLOYMENT)
            .generate(new OfferGenerator.Settings(500, seed, YearMonth.of(2025, 1)), out::add);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameCatalogue() {
    OfferGenerator.Truth[] t = new OfferGenerator.Truth[1];
    assertThat(run(3, t)).isEqualTo(run(3, t));
    assertThat(run(3, t)).isNotEqualTo(run(4, t));
  }

  @Test
  void noOfferTeachesAPlantedGapAndEveryOfferIsValid() {
    OfferGenerator.Truth[] t = new OfferGenerator.Truth[1];
    List<Offer> offers = run(9, t);
    assertThat(t[0].untaught())
        .containsOnlyKeys(
            "http://data.europa.eu/esco/occupation/welder",
            "http://data.europa.eu/esco/occupation/dev");
    // A quarter of the essential skills, at least one.
    assertThat(t[0].untaught().get("http://data.europa.eu/esco/occupation/welder")).hasSize(2);
    assertThat(t[0].untaught().get("http://data.europa.eu/esco/occupation/dev")).hasSize(1);
    Set<String> gaps = new HashSet<>();
    t[0].untaught().values().forEach(gaps::addAll);
    Set<String> taught = new HashSet<>();
    t[0].taught().values().forEach(taught::addAll);
    assertThat(taught).doesNotContainAnyElementsOf(gaps);
    int given = 0;
    for (Offer o : offers) {
      assertThat(o.outcomes()).hasSize(t[0].taught().get(o.key()).size());
      assertThat(Offer.MODES).contains(o.mode());
      assertThat(o.eqf()).isBetween(2, 5);
      assertThat(o.country()).isIn("DE", "FR");
      if (!o.skills().isEmpty()) {
        given++;
        assertThat(o.skills()).containsExactlyElementsOf(t[0].taught().get(o.key()));
      }
    }
    assertThat(given).isBetween(150, 250);
    // Knowledge is written as knowledge, skills as what the learner does.
    assertThat(offers)
        .flatExtracting(Offer::outcomes)
        .extracting(Offer.Outcome::text)
        .filteredOn(x -> x.contains("skill java"))
        .allMatch(x -> !x.contains("able to") && !x.contains("can "));
  }
}
