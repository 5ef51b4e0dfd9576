package eu.skillsobservatory.ingest.esco;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.ingest.http.RetryingHttp;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ESCO web service played by WireMock, answering in its HAL shape. */
class EscoWebServiceTest {
  static final String NEW_OCCUPATION =
      "http://data.europa.eu/esco/occupation/7c4b1a2e-0000-4000-8000-000000000001";
  static final String BODY =
      """
      {"className":"Occupation","classId":"http://data.europa.eu/esco/model#Occupation",
       "uri":"%s","title":"prompt engineer","referenceLanguage":["en"],
       "code":"2512.9","preferredLabel":{"en":"prompt engineer","de":"Prompt-Ingenieur/Prompt-Ingenieurin"},
       "alternativeLabel":{"en":["AI prompt designer","prompt designer"]},
       "description":{"en":{"literal":"Prompt engineers design instructions for AI models.","mimetype":"plain/text"}},
       "_links":{"self":{"href":"https://ec.europa.eu/esco/api/resource/occupation?uri=x","uri":"%s","title":"prompt engineer"},
        "broaderIscoGroup":[{"href":"...","uri":"http://data.europa.eu/esco/isco/C2512","title":"Software developers","code":"2512"}],
        "hasEssentialSkill":[{"href":"...","uri":"http://data.europa.eu/esco/skill/aaa","title":"use AI models"}],
        "hasOptionalSkill":{"href":"...","uri":"http://data.europa.eu/esco/skill/bbb","title":"write documentation"}}}
      """
          .formatted(NEW_OCCUPATION, NEW_OCCUPATION);

  WireMockServer server;
  EscoWebService service;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    service =
        new EscoWebService(
            URI.create(server.baseUrl() + "/esco/api"),
            "v1.2.0",
            new RetryingHttp.Settings(
                Duration.ofSeconds(2), Duration.ofMillis(600), 2, Duration.ofMillis(10)),
            100);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void anUnknownConceptIsResolvedOnceAndThenComesFromTheCache() {
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .withQueryParam("uri", equalTo(NEW_OCCUPATION))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(BODY)));
    var c = service.concept(NEW_OCCUPATION, "en").orElseThrow();
    assertThat(c.type()).isEqualTo(ConceptType.OCCUPATION);
    assertThat(c.preferredLabel()).isEqualTo("prompt engineer");
    assertThat(c.altLabels()).containsExactly("AI prompt designer", "prompt designer");
    assertThat(c.description()).startsWith("Prompt engineers design");
    assertThat(c.iscoCode()).contains("2512");
    assertThat(c.iscoGroup().uri()).isEqualTo("http://data.europa.eu/esco/isco/C2512");
    assertThat(c.essentialSkills())
        .containsExactly(new ConceptRef("http://data.europa.eu/esco/skill/aaa", "use AI models"));
    assertThat(c.optionalSkills()).hasSize(1);
    assertThat(c.version()).isEqualTo("v1.2.0");
    server.verify(
        getRequestedFor(urlPathEqualTo("/esco/api/resource/concept"))
            .withQueryParam("language", equalTo("en"))
            .withQueryParam("selectedVersion", equalTo("v1.2.0")));

    assertThat(service.concept(NEW_OCCUPATION, "en")).isPresent();
    assertThat(service.requests()).isEqualTo(1);
    // Another language is another question.
    assertThat(service.concept(NEW_OCCUPATION, "de").orElseThrow().preferredLabel())
        .isEqualTo("Prompt-Ingenieur/Prompt-Ingenieurin");
    assertThat(service.requests()).isEqualTo(2);
  }

  @Test
  void aConceptTheServiceDoesNotKnowIsAbsentAndTheMissIsRemembered() {
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"logref\":\"NotFoundException\",\"status\":404,\"message\":\"not found\"}")));
    assertThat(service.concept("http://data.europa.eu/esco/skill/nope", "en")).isEmpty();
    assertThat(service.concept("http://data.europa.eu/esco/skill/nope", "en")).isEmpty();
    assertThat(service.requests()).isEqualTo(1);
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"logref\":\"BadInputException\",\"status\":400,\"message\":\"bad uri\"}")));
    assertThat(service.concept("http://example.org/not-esco", "en")).isEmpty();
  }

  @Test
  void aBusyServiceIsAskedAgain() {
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .inScenario("busy")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withBody(BODY)));
    assertThat(service.concept(NEW_OCCUPATION, "en")).isPresent();
    server.verify(2, getRequestedFor(urlPathEqualTo("/esco/api/resource/concept")));
  }

  @Test
  void failuresAreNamedAndNotCached() {
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .willReturn(aResponse().withFixedDelay(1_200).withBody(BODY)));
    assertThatThrownBy(() -> service.concept(NEW_OCCUPATION, "en"))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("the ESCO web service")
        .hasMessageContaining("no answer within 600 ms (3 tries)");
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"logref\":\"ServerError\",\"status\":500,\"message\":\"boom\"}")));
    assertThatThrownBy(() -> service.concept(NEW_OCCUPATION, "en"))
        .isInstanceOf(RemoteServiceException.class)
        .hasMessageContaining("HTTP 500: boom");
    server.stubFor(
        get(urlPathEqualTo("/esco/api/resource/concept")).willReturn(aResponse().withBody(BODY)));
    assertThat(service.concept(NEW_OCCUPATION, "en")).isPresent();
  }
}
