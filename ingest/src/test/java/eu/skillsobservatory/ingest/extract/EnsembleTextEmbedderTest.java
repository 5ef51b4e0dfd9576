package eu.skillsobservatory.ingest.extract;

import static eu.skillsobservatory.analytics.fixtures.Vectors.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.extract.TextEmbedder;
import java.util.ArrayList;
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
  void spansAreReadInContextFromTheTextsPassAndJoinedAcrossTheModels() {
    String text = "Experience with Git, and attention to detail.";
    TextEmbedder.Read r = both.embedWithSpans(List.of(text)).get(0);
    assertThat(dot(r.text(), both.embed(List.of(text))[0])).isCloseTo(1f, Offset.offset(0.001f));
    // Seven words with letters (the comma and the full stop make no span): seven spans of one
    // word, six of two.
    List<String> spans = new ArrayList<>();
    for (int i = 0; i < r.spans().length; i++) {
      spans.add(text.substring(r.start()[i], r.end()[i]));
      assertThat(r.spans()[i]).hasSize(768);
      assertThat(dot(r.spans()[i], r.spans()[i])).isCloseTo(1f, Offset.offset(0.001f));
    }
    assertThat(spans).hasSize(13).contains("Git", "with Git", "Git, and", "to detail");
    // Each span leans to what it names, where the whole text mixes both skills.
    float[][] labels = both.embed(List.of("Git", "attention to detail"));
    float[] git = r.spans()[spans.indexOf("Git")];
    float[] detail = r.spans()[spans.indexOf("to detail")];
    assertThat(dot(git, labels[0])).isGreaterThan(dot(git, labels[1]));
    assertThat(dot(detail, labels[1])).isGreaterThan(dot(detail, labels[0]));
    assertThat(dot(git, labels[0])).isGreaterThan(dot(r.text(), labels[0]));
    // One model alone reads the same spans.
    assertThat(minilm.embedWithSpans(List.of(text)).get(0).spans().length).isEqualTo(13);
  }

  @Test
  void anUnknownModelIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> OnnxTextEmbedder.Model.of("gpt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gpt'")
        .hasMessageContaining("bge-small-en-v1.5-q");
  }
}
