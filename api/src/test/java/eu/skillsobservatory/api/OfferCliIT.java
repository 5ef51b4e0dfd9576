package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.ShippedEsco;
import eu.skillsobservatory.api.fixtures.TitleMeaningOff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training offers end to end as a user runs them, on the shipped ESCO: a generated catalogue scored
 * against its truth, loaded, refused when bad without touching what is held, and the planted gaps
 * found by {@code gaps}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TitleMeaningOff.class)
class OfferCliIT {
  static final Path EMPLOYMENT = Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv");

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();
  Path offers;

  CliRun cli(String... args) {
    return CliRun.in(dir.resolve("home"), args);
  }

  @BeforeAll
  void loadEscoAndMakeACatalogue() throws IOException {
    ShippedEsco.into(dir.resolve("home"));
    offers = dir.resolve("catalogue.jsonl.gz");
    CliRun g =
        cli(
            "generate",
            "offers",
            "--n",
            "400",
            "--seed",
            "3",
            "--employment",
            EMPLOYMENT.toString(),
            offers.toString());
    assertThat(g.code()).as(g.err()).isZero();
  }

  @Test
  void skillsAreFoundInLearningOutcomesAndBadFilesChangeNothing() throws Exception {
    CliRun e = cli("evaluate", "offers", "--format", "json", offers.toString());
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode score = json.readTree(e.out());
    assertThat(score.get("offers").asLong()).isPositive();
    assertThat(score.get("recall").asDouble()).as(e.out()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.get("precision").asDouble()).as(e.out()).isGreaterThanOrEqualTo(0.85);

    CliRun in = cli("ingest", "offers", "--format", "json", offers.toString());
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(json.readTree(in.out()).get("held").asLong()).isEqualTo(400);

    Path bad =
        Files.writeString(
            dir.resolve("bad.csv"),
            "id,title,country,eqf,skills\n"
                + "b1,Good one,AT,4,http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d\n"
                + "b2,Bad level,AT,11,\n"
                + "b3,,AT,4,\n");
    byte[] line = "{\"id\":\"z1\",\"title\":\"Lost\",\"country\":\"AT\"}\n".repeat(200).getBytes();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(line);
    }
    Path cut =
        Files.write(
            dir.resolve("cut.jsonl.gz"),
            Arrays.copyOf(gz.toByteArray(), gz.toByteArray().length - 10));
    Path rejects = dir.resolve("rejects.csv");
    CliRun badRun =
        cli(
            "ingest",
            "offers",
            "--format",
            "json",
            "--rejects",
            rejects.toString(),
            bad.toString(),
            cut.toString());
    assertThat(badRun.code()).as(badRun.err()).isEqualTo(2);
    JsonNode report = json.readTree(badRun.out());
    assertThat(report.get("written").asLong()).isEqualTo(1);
    assertThat(report.get("held").asLong()).isEqualTo(401);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",3,eqf,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",4,title,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("cut.jsonl.gz", "cut short"));
    CliRun stats = cli("offers", "stats", "--format", "json");
    assertThat(json.readTree(stats.out()).get("offers").asLong()).isEqualTo(401);
    assertThat(cli("offers", "show", "bad", "b1").code()).isZero();
    assertThat(cli("offers", "show", "cut", "z1").code()).isEqualTo(2);
  }

  @Test
  void gapsNameTheEssentialSkillsNoOfferTeaches() throws Exception {
    Path vacancies = dir.resolve("vacancies.jsonl.gz");
    CliRun g =
        cli(
            "generate",
            "vacancies",
            "--n",
            "3000",
            "--seed",
            "4",
            "--employment",
            EMPLOYMENT.toString(),
            vacancies.toString());
    assertThat(g.code()).as(g.err()).isZero();
    assertThat(cli("ingest", "vacancies", vacancies.toString()).code()).isZero();
    CliRun o = cli("ingest", "offers", offers.toString());
    assertThat(o.code()).as(o.err()).isZero();

    CliRun gaps = cli("gaps", "--no-growth", "--occupations", "40", "--limit", "20");
    assertThat(gaps.code()).as(gaps.err()).isZero();
    JsonNode truth = json.readTree(dir.resolve("catalogue.jsonl.gz.truth.json").toFile());
    Set<String> taughtAnywhere = new HashSet<>();
    truth.get("taught").forEach(t -> t.forEach(u -> taughtAnywhere.add(u.asString())));
    int checked = 0;
    int reportedRight = 0;
    int reported = 0;
    int plantedFound = 0;
    int planted = 0;
    for (JsonNode occ : json.readTree(gaps.out()).get("occupations")) {
      JsonNode gapsOf = truth.get("untaught").get(occ.get("uri").asString());
      if (gapsOf == null) {
        continue; // no offer trains for it
      }
      checked++;
      Set<String> untaught = new HashSet<>(occ.get("untaught").findValuesAsString("uri"));
      for (String u : untaught) {
        reported++;
        if (!taughtAnywhere.contains(u)) {
          reportedRight++;
        }
      }
      for (JsonNode p : gapsOf) {
        if (!taughtAnywhere.contains(p.asString())) {
          planted++;
          if (untaught.contains(p.asString())) {
            plantedFound++;
          }
        }
      }
    }
    assertThat(checked).as(gaps.out()).isPositive();
    assertThat(planted).isPositive();
    assertThat((double) plantedFound / planted).isGreaterThanOrEqualTo(0.9);
    assertThat((double) reportedRight / reported).isGreaterThanOrEqualTo(0.9);

    CliRun csv = cli("gaps", "--no-growth", "--format", "csv", "--occupations", "0");
    assertThat(csv.out()).startsWith("uri,label,postings,share,lift,emerging,weight,offers");

    CliRun m = cli("match", "--no-growth", "--max-offers", "3", "--format", "json");
    assertThat(m.code()).as(m.err()).isZero();
    JsonNode match = json.readTree(m.out());
    assertThat(match.get("picks").size()).isBetween(1, 3);
    double previous = Double.MAX_VALUE;
    for (JsonNode p : match.get("picks")) {
      // Lazy greedy: each pick adds no more than the one before it.
      assertThat(p.get("gain").asDouble()).isLessThanOrEqualTo(previous);
      previous = p.get("gain").asDouble();
    }
    assertThat(match.get("covered").asDouble()).isLessThanOrEqualTo(match.get("total").asDouble());
    CliRun bad = cli("match", "--skill", "http://example.org/x");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("not an ESCO skill URI");
  }
}
