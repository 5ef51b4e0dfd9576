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
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
    // Titles are not its subject: no model for the few the labels code unsurely.
    r.add("observatory.extraction.title-meaning", () -> "false");
    r.add(
        "observatory.security.api-keys",
        () -> "partner:" + eu.skillsobservatory.api.web.ApiKeyFilter.hash(KEY));
  }

  static final String KEY = "dashboard-test-key";

  static final String[] TITLES = {
    "Welder", "CNC operator", "Quality inspector", "Maintenance electrician", "Forklift driver",
    "Industrial painter", "Production planner", "Toolmaker", "Pipe fitter", "Lab technician",
    "Warehouse clerk", "Process engineer"
  };

  static final String[] TASKS = {
    "Weld steel frames and read technical drawings.",
    "Set up and operate CNC machines and program their controllers.",
    "Inspect parts against specifications and record deviations.",
    "Troubleshoot electrical faults and install wiring in the plant.",
    "Move pallets with a forklift and keep the loading bay safe.",
    "Prepare surfaces and spray industrial coatings.",
    "Plan production runs and balance the shifts of the line.",
    "Build and repair moulds, dies and cutting tools.",
    "Fit and weld pipes for cooling and compressed air systems.",
    "Test samples in the laboratory and report the results.",
    "Keep stock records in spreadsheets and pick orders.",
    "Improve processes with statistical process control."
  };

  /**
   * The sample has no NUTS regions: a partner's own vacancies with regions, loaded through the API
   * into the sector with the most vacancies, give the region filter something to filter.
   */
  static void loadVacanciesWithRegions(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    JsonNode sectors =
        new tools.jackson.databind.json.JsonMapper()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(base + "api/analytics/demand?groupBy=sector&limit=1"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    String sector = sectors.get("groups").get(0).get("group").asString();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      rows.append(
          String.format(
              "{\"id\":\"r%d\",\"source\":\"partner\",\"posted\":\"2024-%02d-10\","
                  + "\"country\":\"DE\",\"region\":\"%s\",\"nace\":\"%s\","
                  + "\"title\":\"%s\",\"description\":\"%s\"}%n",
              i, 1 + i % 12, i < 8 ? "DE21" : "DE30", sector, TITLES[i], TASKS[i]));
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "api/vacancies?source=partner&wait=true&dataset=partner"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(rows.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
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
    loadVacanciesWithRegions(base);

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

      everyChartHasATableAndEveryPanelItsDownloads(browser, base);
      theOccupationRegionAndLevelFiltersNarrowTheSlice(browser);
      keyboardFocusIsVisible(browser);

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

      // The sector report of the slice shown, opened from the dashboard's link.
      String report = browser.eval("document.getElementById('report-link').href").asString();
      assertThat(report).startsWith(base + "api/reports/sector?").contains("sector=" + chosen);
      sectorReportOpensAsAPersonSeesIt(browser, report, chosen);

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

  /**
   * Each chart's figures in a table beside it (screen readers read the table, not the canvas), a
   * CSV link per panel that the API answers as CSV, and a PNG of each chart.
   */
  private void everyChartHasATableAndEveryPanelItsDownloads(HeadlessChromium browser, String base)
      throws Exception {
    assertThat(browser.eval("document.getElementById('data-info').textContent").asString())
        .contains("vacancies")
        .contains("sample (synthetic)")
        .contains("partner")
        .contains("ESCO v1.1.1");
    for (String chart : new String[] {"chart-trend", "chart-top", "chart-emerging"}) {
      int labels =
          browser
              .eval("Chart.getChart(document.getElementById('" + chart + "')).data.labels.length")
              .asInt();
      int rows =
          browser
              .eval(
                  "document.getElementById('"
                      + chart
                      + "').closest('section').querySelectorAll('.table-view tbody tr').length")
              .asInt();
      assertThat(rows).as(chart + " table rows").isEqualTo(labels).isPositive();
      String png =
          browser
              .eval(
                  "ObservatoryViews.png(document.getElementById('"
                      + chart
                      + "'), 'test').then(b => b.type + ' ' + b.size)")
              .asString();
      assertThat(png).as(chart + " PNG").startsWith("image/png ");
      assertThat(Long.parseLong(png.substring("image/png ".length()))).isGreaterThan(2_000);
    }
    JsonNode links =
        browser.eval(
            "[...document.querySelectorAll('#panels a.csv')].map(a => a.getAttribute('href'))");
    assertThat(links).hasSize(5);
    HttpClient http = HttpClient.newHttpClient();
    for (JsonNode link : links) {
      assertThat(link.asString()).startsWith("api/analytics/").contains("format=csv");
      HttpResponse<String> csv =
          http.send(
              HttpRequest.newBuilder(URI.create(base + link.asString())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).as(link.asString()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body().lines().count()).as(link.asString()).isGreaterThan(1);
    }
  }

  /** Region, occupation and skill-group level, chosen as a user does; the panels follow. */
  private void theOccupationRegionAndLevelFiltersNarrowTheSlice(HeadlessChromium browser)
      throws Exception {
    long all =
        Long.parseLong(
            browser
                .eval("document.getElementById('kpi-postings').textContent")
                .asString()
                .replace(",", ""));
    assertThat(browser.eval("document.querySelectorAll('#occupation-isco option').length").asInt())
        .isEqualTo(10);
    assertThat(browser.eval("document.querySelectorAll('#occupation-esco option').length").asInt())
        .isPositive();
    // The ESCO occupations are named by their labels, not their URIs.
    assertThat(
            browser
                .eval("document.querySelector('#occupation-esco option').textContent")
                .asString())
        .doesNotStartWith("http");
    assertThat(browser.eval("document.querySelectorAll('#region option').length").asInt())
        .isGreaterThan(1);
    // An ISCO major group the slice has vacancies of, asked of the API as a partner would.
    String major =
        browser
            .eval(
                "fetch('api/analytics/demand?groupBy=isco&limit=1&sector='"
                    + " + document.getElementById('sector').value)"
                    + ".then(r => r.json()).then(d => d.groups[0].group.slice(0, 1))")
            .asString();
    choose(browser, "occupation", "'" + major + "'");
    long occupation =
        Long.parseLong(
            browser
                .eval("document.getElementById('kpi-postings').textContent")
                .asString()
                .replace(",", ""));
    assertThat(occupation).isPositive().isLessThanOrEqualTo(all);
    assertThat(browser.eval("location.hash").asString()).contains("occupation=" + major);
    assertThat(browser.eval("document.getElementById('report-link').href").asString())
        .contains("occupation=" + major);
    choose(browser, "occupation", "''");
    choose(browser, "level", "'group'");
    assertThat(
            browser
                .eval("document.querySelector('#panel-top a.csv').getAttribute('href')")
                .asString())
        .contains("level=group");
    assertThat(
            browser
                .eval("document.querySelector('#panel-top .table-view thead th').textContent")
                .asString())
        .isEqualTo("Skill group");
    choose(browser, "level", "'skill'");
    choose(browser, "region", "'DE21'");
    assertThat(browser.eval("location.hash").asString()).contains("region=DE21");
    // The eight adverts of DE21, less any the loader took for near-duplicates of each other.
    assertThat(browser.eval("document.getElementById('kpi-postings').textContent").asInt())
        .isBetween(1, 8);
    choose(browser, "region", "''");
  }

  /** Sets a filter as a user does (the change event) and waits for every panel. */
  private static void choose(HeadlessChromium browser, String id, String valueExpression)
      throws Exception {
    browser.eval(
        "(() => { const s = document.getElementById('"
            + id
            + "'); s.value = "
            + valueExpression
            + "; s.dispatchEvent(new Event('change', {bubbles: true})); })()");
    JsonNode state = browser.waitFor(STATE, v -> !v.asString().equals("loading"), PATIENCE);
    assertThat(state.asString())
        .as(id + ": " + browser.eval("document.getElementById('status').textContent"))
        .isEqualTo("ready");
  }

  /** Tabbing to a control shows where the focus is. */
  private static void keyboardFocusIsVisible(HeadlessChromium browser) {
    browser.eval("document.activeElement && document.activeElement.blur()");
    for (int i = 0; i < 3; i++) {
      for (String type : new String[] {"keyDown", "keyUp"}) {
        browser.call(
            "Input.dispatchKeyEvent",
            Map.of("type", type, "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9));
      }
    }
    JsonNode focused =
        browser.eval(
            "(() => { const e = document.activeElement; const c = getComputedStyle(e);"
                + " return {tag: e.tagName, style: c.outlineStyle, width: c.outlineWidth}; })()");
    assertThat(focused.get("tag").asString()).isNotEqualTo("BODY");
    assertThat(focused.get("style").asString()).as(focused.toString()).isEqualTo("solid");
    assertThat(focused.get("width").asString()).isEqualTo("3px");
  }

  /**
   * The report is one file that loads nothing: every section is there, its charts are drawn as SVG,
   * the synthetic sample is declared, and a screenshot is kept beside the dashboard's.
   */
  private void sectorReportOpensAsAPersonSeesIt(HeadlessChromium browser, String url, String sector)
      throws Exception {
    HttpResponse<String> json =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "&format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    JsonNode r = new tools.jackson.databind.json.JsonMapper().readTree(json.body());
    assertThat(r.get("synthetic").asBoolean()).isTrue();
    assertThat(r.get("datasets").findValuesAsString("name")).contains("sample");
    assertThat(r.get("postings").asLong()).isPositive();

    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    try (var document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Skill needs of sector " + sector)
          .contains("Synthetic data");
    }

    browser.navigate(url);
    browser.waitFor(
        "document.readyState === 'complete' && !!document.getElementById('provenance')",
        JsonNode::asBoolean,
        PATIENCE);
    assertThat(browser.eval("document.querySelector('h1').textContent").asString())
        .startsWith("Skill needs of sector " + sector);
    for (String id :
        new String[] {
          "summary",
          "over-time",
          "top-skills",
          "digital-green",
          "emerging",
          "gaps",
          "methods",
          "provenance"
        }) {
      assertThat(browser.eval("!!document.getElementById('" + id + "')").asBoolean())
          .as("section " + id)
          .isTrue();
    }
    assertThat(browser.eval("document.querySelectorAll('#over-time svg circle').length").asInt())
        .isEqualTo(r.get("months").size());
    assertThat(browser.eval("document.querySelectorAll('#top-skills svg rect').length").asInt())
        .isEqualTo(r.get("topSkills").size());
    // Styled by its own inline style (the page's policy lets nothing else in).
    assertThat(
            browser
                .eval("getComputedStyle(document.querySelector('.synthetic')).backgroundColor")
                .asString())
        .isEqualTo("rgb(255, 243, 191)");
    assertThat(browser.eval("document.querySelector('.synthetic').textContent").asString())
        .contains("Synthetic data");
    assertThat(
            browser.eval("document.querySelectorAll('script, link, img, iframe').length").asInt())
        .isZero();
    Path screenshot = Path.of("target", "browser", "sector-report.png");
    browser.screenshot(screenshot);
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
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
