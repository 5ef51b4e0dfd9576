package eu.skillsobservatory.analytics.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccupationSimilarityTest {
  @Test
  void weightedJaccardWeighsEssentialOverOptional() {
    // a: x(1), y(1), z(0.5); b: x(1), y(0.5), w(1): min 1 + 0.5 = 1.5; max 1 + 1 + 0.5 + 1 = 3.5
    assertThat(
            OccupationSimilarity.weightedJaccard(
                Map.of("x", 1.0, "y", 1.0, "z", 0.5), Map.of("x", 1.0, "y", 0.5, "w", 1.0)))
        .isCloseTo(1.5 / 3.5, within(1e-12));
    assertThat(OccupationSimilarity.weightedJaccard(Map.of("x", 1.0), Map.of("x", 1.0)))
        .isEqualTo(1);
    assertThat(OccupationSimilarity.weightedJaccard(Map.of(), Map.of())).isZero();
  }

  @Test
  void similarOccupationsComeBestFirstWithWhatTheyShare() {
    OccupationSimilarity s =
        OccupationSimilarity.of(
            List.of(
                new String[] {"welder", "weld", "true"},
                new String[] {"welder", "read drawings", "true"},
                new String[] {"welder", "grind", "false"},
                new String[] {"fitter", "weld", "true"},
                new String[] {"fitter", "read drawings", "false"},
                new String[] {"cook", "cook", "true"},
                new String[] {"smith", "weld", "true"},
                new String[] {"smith", "read drawings", "true"},
                new String[] {"smith", "grind", "false"},
                new String[] {"smith", "forge", "true"}));
    List<OccupationSimilarity.Similar> similar = s.similarTo("welder", 10);
    assertThat(similar)
        .extracting(OccupationSimilarity.Similar::uri)
        .containsExactly("smith", "fitter");
    assertThat(similar.get(0).similarity()).isCloseTo(2.5 / 3.5, within(1e-4));
    assertThat(similar.get(0).sharedEssential()).containsExactly("read drawings", "weld");
    assertThatThrownBy(() -> s.similarTo("astronaut", 3)).hasMessageContaining("occupation:");
  }
}
