package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void pairsAndTriplesOutsideSkillsWithoutStopWordsAtTheEnds() {
    String text = "Experience with digital product passports is a plus. You weld steel frames.";
    // "weld steel" was found as a skill: its words are no candidates.
    int weld = text.indexOf("weld");
    List<String> p = Phrases.of(text, List.of(new Span(weld, weld + 10)));
    assertThat(p)
        .contains("digital product", "product passports", "digital product passports")
        .doesNotContain("with digital", "passports is", "weld steel", "steel frames")
        .allMatch(x -> !x.startsWith("experience"));
  }

  @Test
  void punctuationAndDigitsEndARunAndTheNumberIsBounded() {
    assertThat(Phrases.of("cloud native, 2024 data mesh", List.of()))
        .containsExactly("cloud native", "data mesh");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append("alpha").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
    }
    assertThat(Phrases.of(many.toString(), List.of())).hasSize(Phrases.MAX_PER_TEXT);
  }
}
