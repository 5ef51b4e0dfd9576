package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
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
 * {@code POST /api/vacancies}: a body of JSON Lines (or CSV, or either gzipped), loaded into the
 * vacancies index exactly as {@code ingest vacancies} does, as a job (202 and its URI), or in the
 * request with {@code wait=true} (the ingest report, with the rejects file of any rejected rows).
 * {@code GET /api/vacancies/stats}: what is held.
 */
@RestController
public class VacancyController {
  private final VacancyService vacancies;
  private final eu.skillsobservatory.api.jobs.JobService jobs;

  public VacancyController(
      VacancyService vacancies, eu.skillsobservatory.api.jobs.JobService jobs) {
    this.vacancies = vacancies;
    this.jobs = jobs;
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
  public org.springframework.http.ResponseEntity<?> ingest(
      HttpServletRequest request,
      @RequestParam(defaultValue = "api") String source,
      @RequestParam(defaultValue = "fast") String extraction,
      @RequestParam(defaultValue = "false") boolean wait)
      throws IOException {
    ExtractionMode mode = ExtractionMode.parse(extraction);
    try (InputStream body = request.getInputStream()) {
      return jobs.upload(
          body,
          wait,
          "vacancies",
          "request body, source " + source,
          (in, progress) ->
              vacancies.ingestInputs(
                  List.of(
                      eu.skillsobservatory.api.rows.RowInput.stream(in, "request body", source)),
                  mode,
                  Optional.empty(),
                  progress));
    }
  }

  @GetMapping("/api/vacancies/stats")
  public VacancyIndex.Stats stats() {
    return vacancies.stats();
  }
}
