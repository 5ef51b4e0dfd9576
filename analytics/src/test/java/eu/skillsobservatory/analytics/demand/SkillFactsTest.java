package eu.skillsobservatory.analytics.demand;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The collections and skill groups ingest writes on each vacancy, from the ESCO version's facts.
 */
class SkillFactsTest {
  static final String ICT = "http://data.europa.eu/esco/skill/S5";
  static final String PYTHON = "http://data.europa.eu/esco/skill/python";
  static final String PANDAS = "http://data.europa.eu/esco/skill/pandas";
  static final String WELD = "http://data.europa.eu/esco/skill/weld";
  static final String TEAM = "http://data.europa.eu/esco/skill/team";

  static final InMemoryCatalog CATALOG =
      aCatalog()
          .group(ICT, "working with computers")
          .skillUnder(PYTHON, "Python", ICT)
          // A skill under a skill: its group is the nearest one up the links.
          .skillUnder(PANDAS, "pandas", PYTHON)
          .skill(WELD, "weld metal", "green")
          .skill(TEAM, "work in teams", "transversal", "digital")
          .build();

  @Test
  void aVacancysFacetsAreTheCollectionsAndNearestGroupsOfItsSkillsOnceEach() {
    SkillFacts facts = SkillFacts.read(CATALOG, CATALOG.resolve(Optional.empty()));
    SkillFacets f = facts.facetsOf(List.of(PANDAS, PYTHON, WELD, TEAM, "urn:not-in-esco"));
    assertThat(f.escoVersion()).isEqualTo(facts.version().toString());
    assertThat(f.collections()).containsExactly("digital", "green", "transversal");
    assertThat(f.groups()).containsExactly(ICT);
    assertThat(facts.facetsOf(List.of()).collections()).isEmpty();
    assertThat(facts.facetsOf(List.of(WELD)).groups()).isEmpty();
    // What demand counts a collection by is the same set the facets were taken from.
    assertThat(facts.collections().get("digital")).containsExactly(TEAM);
  }
}
