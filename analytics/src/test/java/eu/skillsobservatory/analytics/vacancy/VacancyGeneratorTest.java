package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VacancyGeneratorTest {
  static VacancyGenerator.SkillRef k(String id) {
    return new VacancyGenerator.SkillRef("http://data.europa.eu/esco/skill/" + id, "skill " + id);
  }

  static final List<VacancyGenerator.OccupationProfile> OCCUPATIONS =
      List.of(
          new VacancyGenerator.OccupationProfile(
              "http://data.europa.eu/esco/occupation/welder",
              "welder",
              List.of("welding operator"),
              "Welders weld. More.",
              "7212",
              List.of(k("weld"), k("cut"), k("grind"), k("read")),
              List.of(k("solder"))),
          new VacancyGenerator.OccupationProfile(
              "http://data.europa.eu/esco/occupation/dev",
              "software developer",
              List.of(),
              "Developers write code.",
              "2512",
              List.of(k("code"), k("test"), k("debug")),
              List.of(k("cloud"), k("ml"))));
  static final List<EmploymentCell> EMPLOYMENT =
      List.of(
          new EmploymentCell("C", "7", "DE", 2024, 900, ""),
          new EmploymentCell("J", "2", "DE", 2024, 100, ""),
          new EmploymentCell("C", "7", "DE", 2023, 5, ""));

  List<Vacancy> run(long seed, int n, VacancyGenerator.Truth[] truth) {
    List<Vacancy> out = new ArrayList<>();
    truth[0] =
        new VacancyGenerator(OCCUPATIONS, EMPLOYMENT)
            .generate(new VacancyGenerator.Settings(n, seed, YearMonth.of(2023, 1), 12), out::add);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameCorpus() {
    VacancyGenerator.Truth[] t = new VacancyGenerator.Truth[1];
    assertThat(run(5, 300, t)).isEqualTo(run(5, 300, t));
    assertThat(run(5, 300, t)).isNotEqualTo(run(6, 300, t));
  }

  @Test
  void rowsFollowEmploymentAndOccupationsAndEveryPlantedRepostIsThere() {
    VacancyGenerator.Truth[] t = new VacancyGenerator.Truth[1];
    List<Vacancy> rows = run(1, 5000, t);
    assertThat(rows).hasSize(5000);
    Map<String, Vacancy> byKey = new HashMap<>();
    rows.forEach(v -> byKey.put(v.source() + "/" + v.id(), v));
    assertThat(byKey).hasSize(5000);
    long manufacturing = rows.stream().filter(v -> v.nace().equals("C")).count();
    assertThat(manufacturing / 5000.0).isBetween(0.85, 0.95); // 900 of 1,000 thousand
    assertThat(t[0].duplicates()).isEqualTo(t[0].duplicateOf().size()).isBetween(300, 500);
    t[0].duplicateOf()
        .forEach(
            (copy, original) -> {
              Vacancy c = byKey.get(copy);
              Vacancy o = byKey.get(original);
              assertThat(o).isNotNull();
              assertThat(c.source()).isNotEqualTo(o.source());
              assertThat(c.country()).isEqualTo(o.country());
            });
    Set<String> welderSkills = new HashSet<>();
    OCCUPATIONS.get(0).essential().forEach(s -> welderSkills.add(s.uri()));
    OCCUPATIONS.get(0).optional().forEach(s -> welderSkills.add(s.uri()));
    t[0].emerging().forEach(e -> welderSkills.add(e.uri()));
    rows.stream()
        .filter(v -> v.title().startsWith("welder") && !v.skills().isEmpty())
        .forEach(v -> assertThat(welderSkills).containsAll(v.skills()));
    assertThat(t[0].note()).contains("Synthetic");
  }
}
