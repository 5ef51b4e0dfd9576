package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a hit's labels is shown as the one that matched. */
class BestMatchTest {
  @Test
  void theSameLabelWinsWhateverItsKind() {
    var m =
        EscoDocuments.bestMatch(
            "Project Management!",
            List.of("perform project management"),
            List.of("do project management", "project management"),
            List.of(),
            "perform project management");
    assertThat(m).isEqualTo(new EscoDocuments.LabelMatch("project management", "alternative"));
  }

  @Test
  void amongEqualsThePreferredLabelWins() {
    var m =
        EscoDocuments.bestMatch(
            "project management",
            List.of("perform project management"),
            List.of("do project management"),
            List.of(),
            "perform project management");
    assertThat(m.field()).isEqualTo("preferred");
  }

  @Test
  void aLabelThatStartsWithTheTextBeatsOneThatMerelyContainsItsWords() {
    var m =
        EscoDocuments.bestMatch(
            "weld",
            List.of("use arc welding techniques"),
            List.of("welding"),
            List.of("weld metal parts"),
            "use arc welding techniques");
    assertThat(m.label()).isEqualTo("welding");
  }

  @Test
  void withNoLabelThePreferredFallbackStays() {
    var m = EscoDocuments.bestMatch("x", List.of(), List.of(), List.of(), "fallback");
    assertThat(m).isEqualTo(new EscoDocuments.LabelMatch("fallback", "preferred"));
  }
}
