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
}
