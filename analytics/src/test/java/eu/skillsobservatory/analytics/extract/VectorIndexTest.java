package eu.skillsobservatory.analytics.extract;

import static eu.skillsobservatory.analytics.fixtures.Vectors.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
  static final int SKILLS = 500;
  static final int HALF = 16;

  /** Two random unit halves side by side, each scaled by 1/sqrt(2): an ensemble of two models. */
  static float[] pair(Random r) {
    float[] v = new float[2 * HALF];
    for (int part = 0; part < 2; part++) {
      double norm = 0;
      for (int d = 0; d < HALF; d++) {
        v[part * HALF + d] = (float) r.nextGaussian();
        norm += v[part * HALF + d] * v[part * HALF + d];
      }
      for (int d = 0; d < HALF; d++) {
        v[part * HALF + d] /= (float) (Math.sqrt(norm) * Math.sqrt(2));
      }
    }
    return v;
  }

  /** Two labels per skill: labels 2s and 2s + 1 are skill s's. */
  static float[][] twoPerSkill(Random r) {
    float[][] vectors = new float[2 * SKILLS][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = pair(r);
    }
    return vectors;
  }

  static VectorIndex twoPerSkill(float[][] vectors) {
    int[] owner = new int[vectors.length];
    int[] labels = new int[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      owner[i] = i / 2;
      labels[i] = i;
    }
    return VectorIndex.build(vectors, owner, labels, SKILLS);
  }

  @Test
  void aScanOnTheFirstDimensionsGivesExactCosinesToTheSkillsItKeeps() {
    Random r = new Random(7);
    float[][] vectors = twoPerSkill(r);
    VectorIndex index = twoPerSkill(vectors);
    float[] query = vectors[10].clone();

    int[] label = new int[SKILLS];
    float[] best = index.bestPerSkill(query, label, HALF);

    long kept = 0;
    for (int s = 0; s < SKILLS; s++) {
      if (best[s] > -1f) {
        kept++;
        float exact = Math.max(dot(query, vectors[2 * s]), dot(query, vectors[2 * s + 1]));
        assertThat(best[s]).isCloseTo(exact, Offset.offset(0.02f));
        assertThat(label[s]).isIn(2 * s, 2 * s + 1);
      }
    }
    assertThat(kept).isLessThanOrEqualTo(VectorIndex.RESCORED);
    // The query's own skill is found, with the cosine of all dimensions (1), not of the first half.
    assertThat(best[5]).isGreaterThan(0.97f);
    assertThat(label[5]).isEqualTo(10);
  }

  @Test
  void allDimensionsAreTheOnePassScan() {
    Random r = new Random(3);
    float[][] vectors = new float[SKILLS][];
    int[] owner = new int[SKILLS];
    int[] labels = new int[SKILLS];
    for (int i = 0; i < SKILLS; i++) {
      vectors[i] = pair(r);
      owner[i] = i;
      labels[i] = i;
    }
    VectorIndex index = VectorIndex.build(vectors, owner, labels, SKILLS);
    float[] q = pair(r);
    assertThat(index.bestPerSkill(q, new int[SKILLS], 2 * HALF))
        .containsExactly(index.bestPerSkill(q, new int[SKILLS]));
    assertThatThrownBy(() -> index.bestPerSkill(q, new int[SKILLS], 2 * HALF + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coarse");
  }

  @Test
  void theBestOfSpansIsTheBestCosineOverTheSpansAndTheSkillsLabels() {
    Random r = new Random(11);
    float[][] vectors = twoPerSkill(r);
    VectorIndex index = twoPerSkill(vectors);
    float[][] spans = {pair(r), vectors[7].clone(), pair(r)};
    // Skill 3 has labels 6 and 7: the second span is label 7 itself.
    assertThat(index.bestOfSpans(spans, 3, 2 * HALF)).isCloseTo(1f, Offset.offset(0.02f));
    float expected = -1f;
    for (float[] span : spans) {
      expected = Math.max(expected, Math.max(dot(span, vectors[8]), dot(span, vectors[9])));
    }
    assertThat(index.bestOfSpans(spans, 4, 2 * HALF)).isCloseTo(expected, Offset.offset(0.02f));
    assertThat(index.bestOfSpans(new float[0][], 4, HALF)).isEqualTo(-1f);
    // Scanned on the first half, the best pairs there rescored on all: the same answers here.
    assertThat(index.bestOfSpans(spans, 3, HALF)).isCloseTo(1f, Offset.offset(0.02f));
    assertThat(index.bestOfSpans(spans, 4, HALF)).isCloseTo(expected, Offset.offset(0.02f));
  }
}
