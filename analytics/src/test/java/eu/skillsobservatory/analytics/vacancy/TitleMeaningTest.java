package eu.skillsobservatory.analytics.vacancy;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.CARGO;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.CATALOG;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.SECURITY;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.searchOver;
import static eu.skillsobservatory.analytics.vacancy.OccupationCodingTest.words;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.extract.SkillTable;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import eu.skillsobservatory.analytics.extract.VectorIndex;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.progress.Progress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The coder's second opinion by meaning, with a toy model whose dimensions are topics. */
class TitleMeaningTest {
  static final List<Set<String>> TOPICS =
      List.of(
          Set.of("cargo", "truck", "lorry", "van", "haulier"),
          Set.of("taxi", "cab", "chauffeur", "bus", "coach"),
          Set.of("security", "guard", "watchman"),
          Set.of("ceo", "chief", "executive", "manager"));

  /** A text's vector: how many of its words fall in each topic (the last dimension for none). */
  static final TextEmbedder TOY =
      new TextEmbedder() {
        @Override
        public String model() {
          return "topics";
        }

        @Override
        public int dimension() {
          return TOPICS.size() + 1;
        }

        @Override
        public float[][] embed(List<String> texts) {
          float[][] out = new float[texts.size()][dimension()];
          for (int i = 0; i < texts.size(); i++) {
            for (String w : words(texts.get(i))) {
              for (int t = 0; t < TOPICS.size(); t++) {
                if (TOPICS.get(t).contains(w)) {
                  out[i][t]++;
                }
              }
            }
            double norm = 0;
            for (float f : out[i]) {
              norm += f * f;
            }
            if (norm == 0) {
              out[i][TOPICS.size()] = 1;
              norm = 1;
            }
            for (int d = 0; d < dimension(); d++) {
              out[i][d] /= (float) Math.sqrt(norm);
            }
          }
          return out;
        }
      };

  /** Vectors computed every time, nothing kept. */
  static final SkillVectorCache COMPUTED =
      new SkillVectorCache() {
        @Override
        public VectorIndex vectors(
            String name, SkillTable table, TextEmbedder e, String language, Progress progress) {
          throw new UnsupportedOperationException("occupations only");
        }

        @Override
        public VectorIndex vectors(
            String name,
            List<String> texts,
            int[] owner,
            int owners,
            TextEmbedder e,
            Progress progress) {
          int[] ids = IntStream.range(0, texts.size()).toArray();
          return VectorIndex.build(e.embed(texts), owner, ids, owners);
        }
      };

  final OccupationTable table = OccupationTable.of(CATALOG);
  final TitleMeaning meaning = TitleMeaning.of(table, TOY, COMPUTED, "test", Progress.NONE);
  final AtomicInteger asked = new AtomicInteger();
  final OccupationCoder coder =
      new OccupationCoder(
          searchOver(CATALOG),
          WordForms.NONE,
          table,
          () -> {
            asked.incrementAndGet();
            return Optional.of(meaning);
          });

  @Test
  void aTitleNoLabelSpellsIsCodedByMeaningWithAConfidenceBelowTheSureOnes() {
    assertThat(
            new OccupationCoder(searchOver(CATALOG), WordForms.NONE, table)
                .code("Lorry Haulier", "en", null))
        .isEmpty();
    OccupationCoder.Coding c = coder.code("Lorry Haulier", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(CARGO);
    // Cosine 1 with the cargo vehicle driver's labels, times 0.75.
    assertThat(c.confidence()).isEqualTo(0.75);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aTitleTheLabelsCodeSurelyIsNotAskedOfMeaning() {
    OccupationCoder.Coding c = coder.code("Truck Driver", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(CARGO);
    assertThat(c.confidence()).isGreaterThanOrEqualTo(0.8);
    assertThat(asked).hasValue(0);
  }

  @Test
  void whereBothAgreeOnTheGroupTheLabelsCodingStays() {
    // The labels code "security officer" under security managers, doubted (no manager named):
    // meaning finds the same occupation, so the labels' coding and confidence stay.
    OccupationCoder.Coding c = coder.code("Security Officer", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(SECURITY);
    assertThat(c.matchedLabel()).isEqualTo("security officer");
    assertThat(c.confidence()).isEqualTo(0.76);
    assertThat(asked).hasValue(1);
  }

  @Test
  void meaningStaysWithinTheIscoGroupTheVacancyGives() {
    assertThat(coder.code("Lorry Haulier", "en", "83"))
        .map(OccupationCoder.Coding::uri)
        .contains(CARGO);
    assertThat(coder.code("Lorry Haulier", "en", "5")).isEmpty();
  }

  @Test
  void otherLanguagesAndFarTitlesAreNotCodedByMeaning() {
    // The model is English.
    assertThat(coder.code("Lorry Haulier", "fr", null)).isEmpty();
    // No label within cosine 0.7 (the toy puts a text of no topic on a dimension of its own).
    TitleMeaning drivers =
        TitleMeaning.of(
            OccupationTable.of(
                aCatalog()
                    .occupationIn(CARGO, "8332", "cargo vehicle driver", "van driver")
                    .build()),
            TOY,
            COMPUTED,
            "test",
            Progress.NONE);
    assertThat(drivers.code("florist")).isEmpty();
    assertThat(drivers.code("haulier")).map(OccupationCoder.Coding::uri).contains(CARGO);
  }

  @Test
  void aLabelThatIsOneOccupationsPreferredAndAnothersAlternativeNamesThePreferredOne() {
    String setBuilder = "http://data.europa.eu/esco/occupation/set-builder";
    // One text, one vector: "lorry driver" is the cargo driver's preferred label and the set
    // builder's alternative one, whichever comes first in the table.
    for (boolean setBuilderFirst : List.of(true, false)) {
      var catalog = aCatalog();
      if (setBuilderFirst) {
        catalog.occupationIn(setBuilder, "3432", "set builder", "lorry driver");
      }
      catalog.occupationIn(CARGO, "8332", "lorry driver", "van driver");
      if (!setBuilderFirst) {
        catalog.occupationIn(setBuilder, "3432", "set builder", "lorry driver");
      }
      TitleMeaning m =
          TitleMeaning.of(
              OccupationTable.of(catalog.build()), TOY, COMPUTED, "test", Progress.NONE);
      assertThat(m.code("lorry haulier"))
          .as("set builder first: " + setBuilderFirst)
          .map(OccupationCoder.Coding::uri)
          .contains(CARGO);
    }
  }
}
