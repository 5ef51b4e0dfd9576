package eu.skillsobservatory.ingest.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the connection does with a cluster in trouble or behind TLS. A cluster that answers 429 or
 * speaks TLS with a private CA cannot run here, so WireMock plays it, answering as Elasticsearch
 * does (the client checks the product header).
 */
class SearchConnectionTest {
  static final String INFO =
      "{\"name\":\"n\",\"cluster_name\":\"c\",\"cluster_uuid\":\"u\",\"version\":{\"number\":\"8.19.21\","
          + "\"build_flavor\":\"default\",\"build_type\":\"tar\",\"build_hash\":\"h\","
          + "\"build_date\":\"2025-01-01T00:00:00Z\",\"build_snapshot\":false,"
          + "\"lucene_version\":\"9.12.2\",\"minimum_wire_compatibility_version\":\"7.17.0\","
          + "\"minimum_index_compatibility_version\":\"7.0.0\"},\"tagline\":\"You Know, for Search\"}";
  static final String ALIASES = "{\"esco-concepts-v1-1\":{\"aliases\":{\"esco-concepts\":{}}}}";
  static final String TOO_MANY =
      "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue full\"},"
          + "\"status\":429}";

  WireMockServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder es(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Elastic-Product", "Elasticsearch")
        .withBody(body);
  }

  WireMockServer http() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  @Test
  void aBusyClusterIsAskedAgainWithBackoff() throws Exception {
    WireMockServer wm = http();
    wm.stubFor(
        get(urlPathMatching("/_alias/esco-concepts"))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(es(429, TOO_MANY))
            .willSetStateTo("still busy"));
    wm.stubFor(
        get(urlPathMatching("/_alias/esco-concepts"))
            .inScenario("busy")
            .whenScenarioStateIs("still busy")
            .willReturn(es(503, TOO_MANY.replace("429", "503")))
            .willSetStateTo("ready"));
    wm.stubFor(
        get(urlPathMatching("/_alias/esco-concepts"))
            .inScenario("busy")
            .whenScenarioStateIs("ready")
            .willReturn(es(200, ALIASES)));
    try (SearchConnection c = SearchConnection.local(wm.baseUrl())) {
      long start = System.nanoTime();
      List<String> indices =
          List.copyOf(
              c.withRetries(
                      "test", () -> c.client().indices().getAlias(g -> g.name("esco-concepts")))
                  .result()
                  .keySet());
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(indices).containsExactly("esco-concepts-v1-1");
      wm.verify(3, getRequestedFor(urlPathMatching("/_alias/esco-concepts")));
      // 100 ms then 200 ms, each with jitter between half and one and a half of it.
      assertThat(waited).isGreaterThanOrEqualTo(150);
    }
  }

  @Test
  void retriesEndAndTheLastFailureIsReported() {
    WireMockServer wm = http();
    wm.stubFor(get(urlPathMatching("/_alias/.*")).willReturn(es(429, TOO_MANY)));
    try (SearchConnection c =
        SearchConnection.connect(SearchConnection.Options.of(wm.baseUrl()).withRetries(2))) {
      assertThatThrownBy(
              () ->
                  c.withRetries(
                      "test", () -> c.client().indices().getAlias(g -> g.name("esco-concepts"))))
          .hasMessageContaining("queue full");
      wm.verify(3, getRequestedFor(urlPathMatching("/_alias/.*")));
    }
  }

  @Test
  void aRequestElasticsearchRefusesIsNotRepeated() {
    WireMockServer wm = http();
    wm.stubFor(
        get(urlPathMatching("/_alias/.*"))
            .willReturn(
                es(
                    400,
                    "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"bad\"},"
                        + "\"status\":400}")));
    try (SearchConnection c = SearchConnection.local(wm.baseUrl())) {
      assertThatThrownBy(
              () ->
                  c.withRetries(
                      "test", () -> c.client().indices().getAlias(g -> g.name("esco-concepts"))))
          .hasMessageContaining("bad");
      wm.verify(1, getRequestedFor(urlPathMatching("/_alias/.*")));
    }
  }

  @Test
  void aRefusedConnectionCountsAsTransient() {
    assertThat(SearchConnection.isTransient(new ConnectException("refused"))).isTrue();
    assertThat(SearchConnection.isTransient(new SocketTimeoutException("slow"))).isFalse();
  }

  @Test
  void aTlsClusterIsTrustedThroughTheGivenCaCertificateOnly(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("node.p12");
    Path ca = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-file",
        ca.toString());
    server =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
    server.start();
    server.stubFor(get(urlEqualTo("/")).willReturn(es(200, INFO)));
    String url = "https://127.0.0.1:" + server.httpsPort();

    try (SearchConnection trusted =
        SearchConnection.connect(SearchConnection.Options.of(url).withCaCertificate(ca))) {
      assertThat(new EscoSearchIndex(trusted).ping()).contains("8.19.21");
    }
    try (SearchConnection untrusted =
        SearchConnection.connect(SearchConnection.Options.of(url).withRetries(0))) {
      assertThat(new EscoSearchIndex(untrusted).ping()).isEmpty();
    }
  }

  @Test
  void aMissingOrBrokenCaCertificateIsNamed(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(
            () ->
                SearchConnection.connect(
                    SearchConnection.Options.of("https://127.0.0.1:9200")
                        .withCaCertificate(missing)))
        .isInstanceOf(SearchStoreException.class)
        .hasMessageContaining("nope.pem does not exist");
    Path broken = Files.writeString(dir.resolve("broken.pem"), "not a certificate");
    assertThatThrownBy(
            () ->
                SearchConnection.connect(
                    SearchConnection.Options.of("https://127.0.0.1:9200")
                        .withCaCertificate(broken)))
        .isInstanceOf(SearchStoreException.class)
        .hasMessageContaining("broken.pem");
  }

  @Test
  void aUrlWithoutHostOrHttpIsRefused() {
    assertThatThrownBy(() -> SearchConnection.local("ftp://example.org"))
        .isInstanceOf(SearchStoreException.class)
        .hasMessageContaining("http or https");
  }

  static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }
}
