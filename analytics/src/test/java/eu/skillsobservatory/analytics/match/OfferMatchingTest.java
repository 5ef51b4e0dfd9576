package eu.skillsobservatory.analytics.match;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryOffers.anOffer;
import static eu.skillsobservatory.analytics.fixtures.InMemoryOffers.offers;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryOffers;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching offers to a gap given as skills, over in-memory offers. */
class OfferMatchingTest {
  static final String A = "http://data.europa.eu/esco/skill/a";
  static final String B = "http://data.europa.eu/esco/skill/b";
  static final String C = "http://data.europa.eu/esco/skill/c";

  static final InMemoryCatalog CATALOG =
      aCatalog().skill(A, "skill a").skill(B, "skill b").skill(C, "skill c").build();

  static OfferMatching matching(InMemoryOffers offers) {
    InMemoryPostings none = postings();
    DemandReport demand = new DemandReport(none, CATALOG, InMemoryEmployment.employment());
    EmergingReport emerging = new EmergingReport(none, demand, CATALOG, WordForms.NONE);
    GapAnalysis gaps = new GapAnalysis(demand, emerging, CATALOG, offers, none);
    return new OfferMatching(gaps, demand, offers);
  }

  static Map<String, Double> gap() {
    Map<String, Double> gap = new LinkedHashMap<>();
    gap.put(A, 1.0);
    gap.put(B, 1.0);
    gap.put(C, 1.0);
    return gap;
  }

  @Test
  void underABudgetTheOffersThatCoverMostAreChosenAndUnpricedOnesListedApart() {
    InMemoryOffers offers =
        offers()
            .add(anOffer("ab").teaching(A, B).costing(100))
            .add(anOffer("c").teaching(C).costing(50))
            .add(anOffer("abc").teaching(A, B, C).costing(400))
            .add(anOffer("free?").teaching(A, B, C));
    OfferMatching.Match m =
        matching(offers)
            .forSkills(
                gap(), OfferFilter.ANY, 5, Optional.of(150.0), BudgetOn.COST, Optional.empty(), 10);
    assertThat(m.picks()).extracting(p -> p.offer().id()).containsExactlyInAnyOrder("ab", "c");
    assertThat(m.coveredShare()).isEqualTo(1.0);
    assertThat(m.spent()).isEqualTo(150.0);
    assertThat(m.unpriced()).extracting(r -> r.offer().id()).containsExactly("free?");
    assertThat(m.gap())
        .extracting(OfferMatching.Weighted::label)
        .containsExactly("skill a", "skill b", "skill c");
  }

  @Test
  void withoutABudgetAtMostTheAskedNumberOfOffersIsChosen() {
    InMemoryOffers offers =
        offers()
            .add(anOffer("a").teaching(A).costing(10))
            .add(anOffer("b").teaching(B).costing(10))
            .add(anOffer("c").teaching(C).costing(10));
    OfferMatching.Match m =
        matching(offers)
            .forSkills(
                gap(), OfferFilter.ANY, 2, Optional.empty(), BudgetOn.COST, Optional.empty(), 10);
    assertThat(m.picks()).hasSize(2);
    assertThat(m.coveredShare()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void aGapThatNamesNoEscoSkillIsRefused() {
    OfferMatching m = matching(offers());
    assertThatThrownBy(
            () ->
                m.forSkills(
                    Map.of("python", 1.0),
                    OfferFilter.ANY,
                    5,
                    Optional.empty(),
                    BudgetOn.COST,
                    Optional.empty(),
                    10))
        .hasMessageContaining("not an ESCO skill URI");
    assertThatThrownBy(() -> BudgetOn.parse("euros")).hasMessageContaining("budgetOn");
    assertThat(BudgetOn.parse(" Hours")).isEqualTo(BudgetOn.HOURS);
  }
}
