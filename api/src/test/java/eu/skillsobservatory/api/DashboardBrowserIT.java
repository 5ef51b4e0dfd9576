package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard end to end, in a real headless Chromium against the application as {@code serve}
 * starts it on an empty home (the shipped ESCO, statistics, sample vacancies and offers loaded on
 * first start): the page starts, a sector is chosen, every chart draws its data, the tables and the
 * offers fill, the curriculum form answers, nothing is fetched from another origin, no error is
 * logged (content security policy violations included), and a screenshot is kept in {@code
 * target/browser/}.
 *
 * <p>Without a Chromium the test is skipped, unless {@code OBSERVATORY_BROWSER_TEST=required} (as
 * {@code .ci/run} sets it after installing Debian's {@code chromium}), where it fails.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {
  static final Path home = Path.of("target", "test-homes", "dashboard-" + System.nanoTime());
  static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The page's own word on where it is: loading, idle (no sector yet), ready, failed, empty. */
  static final String STATE = "document.body ? document.body.dataset.state || '' : ''";

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add("observatory.esco.bundled", () -> "../data/esco/v1.1.1");
    r.add("observatory.vacancies.sample", () -> "../data/vacancies/sample-20000-seed1.jsonl.gz");
    r.add(
        "observatory.offers.samples",
        () -> "../data/offers/sample-2000-seed1.jsonl.gz,../data/offers/elm");
    r.add("observatory.statistics.sample", () -> "../data/eurostat/lfsa_eisn2_long.csv");
    r.add("observatory.extraction.warm-up", () -> "false");
  }

  @LocalServerPort int port;

  @Test
  void aSectorChosenInTheBrowserDrawsEveryPanelFromTheApi() throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    if (chromium.isEmpty()) {
      assertThat(System.getenv("OBSERVATORY_BROWSER_TEST"))
          .as(
              "OBSERVATORY_BROWSER_TEST=required, but no Chromium at /usr/bin/chromium or $CHROMIUM")
          .isNotEqualTo("required");
      Assumptions.abort("no Chromium here; .ci/run installs Debian's chromium");
    }
    String base = "http://localhost:" + port + "/";
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");

    try (HeadlessChromium browser =
        HeadlessChromium.start(chromium.get(), home.resolve("chromium-profile"), 1280, 2000)) {
      browser.navigate(base);
      browser.waitFor(STATE, v -> v.asString().equals("idle"), PATIENCE);
      assertThat(browser.eval("document.querySelectorAll('#sector option').length").asInt())
          .as("sectors offered")
          .isGreaterThan(5);

      // Choose the sector with the most vacancies, as a user does: the select changes, the page
      // hears the change event.
      String chosen =
          browser
              .eval(
                  "(() => { const s = document.getElementById('sector');"
                      + " s.value = s.options[1].value;"
                      + " s.dispatchEvent(new Event('change', {bubbles: true}));"
                      + " return s.value; })()")
              .asString();
      assertThat(chosen).matches("[A-U]");
      JsonNode state = browser.waitFor(STATE, v -> !v.asString().equals("loading"), PATIENCE);
      assertThat(state.asString())
          .as("panels: " + browser.eval("document.getElementById('status').textContent"))
          .isEqualTo("ready");
      assertThat(browser.eval("location.hash").asString()).contains("sector=" + chosen);

      for (String chart : new String[] {"chart-trend", "chart-top", "chart-emerging"}) {
        JsonNode drawn = browser.eval(chartDrawn(chart));
        assertThat(drawn.path("points").asInt()).as(chart + " data points").isPositive();
        assertThat(drawn.path("inked").asInt()).as(chart + " pixels drawn").isGreaterThan(500);
      }
      assertThat(browser.eval("document.getElementById('kpi-postings').textContent").asString())
          .matches("[0-9,]+");
      // The sample loaded on first start is synthetic: the banner says so while it is counted.
      assertThat(browser.eval("document.getElementById('synthetic-banner').hidden").asBoolean())
          .isFalse();
      assertThat(browser.eval("document.getElementById('synthetic-banner').textContent").asString())
          .contains("Synthetic data is counted")
          .contains("sample");
      assertThat(browser.eval("document.querySelectorAll('#table-gaps tbody tr').length").asInt())
          .isPositive();
      assertThat(browser.eval("document.querySelectorAll('#list-offers li').length").asInt())
          .isPositive();

      // The curriculum form, filled and sent.
      browser.eval(
          "(() => { document.getElementById('outcomes').value ="
              + " 'Think creatively to solve problems.\\nAssume responsibility for own work.';"
              + " document.getElementById('align-form').requestSubmit(); })()");
      browser.waitFor(
          "!document.getElementById('align-result').hidden"
              + " || !document.querySelector('#panel-align .error').hidden",
          JsonNode::asBoolean,
          PATIENCE);
      assertThat(
              browser.eval("document.querySelector('#panel-align .error').textContent").asString())
          .isEmpty();
      assertThat(browser.eval("document.querySelector('#align-result .coverage').textContent"))
          .asString()
          .contains("weighted coverage");
      assertThat(browser.eval("document.querySelectorAll('#align-result .found a').length").asInt())
          .isPositive();

      Path screenshot = Path.of("target", "browser", "dashboard.png");
      browser.screenshot(screenshot);
      assertThat(Files.size(screenshot)).isGreaterThan(20_000);

      assertThat(browser.errors()).as("errors the page logged").isEmpty();
      assertThat(browser.requested())
          .as("the page reads only this server")
          .isNotEmpty()
          // data: URLs are the browser's own (the month inputs' calendar icon); they go nowhere.
          .allSatisfy(
              url ->
                  assertThat(url)
                      .satisfiesAnyOf(
                          u -> assertThat(u).startsWith(base),
                          u -> assertThat(u).startsWith("data:")));
    }
  }

  /** How many data points a chart holds and how many of its canvas pixels are not blank. */
  private static String chartDrawn(String id) {
    return "(() => { const c = document.getElementById('"
        + id
        + "'); const chart = Chart.getChart(c);"
        + " const points = chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0;"
        + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " let inked = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;"
        + " return {points, inked}; })()";
  }
}
