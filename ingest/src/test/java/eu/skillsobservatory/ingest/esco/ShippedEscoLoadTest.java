package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The two ESCO versions the project ships, loaded from the official zips as they come. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedEscoLoadTest {
  static final Path DATA = Path.of("..", "data", "esco");
  static final String METAL_DRAWING =
      "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";
  static final String MISSING_OCCUPATION =
      "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e";

  @TempDir static Path home;
  TdbEscoStore store;
  LoadReport v111;

  @BeforeAll
  void loadBothVersions() {
    store = TdbEscoStore.open(home.resolve("tdb2"));
    store.load(zips("v1.1.0"), Optional.empty(), Progress.NONE);
    v111 = store.load(zips("v1.1.1"), Optional.empty(), Progress.NONE);
  }

  @AfterAll
  void close() {
    store.close();
  }

  static List<Path> zips(String version) {
    Path dir = DATA.resolve(version);
    return List.of(
        dir.resolve("esco-" + version + "-classification-en-csv.zip"),
        dir.resolve("esco-" + version + "-classification-relations-csv.zip"));
  }

  @Test
  void v111CountsMatchTheOfficialFilesLessTheRowsNamingAnUnknownOccupation() {
    VersionSummary s = v111.summary();
    assertThat(s.version()).isEqualTo(EscoVersion.parse("v1.1.1"));
    assertThat(s.skills()).isEqualTo(13_896);
    assertThat(s.knowledge()).isEqualTo(3_059);
    assertThat(s.occupations()).isEqualTo(3_007);
    assertThat(s.iscoGroups()).isEqualTo(619);
    assertThat(s.skillGroups()).isEqualTo(640);
    assertThat(s.occupationSkillRelations()).isEqualTo(123_788);
    assertThat(s.essentialRelations()).isEqualTo(64_891);
    assertThat(s.languages()).containsExactly("en");
    assertThat(s.current()).isTrue();
  }

  @Test
  void rowsNamingAnUnknownOccupationAreReportedWithTheirCount() {
    assertThat(v111.skipped())
        .anySatisfy(
            skip -> {
              assertThat(skip.file()).endsWith("occupationSkillRelations.csv");
              assertThat(skip.count()).isEqualTo(67);
              assertThat(skip.examples().get(0)).contains(MISSING_OCCUPATION).contains("line ");
            });
  }

  @Test
  void anOccupationReadsWithLabelsIscoGroupAndSkills() {
    Concept c = store.catalog().concept(METAL_DRAWING, "en", Optional.empty()).orElseThrow();
    assertThat(c.preferredLabel()).isEqualTo("metal drawing machine operator");
    assertThat(c.altLabels())
        .contains("wire drawer", "wiredrawing machine tender")
        .doesNotContain("metal drawing machine operator");
    assertThat(c.code()).isEqualTo("8121.4");
    assertThat(c.iscoGroup().uri()).isEqualTo("http://data.europa.eu/esco/isco/C8121");
    assertThat(c.broaderChain())
        .extracting(r -> r.uri())
        .endsWith("http://data.europa.eu/esco/isco/C8");
    assertThat(c.essentialSkills()).hasSize(15);
    assertThat(c.optionalSkills()).hasSize(24);
    assertThat(c.description()).startsWith("Metal drawing machine operators set up");
  }

  @Test
  void diffBetweenTheShippedVersionsCountsEveryChange() {
    VersionDiff d =
        store.catalog().diff(EscoVersion.parse("v1.1.0"), EscoVersion.parse("v1.1.1"), "en");
    // Counted independently from the CSV files (python csv module), with the same rule for the
    // relation rows that name an occupation the version lacks.
    assertThat(d.counts()).isEqualTo(new VersionDiff.Counts(420, 419, 2, 305, 369));
    assertThat(d.removed())
        .anySatisfy(
            r -> {
              assertThat(r.uri()).isEqualTo(MISSING_OCCUPATION);
              assertThat(r.label()).isEqualTo("therapeutic radiographer");
            });
    assertThat(d.relabelled()).allSatisfy(r -> assertThat(r.fromLabel()).isNotEqualTo(r.toLabel()));
  }

  @Test
  void reloadingAVersionReplacesItWithoutLeavingItsOldGraph() {
    long graphsBefore = graphCount();
    LoadReport again = store.load(zips("v1.1.1"), Optional.empty(), Progress.NONE);
    assertThat(again.summary().occupationSkillRelations()).isEqualTo(123_788);
    assertThat(store.catalog().versions()).hasSize(2);
    assertThat(graphCount()).isEqualTo(graphsBefore);
  }

  private long graphCount() {
    return org.apache.jena.system.Txn.calculateRead(
        store.dataset(),
        () -> org.apache.jena.atlas.iterator.Iter.count(store.dataset().listGraphNodes()));
  }
}
