package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.home.HomeLock;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user runs it, on the ESCO versions the project ships. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
  static final Path DATA = Path.of("..", "data", "esco");
  static final String METAL_DRAWING =
      "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";

  @TempDir static Path home;

  static CliRun cli(String... args) {
    return CliRun.in(home, args);
  }

  static String[] zips(String version) {
    return new String[] {
      DATA.resolve(version).resolve("esco-" + version + "-classification-en-csv.zip").toString(),
      DATA.resolve(version)
          .resolve("esco-" + version + "-classification-relations-csv.zip")
          .toString()
    };
  }

  @BeforeAll
  void ingestBothShippedVersions() {
    for (String v : new String[] {"v1.1.0", "v1.1.1"}) {
      String[] z = zips(v);
      // Only the current version is searched here: the older one is loaded without its index.
      CliRun r =
          v.equals("v1.1.0")
              ? cli("ingest", "esco", "--no-index", z[0], z[1])
              : cli("ingest", "esco", z[0], z[1]);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("ESCO " + v + " loaded");
    }
  }

  @Test
  void versionsAsJsonGiveTheOfficialCounts() {
    CliRun r = cli("esco", "versions", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode v111 = JsonMapper.builder().build().readTree(r.out()).get(1);
    assertThat(v111.get("version").asString()).isEqualTo("v1.1.1");
    assertThat(v111.get("current").asBoolean()).isTrue();
    assertThat(v111.get("skills").asLong()).isEqualTo(13_896);
    assertThat(v111.get("occupations").asLong()).isEqualTo(3_007);
    assertThat(v111.get("iscoGroups").asLong()).isEqualTo(619);
    assertThat(v111.get("occupationSkillRelations").asLong()).isEqualTo(123_788);
    assertThat(v111.get("essentialRelations").asLong()).isEqualTo(64_891);
    assertThat(v111.get("triples").asLong()).isPositive();
  }

  @Test
  void versionsAsATableNameEachVersion() {
    CliRun r = cli("esco", "versions");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("v1.1.0").contains("v1.1.1 (current)").contains("13,896");
  }

  @Test
  void showGivesTheConceptAsJsonInTheAskedVersion() {
    CliRun r = cli("esco", "show", METAL_DRAWING, "--esco-version", "v1.1.0");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode c = JsonMapper.builder().build().readTree(r.out());
    assertThat(c.get("uri").asString()).isEqualTo(METAL_DRAWING);
    assertThat(c.get("type").asString()).isEqualTo("occupation");
    assertThat(c.get("version").asString()).isEqualTo("v1.1.0");
    assertThat(c.get("preferredLabel").asString()).isEqualTo("metal drawing machine operator");
    assertThat(c.get("iscoGroup").get("uri").asString())
        .isEqualTo("http://data.europa.eu/esco/isco/C8121");
  }

  @Test
  void showOfAnUnknownUriIsBadInput() {
    CliRun r = cli("esco", "show", "http://data.europa.eu/esco/skill/no-such-skill");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-skill").doesNotContain("Exception");
  }

  @Test
  void diffAsCsvHasOneRowPerChange() {
    CliRun r = cli("esco", "diff", "v1.1.0", "v1.1.1", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("change,uri,type,label");
    assertThat(lines).hasSize(1 + 420 + 419 + 2 + 305 + 369);
  }

  @Test
  void diffAgainstAVersionNotLoadedIsBadInput() {
    CliRun r = cli("esco", "diff", "v1.1.0", "v9.9.9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("v9.9.9").contains("not loaded");
  }

  @Test
  void aMissingFileIsBadInputNamedInTheMessage() {
    CliRun r = cli("ingest", "esco", "no-such-esco-v1.1.1.zip");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-esco-v1.1.1.zip").contains("no such file");
  }

  @Test
  void searchFindsAConceptOnTheCommandLine() {
    CliRun r = cli("search", "wire", "drawer", "--type", "occupation", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode hits = JsonMapper.builder().build().readTree(r.out()).get("hits");
    assertThat(hits.get(0).get("uri").asString()).isEqualTo(METAL_DRAWING);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(cli("esco", "versions", "--format", "xml").code()).isEqualTo(2);
    assertThat(cli("no-such-command").code()).isEqualTo(2);
    assertThat(cli().code()).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd :
        new String[][] {
          {"--help"}, {"serve", "--help"}, {"ingest", "esco", "--help"},
          {"esco", "versions", "--help"}, {"esco", "show", "--help"}, {"esco", "diff", "--help"},
          {"esco", "reindex", "--help"}, {"search", "--help"}
        }) {
      CliRun r = cli(cmd);
      assertThat(r.code()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }

  @Test
  void aSecondProcessOnATakenHomeGetsAClearMessage() {
    try (HomeLock held = HomeLock.acquire(home, "serve")) {
      CliRun r = cli("esco", "versions");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .contains("is in use by another Skills Observatory process")
          .contains("'serve'")
          .doesNotContain("Exception");
    }
  }
}
