package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.ShippedEsco;
import eu.skillsobservatory.api.fixtures.TitleMeaningOff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emerging-skill detection end to end against the generator's truth, as a user runs it: the shipped
 * ESCO, a generated corpus with planted trends and one without, ingested with fast extraction,
 * scored by {@code evaluate emerging} at default settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TitleMeaningOff.class)
class EmergingCliIT {
  static final Path EMPLOYMENT = Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv");

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void loadEscoIntoTwoHomes() {
    ShippedEsco.into(dir.resolve("trend"));
    ShippedEsco.into(dir.resolve("flat"));
  }

  JsonNode evaluate(String home, int n, int emerging, int newTerms, long seed, boolean cases) {
    Path corpus = dir.resolve(home + ".jsonl.gz");
    Path h = dir.resolve(home);
    CliRun g =
        CliRun.in(
            h,
            "generate",
            "vacancies",
            "--n",
            String.valueOf(n),
            "--seed",
            String.valueOf(seed),
            "--emerging",
            String.valueOf(emerging),
            "--new-terms",
            String.valueOf(newTerms),
            "--employment",
            EMPLOYMENT.toString(),
            cases ? "--cases" : "--months=24",
            corpus.toString());
    assertThat(g.code()).as(g.err()).isZero();
    CliRun i = CliRun.in(h, "ingest", "vacancies", corpus.toString());
    assertThat(i.code()).as(i.err()).isZero();
    CliRun e = CliRun.in(h, "evaluate", "emerging", "--format", "json", corpus.toString());
    assertThat(e.code()).as(e.err()).isZero();
    return json.readTree(e.out());
  }

