package eu.skillsobservatory.ingest.statistics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.ingest.http.RetryingHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eurostat's dissemination API played by WireMock with an answer in the real JSON-stat 2.0 shape
 * (dimension order, sparse values, status flags, extension), and its failures.
 */
class EurostatClientTest {
  static final String PATH = "/eurostat/api/dissemination/statistics/1.0/data/lfsa_eisn2";
  static final List<Map.Entry<String, String>> FILTERS =
      List.of(Map.entry("sex", "T"), Map.entry("age", "Y15-74"), Map.entry("unit", "THS_PER"));

  WireMockServer server;
  EurostatClient client;

  static String sample() throws IOException {
    try (InputStream in =
        EurostatClientTest.class.getResourceAsStream("/eurostat/lfsa_eisn2-DE-EL.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    client =
        new EurostatClient(
            URI.create(server.baseUrl() + "/eurostat/api/dissemination/statistics/1.0/data"),
            new RetryingHttp.Settings(
                Duration.ofSeconds(2), Duration.ofMillis(700), 2, Duration.ofMillis(20)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aDatasetIsFetchedWithItsFiltersAndReadIntoCells() throws IOException {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(sample())));
    JsonStat data = client.fetch("lfsa_eisn2", FILTERS);
    server.verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam(
                "format", com.github.tomakehurst.wiremock.client.WireMock.equalTo("JSON"))
            .withQueryParam("sex", com.github.tomakehurst.wiremock.client.WireMock.equalTo("T"))
            .withQueryParam(
                "age", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Y15-74")));
    assertThat(data.label()).startsWith("Employment by sex, age, occupation");
    assertThat(data.cells()).hasSize(53);

    EurostatEmployment.Table t = EurostatEmployment.cells(data, "lfsa_eisn2");
    // 2 ISCO groups x 2 sections x 2 countries x 2 years, less one suppressed value.
    assertThat(t.cells()).hasSize(15);
    assertThat(t.skipped())
        .containsEntry("NACE aggregate or unknown code", 18)
        .containsEntry("ISCO aggregate or unknown code", 12)
        .containsEntry("country aggregate", 8);
    assertThat(t.cells()).contains(new EmploymentCell("C", "2", "DE", 2024, 1201.5, ""));
    assertThat(t.cells())
        .filteredOn(c -> c.country().equals("EL") && c.isco().equals("1"))
        .allSatisfy(c -> assertThat(c.flag()).isEqualTo("u"))
        .noneMatch(c -> c.nace().equals("J") && c.year() == 2023);
  }

  @Test
  void aDimensionLeftWithSeveralCategoriesIsNamedWithTheFilterToAdd() throws IOException {
    String twoSexes =
        sample()
            .replace("\"index\": {\n     \"T\": 0\n    }", "\"index\": {\"F\": 0, \"T\": 1}")
            .replace("\"size\": [\n  1,\n  1,\n  1,", "\"size\": [\n  1,\n  1,\n  2,");
    assertThat(twoSexes).contains("\"F\": 0");
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(twoSexes)));
    JsonStat data = client.fetch("lfsa_eisn2", List.of());
    assertThatThrownBy(() -> EurostatEmployment.cells(data, "lfsa_eisn2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 'sex' has 2 categories (F, T)")
        .hasMessageContaining("--filter sex=F");
  }

  @Test
  void anUnknownDatasetIsBadInputWithEurostatsOwnWords() {
    server.stubFor(
        get(urlPathEqualTo("/eurostat/api/dissemination/statistics/1.0/data/nosuch"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"error\":[{\"status\":404,\"id\":100,\"label\":\"No results found\"}]}")));
    assertThatThrownBy(() -> client.fetch("nosuch", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Eurostat refused nosuch (HTTP 404: No results found)");
  }

  @Test
  void aWrongFilterIsBadInput() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"status\":400,\"id\":150,\"label\":\"Dimension GEOX not"
                            + " found\"}}")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", List.of(Map.entry("geox", "DE"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Dimension GEOX not found")
        .hasMessageContaining("--filter");
  }

  @Test
  void aBusyServiceIsAskedAgainAndItsAnswerUsed() throws IOException {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("better"));
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("busy")
            .whenScenarioStateIs("better")
            .willReturn(aResponse().withBody(sample())));
    assertThat(client.fetch("lfsa_eisn2", FILTERS).cells()).hasSize(53);
    server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aServiceThatNeverAnswersInTimeFailsAfterItsRetries() {
    server.stubFor(
        get(urlPathEqualTo(PATH)).willReturn(aResponse().withFixedDelay(1_500).withBody("{}")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", FILTERS))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("the Eurostat API")
        .hasMessageContaining("no answer within 700 ms (3 tries)");
    server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aServerErrorIsAFailureNotBadInput() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"error\":{\"status\":500,\"label\":\"Internal error\"}}")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", FILTERS))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("HTTP 500: Internal error");
  }

  @Test
  void anAnswerThatIsNotJsonStatIsNamed() {
    server.stubFor(
        get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody("<html>maintenance</html>")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", FILTERS))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("not JSON");
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withBody("{\"value\":{},\"id\":[\"geo\"],\"size\":[1]}")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", FILTERS))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("malformed dataset: JSON-stat: no 'dimension'");
  }

  @Test
  void aLargeExtractionPreparedInTheBackgroundIsExplained() {
    server.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"warning\":{\"status\":413,\"label\":\"ASYNCHRONOUS_RESPONSE. Your"
                            + " request will be treated asynchronously.\"}}")));
    assertThatThrownBy(() -> client.fetch("lfsa_eisn2", List.of()))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("ASYNCHRONOUS_RESPONSE")
        .hasMessageContaining("narrow the request with --filter");
  }

  @Test
  void datasetAndFilterNamesAreChecked() {
    assertThatThrownBy(() -> client.uri("lfsa eisn2&x=1", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--eurostat");
    assertThatThrownBy(() -> client.uri("lfsa_eisn2", List.of(Map.entry("geo&x", "DE"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--filter");
    assertThat(client.uri("lfsa_eisn2", List.of(Map.entry("geo", "DE"))).toString())
        .endsWith("/data/lfsa_eisn2?format=JSON&lang=EN&geo=DE");
  }
}
