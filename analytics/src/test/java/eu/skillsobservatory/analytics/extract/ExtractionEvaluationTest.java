package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractionEvaluationTest {
  @Test
  void rankedPrecisionDividesByTheSmallerOfKAndTheGoldCount() {
    var cases =
        List.of(
            new ExtractionEvaluation.Case("a", Set.of("x", "y")),
            new ExtractionEvaluation.Case("b", Set.of("z")));
    Map<String, List<String>> ranking =
        Map.of("a", List.of("q", "x", "r", "s", "t", "y"), "b", List.of("z"));
    var s = ExtractionEvaluation.score(cases, ranking::get);
    assertThat(s.sentences()).isEqualTo(2);
    // a: RP@1 0, RP@5 1/2, RP@10 2/2, first gold at 2; b: all 1, first gold at 1.
    assertThat(s.rp1()).isCloseTo(50.0, within(1e-9));
    assertThat(s.rp5()).isCloseTo(75.0, within(1e-9));
    assertThat(s.rp10()).isCloseTo(100.0, within(1e-9));
    assertThat(s.mrr()).isCloseTo((0.5 + 1) / 2, within(1e-9));
  }

  @Test
  void aSentenceWithNothingRankedScoresZero() {
    var s =
        ExtractionEvaluation.score(
            List.of(new ExtractionEvaluation.Case("a", Set.of("x"))), t -> List.of());
    assertThat(s.rp5()).isZero();
    assertThat(s.mrr()).isZero();
  }
}