  /**
   * A corpus with the hard cases of real feeds (a portal joining with skills in its template, a
   * hiring campaign, seasonal skills, a volume ramp, an incomplete last month, large employers'
   * company texts, edited reposts): the planted rises are found, none of the cases is called.
   */
  @Test
  void plantedTrendsAreFoundWithHighPrecisionAndNoCaseIsCalled() throws Exception {
    JsonNode r = evaluate("trend", 30_000, 5, 3, 23, true);
    assertThat(r.get("planted").asInt()).isEqualTo(5);
    assertThat(r.get("recall").asDouble()).as(r.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.get("precision").asDouble()).as(r.toString()).isGreaterThanOrEqualTo(0.9);
    // Terms no ESCO label matches, rising in their sector: the candidate new skills.
    assertThat(r.get("newTerms").asInt()).isEqualTo(3);
    // With the volume ramp of the hard cases, the thinnest sector (J) shows its term weakly.
    assertThat(r.get("newTermsFound").asInt()).as(r.toString()).isGreaterThanOrEqualTo(2);
    assertThat(r.get("candidatesCalled").asInt()).as(r.toString()).isLessThanOrEqualTo(4);
    // The hard cases: no template or campaign skill called, at most one seasonal one in four.
    assertThat(r.get("cases").get("source-template").asInt()).isEqualTo(15);
    assertThat(r.get("falseCalls").get("source-template").asInt()).as(r.toString()).isZero();
    assertThat(r.get("falseCalls").get("employer-campaign").asInt()).as(r.toString()).isZero();
    assertThat(r.get("falseCalls").get("seasonal").asInt()).as(r.toString()).isLessThanOrEqualTo(1);
    String incomplete = r.get("incompleteMonth").asString();
    r.get("excludedMonths").forEach(m -> assertThat(m.asString()).isEqualTo(incomplete));

    // The same corpus's reposts, edited as aggregators edit, and its large employers' adverts.
    Path corpus = dir.resolve("trend.jsonl.gz");
    CliRun d =
        CliRun.in(
            dir.resolve("trend"),
            "evaluate",
            "deduplication",
            "--format",
            "json",
            corpus.toString());
    assertThat(d.code()).as(d.err()).isZero();
    JsonNode dedup = json.readTree(d.out());
    assertThat(dedup.get("recall").asDouble()).as(d.out()).isGreaterThanOrEqualTo(0.95);
    assertThat(dedup.get("sharedTextOriginals").asLong()).isGreaterThan(1_000);
    assertThat(dedup.get("sharedTextMergedRate").asDouble()).as(d.out()).isLessThanOrEqualTo(0.01);

    // The answers say the data is synthetic, and which dataset it is.
    CliRun e = CliRun.in(dir.resolve("trend"), "emerging", "--sector", "C");
    JsonNode em = json.readTree(e.out());
    assertThat(em.get("synthetic").asBoolean()).isTrue();
    assertThat(em.get("provenance").get("datasets").findValuesAsString("name"))
        .containsExactly("trend");
    assertThat(em.get("excludedMonth").asString()).isEqualTo(incomplete);
    assertThat(e.err()).contains(incomplete + " is left out");

    // The sector report of the same slice: its figures are those of the answers above, its
    // caveats say the data is synthetic and the last month incomplete.
    Path html = dir.resolve("report-c.html");
    CliRun report =
        CliRun.in(dir.resolve("trend"), "report", "--sector", "C", "-o", html.toString());
    assertThat(report.code()).as(report.err()).isZero();
    String page = Files.readString(html);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("Skill needs of sector C — Manufacturing")
        .contains("<svg")
        .contains("id=\"emerging\"")
        .contains("Synthetic data")
        .contains("This service uses the ESCO classification of the European Commission.")
        .doesNotContain("<script")
        .doesNotContain(" src=")
        .doesNotContain("<link");
    CliRun asJson =
        CliRun.in(dir.resolve("trend"), "report", "--sector", "C", "--format", "json", "-o", "-");
    assertThat(asJson.code()).as(asJson.err()).isZero();
    JsonNode rj = json.readTree(asJson.out());
    List<String> inReport = rj.get("emerging").get("emerging").findValuesAsString("uri");
    assertThat(inReport).isNotEmpty();
    assertThat(em.get("emerging").findValuesAsString("uri"))
        .startsWith(inReport.toArray(String[]::new));
    assertThat(rj.get("caveats").toString()).contains("Synthetic data").contains(incomplete);
    assertThat(rj.get("datasets").get(0).get("extractionMode").asString()).isEqualTo("fast");
    // The same report as PDF: a document PDFBox reads back, the figures in its text.
    Path pdf = dir.resolve("report-c.pdf");
    CliRun asPdf =
        CliRun.in(
            dir.resolve("trend"),
            "report",
            "--sector",
            "C",
            "--format",
            "pdf",
            "-o",
            pdf.toString());
    assertThat(asPdf.code()).as(asPdf.err()).isZero();
    try (var document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isGreaterThan(2);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Skill needs of sector C")
          .contains("Emerging skills")
          .contains("Data and provenance")
          .contains(
              String.format(Locale.ROOT, "%,d postings counted", rj.get("postings").asLong()));
    }
    CliRun pdfOut =
        CliRun.in(dir.resolve("trend"), "report", "--sector", "C", "--format", "pdf", "-o", "-");
    assertThat(pdfOut.code()).isEqualTo(2);
    assertThat(pdfOut.err()).contains("a PDF goes to a file");
    CliRun noSector = CliRun.in(dir.resolve("trend"), "report", "-o", html.toString());
    assertThat(noSector.code()).isEqualTo(2);
    assertThat(noSector.err()).contains("--sector");
  }

  @Test
  void whereNothingRisesAtMostFivePercentOfSkillsAreCalled() {
    // 20,000 adverts: 384 skills tested and none called (at 30,000: 680 and none).
    JsonNode r = evaluate("flat", 20_000, 0, 0, 22, false);
    assertThat(r.get("planted").asInt()).isZero();
    assertThat(r.get("tested").asInt()).as(r.toString()).isPositive();
    assertThat(r.get("calledShare").asDouble()).as(r.toString()).isLessThanOrEqualTo(0.05);
  }
}
