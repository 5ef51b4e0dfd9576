package eu.skillsobservatory.ingest.extract;

import static eu.skillsobservatory.analytics.fixtures.Vectors.dot;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.LexicalMatcher;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.extract.SkillTable;
import eu.skillsobservatory.analytics.extract.VectorIndex;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.OccupationTable;
import eu.skillsobservatory.analytics.vacancy.TitleMeaning;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction over the small ESCO fixture loaded into a real TDB2 store, with the real model and
 * Lucene's English stemmer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionOnEscoTest {
  static final String NON_FERROUS =
      "http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2";
  static final String PRIVACY =
      "http://data.europa.eu/esco/skill/a4b2a278-2123-4450-8b43-be01c4f341da";
  static final String PROTECT_PRIVACY =
      "http://data.europa.eu/esco/skill/33a82b83-c838-4889-ae62-fae1317481eb";
  static final EscoVersion V = EscoVersion.parse("v1.1.1");

  @TempDir Path dir;
  TdbEscoStore store;
  SkillTable table;
  OnnxTextEmbedder embedder;

  @BeforeAll
  void load() throws Exception {
    Path mini = Path.of(getClass().getResource("/esco-mini/skills_en.csv").toURI()).getParent();
    store = TdbEscoStore.open(Files.createTempDirectory("extract").resolve("tdb2"));
    store.load(List.of(mini), Optional.of(V), Progress.NONE);
    table = SkillTable.of(store.catalog(), V);
    embedder = new OnnxTextEmbedder(OnnxTextEmbedder.Model.ALL_MINILM_L6_V2_Q, 1);
  }

  @AfterAll
  void close() {
    store.close();
    embedder.close();
  }

  @Test
  void theTableHoldsEverySkillWithItsLabels() {
    assertThat(table.size()).isEqualTo(20);
    assertThat(table.preferredLabel(table.indexOf(NON_FERROUS), "en"))
        .isEqualTo("non-ferrous metal processing");
  }

  @Test
  void inflectedLabelsAreFoundWithLucenesStemmer() {
    SkillExtractor fast =
        new SkillExtractor(
            new LexicalMatcher(table, new LuceneWordForms()),
            Optional.empty(),
            Optional.empty(),
            SkillExtractor.Settings.TUNED);
    Extraction x =
        fast.extract(
            "Experience in processing non-ferrous metals is a must.", "en", ExtractionMode.FAST, 5);
    assertThat(x.skills().get(0).uri()).isEqualTo(NON_FERROUS);
    assertThat(x.skills().get(0).span().of(x.text())).isEqualTo("processing non-ferrous metals");
  }

  @Test
  void theModelPutsParaphrasesCloseAndUnrelatedTextsFar() {
    float[][] v =
        embedder.embed(
            List.of(
                "protect personal data", "safeguard privacy of information", "weld steel pipes"));
    assertThat(v[0]).hasSize(384);
    float close = dot(v[0], v[1]);
    float far = dot(v[0], v[2]);
    assertThat(close).isGreaterThan(far + 0.2f);
    assertThat(dot(v[0], v[0])).isBetween(0.999f, 1.001f);
  }

  @Test
  void labelVectorsAreComputedOnceAndKeptUntilTheLabelsChange() throws Exception {
    Path vectors = dir.resolve("vectors");
    VectorIndex first = SkillVectors.load(vectors, "v1.1.1", table, embedder, "en", Progress.NONE);
    Path file = vectors.resolve("v1.1.1-all-minilm-l6-v2-q-en.vectors");
    assertThat(file).exists();
    FileTime written = Files.getLastModifiedTime(file);
    VectorIndex again = SkillVectors.load(vectors, "v1.1.1", table, embedder, "en", Progress.NONE);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    assertThat(again.size()).isEqualTo(first.size());
    float[] q = embedder.embed(List.of("metal processing"))[0];
    assertThat(again.top(q, 3)).isEqualTo(first.top(q, 3));

    // Other labels (here: a table without the first skill) must not reuse the file.
    SkillTable fewer =
        new SkillTable(IntStream.range(1, table.size()).mapToObj(table::skill).toList());
    VectorIndex other = SkillVectors.load(vectors, "v1.1.1", fewer, embedder, "en", Progress.NONE);
    assertThat(other.size()).isLessThan(first.size());
  }

  @Test
  void jobTitlesAreMatchedByMeaningToTheOccupationsLabelsKeptLikeTheSkills() {
    Path vectors = dir.resolve("occupation-vectors");
    OccupationTable occupations = OccupationTable.of(store.catalog());
    TitleMeaning meaning =
        TitleMeaning.of(
            occupations, embedder, SkillVectors.cache(vectors), "v1.1.1", Progress.NONE);
    Path file = vectors.resolve("occupations-v1.1.1-all-minilm-l6-v2-q-en.vectors");
    assertThat(file).exists();
    // No label of the fixture spells these; the model puts them next to one.
    assertThat(meaning.code("IT Security Admin").map(c -> occupations.iscoOf(c.uri())))
        .contains(Optional.of("2529"));
    assertThat(meaning.code("Drawing Machine Setter").map(c -> occupations.iscoOf(c.uri())))
        .contains(Optional.of("8121"));
    assertThat(meaning.code("Pastry Chef")).isEmpty();
  }

  @Test
  void fullModeFindsASkillByMeaningWithItsSentenceAsSpan() {
    VectorIndex vectors =
        SkillVectors.load(dir.resolve("v"), "v1.1.1", table, embedder, "en", Progress.NONE);
    SkillExtractor full =
        new SkillExtractor(
            new LexicalMatcher(table, new LuceneWordForms()),
            Optional.of(embedder),
            Optional.of(vectors),
            SkillExtractor.Settings.TUNED);
    Extraction x =
        full.extract(
            "Salary 40k EUR per year. You keep our customers' identities safe on the web.",
            "en",
            ExtractionMode.FULL,
            3);
    assertThat(x.skills()).extracting(s -> s.uri()).containsAnyOf(PRIVACY, PROTECT_PRIVACY);
    assertThat(x.skills().get(0).evidence()).isEqualTo("meaning");
    assertThat(x.skills().get(0).span().of(x.text()))
        .isEqualTo("You keep our customers' identities safe on the web");
  }
}
