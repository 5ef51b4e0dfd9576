package eu.skillsobservatory.analytics.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The yearly rate against values worked out by hand. */
class PostingRateTest {
  static final Map<String, PostingRate.Employment> EMPLOYED =
      Map.of(
          "DE", new PostingRate.Employment(8_000, Set.of()),
          "FR", new PostingRate.Employment(2_000, Set.of("u")),
          "IT", new PostingRate.Employment(3_000, Set.of()));

  @Test
  void twentyFourMonthsOfTheSameYearlyVolumeGiveTheTwelveMonthRate() {
    PostingRate year = PostingRate.of(Map.of("DE", 4_000L), EMPLOYED, 12).orElseThrow();
    PostingRate twoYears = PostingRate.of(Map.of("DE", 8_000L), EMPLOYED, 24).orElseThrow();
    // 4,000 postings a year over 8,000 thousand employed: 0.5 per 1,000 per year.
    assertThat(year.perThousandPerYear()).isCloseTo(0.5, within(1e-12));
    assertThat(twoYears.perThousandPerYear()).isCloseTo(year.perThousandPerYear(), within(1e-12));
    // One month is scaled to a year, not divided by a year's employment as it is.
    PostingRate june = PostingRate.of(Map.of("DE", 400L), EMPLOYED, 1).orElseThrow();
    assertThat(june.perThousandPerYear()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void onlyTheCountriesThePostingsComeFromDivideThem() {
    // Italy has employment but no posting: its 3,000 thousand are not in the denominator.
    PostingRate r = PostingRate.of(Map.of("DE", 1_200L, "FR", 600L), EMPLOYED, 12).orElseThrow();
    assertThat(r.employedThousands()).isEqualTo(10_000);
    assertThat(r.perThousandPerYear()).isCloseTo(0.18, within(1e-12));
    assertThat(r.countries()).containsExactly("DE", "FR");
    assertThat(r.flags()).containsExactly("u");
  }

  @Test
  void postingsFromACountryWithoutEmploymentAreLeftOutAndCoverageSaysSo() {
    PostingRate r = PostingRate.of(Map.of("DE", 800L, "NO", 200L), EMPLOYED, 12).orElseThrow();
    assertThat(r.covered()).isEqualTo(800);
    assertThat(r.postings()).isEqualTo(1_000);
    assertThat(r.coverage()).isEqualTo(0.8);
    assertThat(r.perThousandPerYear()).isCloseTo(0.1, within(1e-12));
    assertThat(PostingRate.of(Map.of("NO", 5L), EMPLOYED, 12)).isEmpty();
    assertThatThrownBy(() -> PostingRate.of(Map.of(), EMPLOYED, 0)).hasMessageContaining("months");
  }
}
