package eu.skillsobservatory.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ESCO web service as a fallback for occupations the local store does not know, switched on by
 * configuration, with WireMock playing the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscoWebServiceFallbackIT {
  static final String NEWER =
      "http://data.europa.eu/esco/occupation/7c4b1a2e-0000-4000-8000-000000000001";
  static final String NOWHERE =
      "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000dead";

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();
  WireMockServer esco;

  static CliRun cli(String... args) {
    return CliRun.in(dir.resolve("home"), args);
  }

  @BeforeAll
  void start() {
    esco = new WireMockServer(wireMockConfig().dynamicPort());
    esco.start();
    esco.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .withQueryParam("uri", equalTo(NEWER))
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"className":"Occupation","uri":"%s","title":"prompt engineer",
                         "code":"2512.9","preferredLabel":{"en":"prompt engineer"},
                         "_links":{"broaderIscoGroup":[{"uri":"http://data.europa.eu/esco/isco/C2512",
                           "title":"Software developers"}]}}
                        """
                            .formatted(NEWER))));
    esco.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .withQueryParam("uri", equalTo(NOWHERE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"logref\":\"NotFoundException\",\"status\":404}")));
    CliRun r = cli("ingest", "esco", "--no-index", MiniEscoFolder.in(dir).toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @AfterAll
  void stop() {
    System.clearProperty("observatory.esco-api.enabled");
    System.clearProperty("observatory.esco-api.url");
    esco.stop();
  }

  @Test
  void offByDefaultThenOnByConfiguration() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("newer.csv"),
            "id,source,posted,country,occupation,title\n"
                + "n1,newer,2025-01-10,IE,"
                + NEWER
                + ",Prompt engineer\n"
                + "n2,newer,2025-01-10,IE,"
                + NOWHERE
                + ",Mystery job\n");
    // Off: the newer occupation is kept and flagged, and nobody was asked.
    CliRun off = cli("ingest", "vacancies", "--format", "json", file.toString());
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(json.readTree(off.out()).get("unknownOccupations").asLong()).isEqualTo(2);
    assertThat(esco.getAllServeEvents()).isEmpty();
    assertThat(cli("esco", "show", NEWER).code()).isEqualTo(2);

    System.setProperty("observatory.esco-api.enabled", "true");
    System.setProperty("observatory.esco-api.url", esco.baseUrl() + "/esco/api");
    try {
      CliRun on = cli("ingest", "vacancies", "--format", "json", file.toString());
      assertThat(on.code()).as(on.err()).isZero();
      assertThat(json.readTree(on.out()).get("unknownOccupations").asLong()).isEqualTo(1);
      JsonNode n1 = json.readTree(cli("vacancies", "show", "newer", "n1").out());
      assertThat(n1.get("occupationUnknown").asBoolean()).isFalse();
      assertThat(n1.get("occupationResolvedBy").asString()).isEqualTo("esco-api");
      assertThat(n1.get("isco").asString()).isEqualTo("2512");
      assertThat(n1.get("iscoMajor").asString()).isEqualTo("2");
      JsonNode n2 = json.readTree(cli("vacancies", "show", "newer", "n2").out());
      assertThat(n2.get("occupationUnknown").asBoolean()).isTrue();
      esco.verify(
          getRequestedFor(urlPathEqualTo("/esco/api/resource/concept"))
              .withQueryParam("selectedVersion", equalTo("v1.2.0")));

      CliRun show = cli("esco", "show", NEWER);
      assertThat(show.code()).as(show.err()).isZero();
      JsonNode c = json.readTree(show.out());
      assertThat(c.get("preferredLabel").asString()).isEqualTo("prompt engineer");
      assertThat(c.get("version").asString()).isEqualTo("v1.2.0");
      assertThat(cli("esco", "show", NOWHERE).code()).isEqualTo(2);
    } finally {
      System.clearProperty("observatory.esco-api.enabled");
      System.clearProperty("observatory.esco-api.url");
    }
  }
}
