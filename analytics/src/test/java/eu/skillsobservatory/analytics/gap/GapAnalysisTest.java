package eu.skillsobservatory.analytics.gap;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryOffers.anOffer;
import static eu.skillsobservatory.analytics.fixtures.InMemoryOffers.offers;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.aPosting;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryOffers;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import org.junit.jupiter.api.Test;

/** Gaps over in-memory postings and offers: demand weighed against what is taught. */
class GapAnalysisTest {
  static final String PYTHON = "http://data.europa.eu/esco/skill/python";
  static final String SQL = "http://data.europa.eu/esco/skill/sql";
  static final String WELD = "http://data.europa.eu/esco/skill/weld";
  static final String DEV = "http://data.europa.eu/esco/occupation/dev";

  static final InMemoryCatalog CATALOG =
      aCatalog()
          .skill(PYTHON, "Python")
          .skill(SQL, "SQL")
          .skill(WELD, "weld metal")
          .occupation(DEV, "software developer", PYTHON, SQL)
          .build();

  static final InMemoryPostings POSTINGS =
      postings()
          .add(40, aPosting().forOccupation(DEV, "2512").withSkills(PYTHON))
          .add(10, aPosting().withSkills(WELD))
          .add(50, aPosting());

  static GapAnalysis gaps(InMemoryOffers offers) {
    DemandReport demand = new DemandReport(POSTINGS, CATALOG, InMemoryEmployment.employment());
    EmergingReport emerging = new EmergingReport(POSTINGS, demand, CATALOG, WordForms.NONE);
    return new GapAnalysis(demand, emerging, CATALOG, offers, POSTINGS);
  }

  @Test
  void aSkillNobodyTeachesOutranksAMoreDemandedSkillThatManyTeach() {
    InMemoryOffers taught =
        offers()
            .add(anOffer("1").teaching(PYTHON))
            .add(anOffer("2").teaching(PYTHON))
            .add(anOffer("3").teaching(PYTHON))
            .add(anOffer("4").teaching(PYTHON));
    GapAnalysis.Gaps g = gaps(taught).gaps(Slice.ALL, OfferFilter.ANY, 10, 5, false);
    // weld: 0.1 / (1 + 0) = 0.1; Python: 0.4 / (1 + 4) = 0.08
    assertThat(g.skills()).extracting(GapAnalysis.GapSkill::uri).containsExactly(WELD, PYTHON);
    assertThat(g.skills().get(0).gapScore()).isEqualTo(0.1);
    assertThat(g.skills().get(1).gapScore()).isEqualTo(0.08);
    assertThat(g.skills().get(1).offers()).isEqualTo(4);
    assertThat(g.offersInScope()).isEqualTo(4);
  }

  @Test
  void theEssentialSkillsOfTheMostDemandedOccupationsThatNoOfferTeachesAreListed() {
    GapAnalysis.Gaps g =
        gaps(offers().add(anOffer("1").teaching(PYTHON)))
            .gaps(Slice.ALL, OfferFilter.ANY, 10, 5, false);
    GapAnalysis.OccupationGap dev = g.occupations().get(0);
    assertThat(dev.uri()).isEqualTo(DEV);
    assertThat(dev.postings()).isEqualTo(40);
    assertThat(dev.untaught()).containsExactly(new ConceptRef(SQL, "SQL"));
  }

  @Test
  void offersElsewhereAreOutOfTheSlicesScope() {
    GapAnalysis.Gaps g =
        gaps(offers().add(anOffer("1").teaching(WELD).in("FR")))
            .gaps(
                Slice.of(null, null, "DE", null, null, null, false), OfferFilter.ANY, 10, 0, false);
    assertThat(g.offersInScope()).isZero();
    assertThat(g.skills()).allSatisfy(k -> assertThat(k.offers()).isZero());
  }
}
