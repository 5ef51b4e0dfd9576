package eu.skillsobservatory.ingest.extract;

import static eu.skillsobservatory.analytics.fixtures.Vectors.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The two shipped models, real, and their ensemble. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleTextEmbedderTest {
  OnnxTextEmbedder minilm;
  OnnxTextEmbedder bge;
  EnsembleTextEmbedder both;

  @BeforeAll
  void open() {
    minilm = new OnnxTextEmbedder(OnnxTextEmbedder.Model.ALL_MINILM_L6_V2_Q, 1);
    bge = new OnnxTextEmbedder(OnnxTextEmbedder.Model.BGE_SMALL_EN_V15_Q, 1);
    both = new EnsembleTextEmbedder(List.of(minilm, bge));
  }

  @AfterAll
  void close() {
    both.close();
  }

  @Test
  void theEnsembleCosineIsTheMeanOfTheModelsCosines() {
    List<String> texts = List.of("protect personal data", "safeguard privacy of information");
    float[][] a = minilm.embed(texts);
    float[][] b = bge.embed(texts);
    float[][] e = both.embed(texts);
    assertThat(both.model()).isEqualTo("all-minilm-l6-v2-q+bge-small-en-v1.5-q");
    assertThat(both.dimension()).isEqualTo(768);
    assertThat(both.coarseDimension()).isEqualTo(384);
    assertThat(e[0]).hasSize(768);
    assertThat(dot(e[0], e[0])).isCloseTo(1f, Offset.offset(0.001f));
    assertThat(dot(e[0], e[1]))
        .isCloseTo((dot(a[0], a[1]) + dot(b[0], b[1])) / 2, Offset.offset(0.001f));
  }

  @Test
  void bgeTakesTheFirstTokensVectorAndPutsParaphrasesClose() {
    float[][] v =
        bge.embed(
            List.of(
                "protect personal data", "safeguard privacy of information", "weld steel pipes"));
    assertThat(v[0]).hasSize(384);
    assertThat(dot(v[0], v[0])).isCloseTo(1f, Offset.offset(0.001f));
    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.1f);
  }

  @Test
  void anUnknownModelIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> OnnxTextEmbedder.Model.of("gpt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gpt'")
        .hasMessageContaining("bge-small-en-v1.5-q");
  }
}
