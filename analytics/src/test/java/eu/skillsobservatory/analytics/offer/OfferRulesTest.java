package eu.skillsobservatory.analytics.offer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.match.GapScore;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferRulesTest {
  static final String SKILL = "http://data.europa.eu/esco/skill/abc";

  static Map<String, String> valid() {
    Map<String, String> f = new HashMap<>();
    f.put("id", "c1");
    f.put("title", "Welding basics");
    f.put("country", "gr");
    f.put("eqf", "3");
    f.put("mode", "Face-to-face");
    f.put("hours", "40,5");
    f.put("cost", "300");
    return f;
  }

  static OfferRules.Result apply(Map<String, String> f, Map<String, List<String>> lists) {
    return OfferRules.apply(f, lists, null, "catalogue", 7, "rows");
  }

  @Test
  void aValidRowIsNormalised() {
    OfferRules.Result r =
        apply(
            valid(),
            Map.of(
                "start", List.of("2025-09-01", "2025-09-01", "2026-01-10"),
                "outcomes", List.of("Weld steel.", " "),
                "skills", List.of(SKILL, SKILL)));
    assertThat(r.problems()).isEmpty();
    Offer o = r.offer();
    assertThat(o.source()).isEqualTo("catalogue");
    assertThat(o.country()).isEqualTo("EL");
    assertThat(o.mode()).isEqualTo("classroom");
    assertThat(o.hours()).isEqualTo(40.5);
    assertThat(o.currency()).isEqualTo("EUR");
    assertThat(o.startDates()).containsExactly(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 10));
    assertThat(o.outcomes()).extracting(Offer.Outcome::text).containsExactly("Weld steel.");
    assertThat(o.skills()).containsExactly(SKILL);
  }

  @Test
  void everyBadFieldIsNamedWithItsLine() {
    Map<String, String> f = valid();
    f.remove("id");
    f.remove("title");
    f.put("country", "QQ");
    f.put("region", "FR10");
    f.put("eqf", "9");
    f.put("mode", "by pigeon");
    f.put("hours", "-1");
    f.put("cost", "lots");
    f.put("isced", "abc");
    f.put("language", "english");
    OfferRules.Result r =
        apply(
            f,
            Map.of(
                "start", List.of("next week"),
                "skills", List.of("http://example.org/weld")));
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).allMatch(p -> p.line() == 7);
    assertThat(r.problems())
        .extracting(Rejection::field)
        .contains(
            "id",
            "title",
            "country",
            "eqf",
            "mode",
            "hours",
            "cost",
            "isced",
            "language",
            "start",
            "skills");
    assertThat(r.problems())
        .filteredOn(p -> p.field().equals("mode"))
        .first()
        .satisfies(p -> assertThat(p.reason()).contains("classroom, blended, online, work-based"));
  }

  @Test
  void aRegionMustBeOfTheCountry() {
    Map<String, String> f = valid();
    f.put("country", "DE");
    f.put("region", "FR10");
    assertThat(apply(f, Map.of()).problems())
        .extracting(Rejection::field)
        .containsExactly("region");
    f.put("region", "de21");
    assertThat(apply(f, Map.of()).offer().region()).isEqualTo("DE21");
  }

  @Test
  void outcomesWithTheirOwnSkillsAreChecked() {
    OfferRules.Result r =
        OfferRules.apply(
            valid(),
            Map.of(),
            List.of(
                new Offer.Outcome("Weld", List.of(SKILL)),
                new Offer.Outcome("Cut", List.of("urn:x"))),
            "s",
            1,
            "elm");
    assertThat(r.problems()).extracting(Rejection::field).containsExactly("outcomes[2]");
  }

  @Test
  void synonymsOfModesAreMapped() {
    assertThat(OfferRules.mode("Hybrid")).isEqualTo("blended");
    assertThat(OfferRules.mode("e-learning")).isEqualTo("online");
    assertThat(OfferRules.mode("Apprenticeship")).isEqualTo("work-based");
    assertThat(OfferRules.mode("postal")).isNull();
  }

  @Test
  void filtersAreCheckedAndNamed() {
    OfferFilter f = OfferFilter.of("gb", null, 3, 5, List.of("online,hybrid"), 100.0, null);
    assertThat(f.country()).contains("UK");
    assertThat(f.modes()).containsExactlyInAnyOrder("online", "blended");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OfferFilter.of(null, null, 5, 3, List.of(), null, null))
        .hasMessageContaining("eqfMin 5 is above eqfMax 3");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OfferFilter.of(null, "x1", null, null, List.of(), null, null))
        .hasMessageContaining("region:");
  }

  @Test
  void theGapScoreIsTheDocumentedFormula() {
    assertThat(GapScore.weight(0.2, null)).isEqualTo(0.2);
    assertThat(GapScore.weight(0.2, 0.5)).isEqualTo(0.2);
    assertThat(GapScore.weight(0.2, 2.0)).isEqualTo(0.4);
    assertThat(GapScore.weight(0.2, 10.0))
        .isEqualTo(0.2 * 3, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(GapScore.score(0.4, 0)).isEqualTo(0.4);
    assertThat(GapScore.score(0.4, 3)).isEqualTo(0.1);
  }
}
