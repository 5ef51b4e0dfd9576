package eu.skillsobservatory.analytics.demand;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.aPosting;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import org.junit.jupiter.api.Test;

/** Skills that go together, over in-memory postings. */
class SkillRelationsTest {
  static final String PYTHON = "http://data.europa.eu/esco/skill/python";
  static final String SQL = "http://data.europa.eu/esco/skill/sql";
  static final String WELD = "http://data.europa.eu/esco/skill/weld";

  @Test
  void liftIsHowMuchMoreOftenTwoSkillsMeetThanIfIndependent() {
    InMemoryCatalog catalog =
        aCatalog().skill(PYTHON, "Python").skill(SQL, "SQL").skill(WELD, "weld metal").build();
    InMemoryPostings p =
        postings()
            .add(20, aPosting().withSkills(PYTHON, SQL))
            .add(20, aPosting().withSkills(PYTHON, WELD))
            .add(60, aPosting().withSkills(WELD));
    DemandReport demand = new DemandReport(p, catalog, InMemoryEmployment.employment());
    SkillRelations.CoOccurrence c =
        new SkillRelations(p, demand, catalog).coOccurrence(Slice.ALL, PYTHON, 1, 10);
    assertThat(c.postings()).isEqualTo(100);
    assertThat(c.withSkill()).isEqualTo(40);
    // SQL: 20 * 100 / (40 * 20) = 2.5; weld: 20 * 100 / (40 * 80) = 0.625
    assertThat(c.skills()).extracting(SkillRelations.Related::uri).containsExactly(SQL, WELD);
    assertThat(c.skills().get(0).lift()).isEqualTo(2.5);
    assertThat(c.skills().get(0).label()).isEqualTo("SQL");
    assertThat(c.skills().get(1).lift()).isEqualTo(0.625);
  }
}
