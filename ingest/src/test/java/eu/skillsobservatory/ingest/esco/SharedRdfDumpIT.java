package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESCO v1.1.1 at real size, once from the official CSV download and once from the 2.4 million
 * triples of the same graph in the official RDF dump's shape (skos-xl labels, node literals,
 * reified and direct links): every concept reads the same.
 *
 * <p>The RDF file is the project's shared test data, beside the repository; a checkout without it
 * skips this test.
 */
class SharedRdfDumpIT {
  static final Path DUMP =
      Path.of("..", "..", "shared", "data", "esco-rdf", "esco-v1.1.1-en.ttl.gz");
  static final EscoVersion FROM_CSV = EscoVersion.parse("v1.1.1");
  static final EscoVersion FROM_RDF = EscoVersion.parse("v1.1.2");

  @TempDir Path dir;

  @Test
  void theRdfDumpAndTheCsvDownloadGiveTheSameConcepts() {
    assumeTrue(Files.exists(DUMP), "the shared RDF dump is not beside this checkout");
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      store.load(ShippedEscoLoadTest.zips("v1.1.1"), Optional.empty(), Progress.NONE);
      LoadReport rdf = store.load(List.of(DUMP), Optional.of(FROM_RDF), Progress.NONE);
      assertThat(rdf.triplesRead()).isEqualTo(2_439_598);

      VersionSummary s = rdf.summary();
      assertThat(s.skills()).isEqualTo(13_896);
      assertThat(s.occupations()).isEqualTo(3_007);
      assertThat(s.iscoGroups()).isEqualTo(619);
      assertThat(s.occupationSkillRelations()).isEqualTo(123_788);
      assertThat(s.essentialRelations()).isEqualTo(64_891);

      VersionSnapshot a = store.catalog().snapshot(FROM_CSV, "en");
      VersionSnapshot b = store.catalog().snapshot(FROM_RDF, "en");
      assertThat(b.concepts()).isEqualTo(a.concepts());
      assertThat(b.occupationSkills()).isEqualTo(a.occupationSkills());

      List<String> uris = a.concepts().keySet().stream().sorted().toList();
      for (int i = 0; i < uris.size(); i += 7) {
        String uri = uris.get(i);
        Concept fromCsv = store.catalog().concept(uri, "en", Optional.of(FROM_CSV)).orElseThrow();
        Concept fromRdf = store.catalog().concept(uri, "en", Optional.of(FROM_RDF)).orElseThrow();
        assertThat(fromRdf.preferredLabel()).as(uri).isEqualTo(fromCsv.preferredLabel());
        assertThat(fromRdf.altLabels()).as(uri).isEqualTo(fromCsv.altLabels());
        assertThat(fromRdf.hiddenLabels()).as(uri).isEqualTo(fromCsv.hiddenLabels());
        assertThat(fromRdf.description()).as(uri).isEqualTo(fromCsv.description());
        assertThat(fromRdf.skillType()).as(uri).isEqualTo(fromCsv.skillType());
        assertThat(fromRdf.reuseLevel()).as(uri).isEqualTo(fromCsv.reuseLevel());
        assertThat(fromRdf.code()).as(uri).isEqualTo(fromCsv.code());
        assertThat(fromRdf.iscoGroup()).as(uri).isEqualTo(fromCsv.iscoGroup());
        assertThat(fromRdf.broader()).as(uri).isEqualTo(fromCsv.broader());
        assertThat(fromRdf.broaderChain()).as(uri).isEqualTo(fromCsv.broaderChain());
        assertThat(fromRdf.collections()).as(uri).isEqualTo(fromCsv.collections());
        assertThat(fromRdf.essentialSkills()).as(uri).isEqualTo(fromCsv.essentialSkills());
        assertThat(fromRdf.optionalSkills()).as(uri).isEqualTo(fromCsv.optionalSkills());
        assertThat(fromRdf.essentialFor()).as(uri).isEqualTo(fromCsv.essentialFor());
        assertThat(fromRdf.optionalFor()).as(uri).isEqualTo(fromCsv.optionalFor());
      }
    }
  }
}
