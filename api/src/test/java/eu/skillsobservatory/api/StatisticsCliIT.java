package eu.skillsobservatory.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import eu.skillsobservatory.api.fixtures.CliRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ingest statistics} from the shipped Eurostat file and from Eurostat's API (WireMock), and
 * {@code statistics employment} reading the sums back (embedded node).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsCliIT {
  static final Path SHIPPED = Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv");

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();
  WireMockServer eurostat;

  static CliRun cli(String... args) {
    return CliRun.in(dir.resolve("home"), args);
  }

  @BeforeAll
  void startEurostat() {
    eurostat = new WireMockServer(wireMockConfig().dynamicPort());
    eurostat.start();
    System.setProperty("observatory.eurostat.url", eurostat.baseUrl() + "/data/");
    System.setProperty("observatory.eurostat.request-timeout", "700ms");
    System.setProperty("observatory.eurostat.backoff", "10ms");
  }

  @AfterAll
  void stopEurostat() {
    System.clearProperty("observatory.eurostat.url");
    System.clearProperty("observatory.eurostat.request-timeout");
    System.clearProperty("observatory.eurostat.backoff");
    eurostat.stop();
  }

  /** Germany's employment per year, summed from the file itself. */
  static Map<String, Double> germanyInFile() throws Exception {
    Map<String, Double> sums = new HashMap<>();
    try (var in = Files.newBufferedReader(SHIPPED)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
        String v = r.get("value_thousand_persons");
        if (r.get("geo_label").equals("Germany") && !v.isBlank() && !v.equals(":")) {
          sums.merge(r.get("year"), Double.parseDouble(v), Double::sum);
        }
      }
    }
    return sums;
  }

  @Test
  @Order(1)
  void theShippedTableLoadsAndItsSumsReadBack() throws Exception {
    CliRun r = cli("ingest", "statistics", "--format", "json", SHIPPED.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = json.readTree(r.out());
    assertThat(report.get("dataset").asString()).isEqualTo("lfsa_eisn2");
    long cells = report.get("cells").asLong();
    long unavailable = report.get("skipped").get("not available (:)").asLong();
    assertThat(cells + unavailable).isEqualTo(Files.readAllLines(SHIPPED).size() - 1);

    JsonNode de =
        json.readTree(cli("statistics", "employment", "--country", "DE", "--format", "json").out());
    germanyInFile()
        .forEach(
            (year, sum) ->
                assertThat(de.get("thousandsByYear").get(year).asDouble())
                    .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01)));
    // Greece is EL at Eurostat and GR in ISO 3166: both find it.
    JsonNode gr =
        json.readTree(cli("statistics", "employment", "--country", "GR", "--format", "json").out());
    JsonNode el =
        json.readTree(cli("statistics", "employment", "--country", "EL", "--format", "json").out());
    assertThat(gr.get("cells").asLong()).isPositive().isEqualTo(el.get("cells").asLong());
  }

  @Test
  @Order(2)
  void aFileWithBadRowsLoadsTheGoodOnesAndExits2() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad-rows.csv"),
            "nace_r2_label,isco08_label,geo_label,year,value_thousand_persons,flag\n"
                + "Manufacturing,Managers,Germany,2024,10.5,\n"
                + "Manufacturing,Managers,Atlantis,2024,3.0,\n"
                + "Manufacturing,Professionals,Germany,20x4,3.0,\n"
                + "Construction,Managers,Germany,2024,4.5,\n");
    CliRun r = cli("ingest", "statistics", "--dataset", "small", file.toString());
    assertThat(r.code()).as(r.err() + r.out()).isEqualTo(2);
    assertThat(r.out())
        .contains("small: 2 cells loaded")
        .contains("rejected: line 3: unknown country 'Atlantis'")
        .contains("rejected: line 4: ");
    CliRun datasets = cli("statistics", "datasets", "--format", "json");
    assertThat(datasets.out())
        .contains("\"dataset\" : \"small\"")
        .contains("\"dataset\" : \"lfsa_eisn2\"");
  }

  @Test
  @Order(3)
  void aFileWithoutTheNeededColumnsChangesNothing() throws Exception {
    String before = cli("statistics", "employment", "--country", "DE", "--format", "json").out();
    Path file =
        Files.writeString(
            dir.resolve("no-value.csv"),
            "nace_r2_label,isco08_label,geo_label,year\nManufacturing,Managers,Germany,2024\n");
    CliRun r = cli("ingest", "statistics", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-value.csv: line 1: no 'value_thousand_persons' column");
    assertThat(cli("statistics", "employment", "--country", "DE", "--format", "json").out())
        .isEqualTo(before);
  }

  @Test
  @Order(4)
  void theEurostatApiReplacesTheDatasetAtOnceAndItsFailuresChangeNothing() throws Exception {
    String body;
    try (InputStream in = getClass().getResourceAsStream("/eurostat/lfsa_eisn2-DE-EL.json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    eurostat.stubFor(
        get(urlPathEqualTo("/data/lfsa_eisn2")).willReturn(aResponse().withBody(body)));
    CliRun r =
        cli(
            "ingest",
            "statistics",
            "--eurostat",
            "lfsa_eisn2",
            "--filter",
            "sex=T",
            "--filter",
            "age=Y15-74",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json.readTree(r.out()).get("cells").asLong()).isEqualTo(15);
    JsonNode de =
        json.readTree(
            cli(
                    "statistics",
                    "employment",
                    "--country",
                    "DE",
                    "--nace",
                    "C",
                    "--isco",
                    "2",
                    "--format",
                    "json")
                .out());
    assertThat(de.get("thousandsByYear").get("2024").asDouble()).isEqualTo(1201.5);
    // The file's 7,000-odd cells of lfsa_eisn2 were replaced, not added to.
    JsonNode all = json.readTree(cli("statistics", "employment", "--format", "json").out());
    assertThat(all.get("cells").asLong()).isEqualTo(15 + 2);

    eurostat.stubFor(
        get(urlPathEqualTo("/data/lfsa_eisn2")).willReturn(aResponse().withStatus(503)));
    CliRun busy = cli("ingest", "statistics", "--eurostat", "lfsa_eisn2");
    assertThat(busy.code()).isEqualTo(1);
    assertThat(busy.err()).contains("the Eurostat API").contains("HTTP 503 (4 tries)");

    eurostat.stubFor(
        get(urlPathEqualTo("/data/lfsa_eisn2")).willReturn(aResponse().withFixedDelay(1_500)));
    CliRun slow = cli("ingest", "statistics", "--eurostat", "lfsa_eisn2");
    assertThat(slow.code()).isEqualTo(1);
    assertThat(slow.err()).contains("no answer within 700 ms");

    eurostat.stubFor(
        get(urlPathEqualTo("/data/nosuch"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"error\":[{\"status\":404,\"label\":\"No results found\"}]}")));
    CliRun unknown = cli("ingest", "statistics", "--eurostat", "nosuch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Eurostat refused nosuch (HTTP 404: No results found)");

    assertThat(
            json.readTree(cli("statistics", "employment", "--format", "json").out())
                .get("cells")
                .asLong())
        .isEqualTo(15 + 2);
  }

  @Test
  @Order(5)
  void usageErrorsExit2() {
    assertThat(cli("ingest", "statistics").code()).isEqualTo(2);
    assertThat(cli("ingest", "statistics", "x.csv", "--eurostat", "lfsa_eisn2").code())
        .isEqualTo(2);
    assertThat(cli("ingest", "statistics", "--eurostat", "lfsa_eisn2", "--filter", "sex").code())
        .isEqualTo(2);
    CliRun bad = cli("statistics", "employment", "--nace", "CC");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("nace: a NACE Rev. 2 section letter");
    assertThat(List.of(cli("ingest", "statistics", dir.resolve("missing.csv").toString()).err()))
        .anySatisfy(e -> assertThat(e).contains("missing.csv: no such file"));
  }
}
