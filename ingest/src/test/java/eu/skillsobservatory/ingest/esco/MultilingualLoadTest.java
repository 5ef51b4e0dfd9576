package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several languages of one version load together; labels fall back to English. */
class MultilingualLoadTest {
  static final String SKILL =
      "http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2";

  @TempDir Path dir;

  @Test
  void aSecondLanguageAddsItsLabelsAndOthersFallBackToEnglish() throws IOException {
    Path german = germanSkills(dir.resolve("skills_de.csv"), true);
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      store.load(
          List.of(MiniEsco.folder(), german),
          Optional.of(EscoVersion.parse("v9.9.1")),
          Progress.NONE);

      Concept de = store.catalog().concept(SKILL, "de", Optional.empty()).orElseThrow();
      assertThat(de.language()).isEqualTo("de");
      assertThat(de.preferredLabel()).startsWith("DE ");
      assertThat(de.availableLanguages()).containsExactly("de", "en");

      Concept fr = store.catalog().concept(SKILL, "fr", Optional.empty()).orElseThrow();
      assertThat(fr.language()).isEqualTo("en");
      assertThat(fr.preferredLabel()).doesNotStartWith("DE ");

      assertThat(store.catalog().versions().get(0).languages()).containsExactly("de", "en");
      assertThat(store.catalog().versions().get(0).skills()).isEqualTo(20);
    }
  }

  @Test
  void aDocumentCarriesEachLanguagesOwnDescriptionOnly() throws IOException {
    Path german = germanSkills(dir.resolve("skills_de.csv"), false);
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      EscoVersion v = EscoVersion.parse("v9.9.2");
      store.load(List.of(MiniEsco.folder(), german), Optional.of(v), Progress.NONE);
      List<ConceptDocument> docs = new ArrayList<>();
      store.catalog().forEachConcept(v, docs::add);
      ConceptDocument skill =
          docs.stream().filter(d -> d.uri().equals(SKILL)).findFirst().orElseThrow();
      assertThat(skill.labels().get("en").description()).isNotEmpty();
      assertThat(skill.labels().get("de").preferred()).startsWith("DE ");
      assertThat(skill.labels().get("de").description()).isEmpty();
    }
  }

  /** The English skills file with every preferred label marked as German. */
  private static Path germanSkills(Path out, boolean descriptions) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(MiniEsco.folder().resolve("skills_en.csv"));
        CSVParser parser = format.parse(in);
        Writer w = Files.newBufferedWriter(out);
        CSVPrinter printer =
            CSVFormat.RFC4180
                .builder()
                .setHeader(parser.getHeaderNames().toArray(String[]::new))
                .get()
                .print(w)) {
      for (CSVRecord r : parser) {
        List<String> values = new ArrayList<>(r.toList());
        int label = parser.getHeaderNames().indexOf("preferredLabel");
        values.set(label, "DE " + values.get(label).strip());
        if (!descriptions) {
          values.set(parser.getHeaderNames().indexOf("description"), "");
        }
        printer.printRecord(values);
      }
    }
    return out;
  }
}
