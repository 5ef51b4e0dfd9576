package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  @Test
  void theBetterSettingsAreChosenOnEveryFoldAndScoredOnTheFoldHeldOut() {
    Map<String, double[]> rp5 = new LinkedHashMap<>();
    double[] good = new double[20];
    double[] poor = new double[20];
    for (int i = 0; i < 20; i++) {
      good[i] = i % 4 == 0 ? 0 : 1;
      poor[i] = i % 2 == 0 ? 0 : 0.5;
    }
    rp5.put("lexical=0.3", poor);
    rp5.put("lexical=0.6", good);
    CrossValidation.Report r = CrossValidation.run(rp5, 5, 7);
    assertThat(r.perFold()).hasSize(5).allMatch(f -> f.chosen().equals("lexical=0.6"));
    assertThat(r.perFold().stream().mapToInt(CrossValidation.Fold::sentences).sum()).isEqualTo(20);
    assertThat(r.mostChosen()).isEqualTo("lexical=0.6");
    assertThat(r.wholeRp5()).containsEntry("lexical=0.6", 75.0).containsEntry("lexical=0.3", 25.0);
    // The held-out mean of the chosen settings is their whole-file figure, fold by fold.
    assertThat(r.meanRp5()).isEqualTo(75.0, org.assertj.core.data.Offset.offset(15.0));
  }

  @Test
  void foldsOutOfRangeAreRefused() {
    Map<String, double[]> rp5 = Map.of("a=1", new double[] {1, 0, 1});
    assertThatThrownBy(() -> CrossValidation.run(rp5, 1, 1)).hasMessageContaining("folds");
    assertThatThrownBy(() -> CrossValidation.run(rp5, 4, 1)).hasMessageContaining("folds");
    assertThat(CrossValidation.run(rp5, 3, 1)).isEqualTo(CrossValidation.run(rp5, 3, 1));
  }
}
