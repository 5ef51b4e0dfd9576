package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
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
      @RequestParam(defaultValue = "false") boolean wait,
      @RequestParam(defaultValue = "upload") String dataset,
      @RequestParam(defaultValue = "false") boolean synthetic)
      throws IOException {
    ExtractionMode mode = ExtractionMode.parse(extraction);
    VacancyService.DatasetSpec target = new VacancyService.DatasetSpec(dataset, synthetic);
    try (InputStream body = request.getInputStream()) {
      return jobs.upload(
          body,
          wait,
          "vacancies",
          "request body, source " + source,
          (in, progress) ->
              vacancies.ingestInputs(
                  List.of(RowInput.stream(in, "request body", source)),
                  mode,
                  Optional.empty(),
                  progress,
                  target));
    }
  }

  /** The datasets loaded: name, synthetic or not, when, ESCO version, extraction mode, rows. */
  @GetMapping("/api/datasets")
  public java.util.List<eu.skillsobservatory.analytics.provenance.Dataset> datasets() {
    return vacancies.datasets();
  }

  /** Removes a dataset and its vacancies (a write: the API key is needed when keys are set). */
  @org.springframework.web.bind.annotation.DeleteMapping("/api/datasets/{name}")
  public org.springframework.http.ResponseEntity<?> deleteDataset(
      @org.springframework.web.bind.annotation.PathVariable String name) {
    eu.skillsobservatory.analytics.demand.Slice.checkDataset(name);
    return vacancies
        .deleteDataset(name)
        .<org.springframework.http.ResponseEntity<?>>map(
            n ->
                org.springframework.http.ResponseEntity.ok(
                    java.util.Map.of("dataset", name, "deleted", n)))
        .orElseGet(
            () ->
                org.springframework.http.ResponseEntity.status(404)
                    .body(java.util.Map.of("error", "no dataset named '" + name + "'")));
  }

  @GetMapping("/api/vacancies/stats")
  public VacancyStore.Stats stats() {
    return vacancies.stats();
  }
}
