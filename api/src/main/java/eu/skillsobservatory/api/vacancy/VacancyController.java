package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/vacancies}: a body of JSON Lines (or CSV, or either gzipped), streamed row by
 * row into the vacancies index exactly as {@code ingest vacancies} does; the answer is the ingest
 * report, with the rejects file of any rejected rows. {@code GET /api/vacancies/stats}: what is
 * held.
 */
@RestController
public class VacancyController {
  private final VacancyService vacancies;

  public VacancyController(VacancyService vacancies) {
    this.vacancies = vacancies;
  }

  @PostMapping(
      value = "/api/vacancies",
      consumes = {
        "application/x-ndjson",
        "application/jsonl",
        "application/json",
        "text/csv",
        "application/gzip",
        "application/octet-stream"
      })
  public VacancyService.IngestReport ingest(
      HttpServletRequest request,
      @RequestParam(defaultValue = "api") String source,
      @RequestParam(defaultValue = "fast") String extraction)
      throws IOException {
    ExtractionMode mode = ExtractionMode.parse(extraction);
    try (InputStream body = request.getInputStream()) {
      return vacancies.ingestInputs(
          List.of(eu.skillsobservatory.api.rows.RowInput.stream(body, "request body", source)),
          mode,
          Optional.empty(),
          Progress.NONE);
    }
  }

  @GetMapping("/api/vacancies/stats")
  public VacancyIndex.Stats stats() {
    return vacancies.stats();
  }
}
