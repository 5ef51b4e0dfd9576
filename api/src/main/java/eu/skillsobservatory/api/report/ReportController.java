package eu.skillsobservatory.api.report;

import eu.skillsobservatory.analytics.cache.AnswerCache;
import eu.skillsobservatory.analytics.report.SectorReport;
import eu.skillsobservatory.api.analytics.AnalyticsController.SliceParams;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.web.AcceptHeader;
import eu.skillsobservatory.api.web.ExpensiveReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/reports/sector}: the sector report of a slice, as the self-contained HTML file
 * {@code report} writes (the default, and what a browser asks for) or its figures as JSON ({@code
 * format=json} or {@code Accept: application/json}). Kept by data version like every analytics
 * answer.
 */
@RestController
public class ReportController {
  private final SectorReport reports;
  private final AnswerCache answers;
  private final ExpensiveReads expensive;
  private final JsonMapper json = JsonConfiguration.lineMapper();

  public ReportController(SectorReport reports, AnswerCache answers, ExpensiveReads expensive) {
    this.reports = reports;
    this.answers = answers;
    this.expensive = expensive;
  }

  @Operation(
      summary = "A sector's report: one HTML file to hand on, or its figures as JSON",
      description =
          "Summary, demand over time, the most demanded skills with their intervals, digital and"
              + " green shares, emerging skills with their evidence, gaps and the offers that close"
              + " them, methods and caveats, and the data's provenance. The slice must name a"
              + " sector.")
  @GetMapping(
      value = "/api/reports/sector",
      produces = {
        MediaType.TEXT_HTML_VALUE,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PDF_VALUE
      })
  public ResponseEntity<?> sector(
      @ParameterObject @ModelAttribute SliceParams slice,
      @Parameter(description = "html (the default), pdf or json; else the Accept header decides.")
          @RequestParam(required = false)
          String format,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
          String accept) {
    String as = wanted(format, accept);
    var s = slice.slice();
    if (s.sector().isEmpty()) {
      throw new IllegalArgumentException("sector: a sector report needs a sector (C, or 25)");
    }
    SectorReport.Report r =
        answers.get(
            "sector-report",
            List.of(slice),
            () -> expensive.run(ExpensiveReads.Kind.ANALYTICS, () -> reports.of(s)),
            a -> json.writeValueAsBytes(a).length);
    if (as.equals("json")) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r);
    }
    if (as.equals("pdf")) {
      ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
      expensive.run(
          ExpensiveReads.Kind.ANALYTICS,
          () -> {
            SectorReportPdf.write(r, pdf);
            return null;
          });
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "inline; filename=\"sector-report-" + r.sector() + ".pdf\"")
          .body(pdf.toByteArray());
    }
    return ResponseEntity.ok()
        // The file's own style is inline; it loads nothing, runs nothing, is framed by no one.
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'")
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(SectorReportHtml.render(r));
  }

  /** {@code html}, {@code pdf} or {@code json}: as {@code format} says, else as Accept prefers. */
  static String wanted(String format, String accept) {
    if (format != null && !format.isBlank()) {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!f.equals("html") && !f.equals("pdf") && !f.equals("json")) {
        throw new IllegalArgumentException("format: html, pdf or json, not '" + format + "'");
      }
      return f;
    }
    for (MediaType m : AcceptHeader.ordered(accept)) {
      if (m.isWildcardType()) {
        continue;
      }
      if (m.isCompatibleWith(MediaType.TEXT_HTML)) {
        return "html";
      }
      if (m.isCompatibleWith(MediaType.APPLICATION_PDF)) {
        return "pdf";
      }
      if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return "json";
      }
    }
    return "html";
  }
}
