package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTest {
  static ExtractedSkill skill(String uri, int start, int end) {
    return new ExtractedSkill(uri, uri, 0.5, new Span(start, end), uri, "label");
  }

  @Test
  void skillsNamedOnlyInsideALongerOneAreLeftOutWhenCounting() {
    // "develop financial statistics reports" [0, 36); "statistics" [18, 28); "reports" [29, 36);
    // "present reports" elsewhere [40, 55) stays, and so does a skill of the same span.
    Extraction x =
        new Extraction(
            "t",
            List.of(
                skill("develop", 0, 36),
                skill("statistics", 18, 28),
                skill("reports", 29, 36),
                skill("present", 40, 55),
                skill("twin", 40, 55)),
            List.of());
    assertThat(x.outermost().skills())
        .extracting(ExtractedSkill::uri)
        .containsExactly("develop", "present", "twin");
  }

  static ExtractedSkill byMeaning(String uri, int start, int end, double score) {
    return new ExtractedSkill(uri, uri, score, new Span(start, end), uri, "meaning");
  }

  @Test
  void aSentenceFoundByMeaningHidesNothingAndNeighboursByMeaningAreNotCounted() {
    Extraction x =
        new Extraction(
            "t",
            List.of(
                byMeaning("near", 0, 40, 0.8),
                skill("weld", 10, 14),
                byMeaning("nearer", 0, 40, 0.7)),
            List.of());
    assertThat(x.outermost().skills())
        .extracting(ExtractedSkill::uri)
        .containsExactly("near", "weld", "nearer");
    assertThat(x.counted().skills()).extracting(ExtractedSkill::uri).containsExactly("weld");
    Extraction onlyMeaning =
        new Extraction(
            "t", List.of(byMeaning("near", 0, 40, 0.8), byMeaning("far", 0, 40, 0.6)), List.of());
    assertThat(onlyMeaning.counted().skills())
        .extracting(ExtractedSkill::uri)
        .containsExactly("near");
  }

  @Test
  void weakLabelMatchesRankButDoNotCount() {
    Extraction x =
        new Extraction(
            "t",
            List.of(
                skill("weld", 0, 4),
                new ExtractedSkill("heading", "heading", 0.19, new Span(6, 10), "h", "label")),
            List.of());
    assertThat(x.counted().skills()).extracting(ExtractedSkill::uri).containsExactly("weld");
  }

  @Test
  void oneWordLabelsMatchTheSameWordNotAnotherWithItsStem() {
    assertThat(LabelHits.sameEnglishWord("Responsibilities", "responsibility")).isTrue();
    assertThat(LabelHits.sameEnglishWord("welding", "weld")).isTrue();
    assertThat(LabelHits.sameEnglishWord("boxes", "box")).isTrue();
    assertThat(LabelHits.sameEnglishWord("experience", "experiment")).isFalse();
    assertThat(LabelHits.sameEnglishWord("opening", "openness")).isFalse();
    assertThat(LabelHits.heading("Responsibilities include: weld", 16)).isTrue();
    assertThat(LabelHits.heading("Skills: weld", 6)).isTrue();
    assertThat(LabelHits.heading("Teamwork matters", 8)).isFalse();
  }
}
