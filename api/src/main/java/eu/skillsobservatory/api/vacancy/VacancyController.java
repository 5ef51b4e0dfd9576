package eu.skillsobservatory.api.vacancy;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.jobs.JobService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
  private final JobService jobs;

  public VacancyController(VacancyService vacancies, JobService jobs) {
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
  public ResponseEntity<?> ingest(
      HttpServletRequest request,
      @RequestParam(defaultValue = "api") String source,
      @RequestParam(defaultValue = "fast") ExtractionMode extraction,
      @RequestParam(defaultValue = "false") boolean wait,
      @RequestParam(defaultValue = "upload") String dataset,
      @RequestParam(defaultValue = "false") boolean synthetic)
      throws IOException {
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
                  extraction,
                  Optional.empty(),
                  progress,
                  target));
    }
  }

  /** The datasets loaded: name, synthetic or not, when, ESCO version, extraction mode, rows. */
  @GetMapping(
      value = "/api/datasets",
      produces = {JSON, CSV})
  public List<Dataset> datasets() {
    return vacancies.datasets();
  }

  /** Removes a dataset and its vacancies (a write: the API key is needed when keys are set). */
  @DeleteMapping("/api/datasets/{name}")
  public ResponseEntity<?> deleteDataset(@PathVariable String name) {
    Slice.checkDataset(name);
    return vacancies
        .deleteDataset(name)
        .<ResponseEntity<?>>map(n -> ResponseEntity.ok(Map.of("dataset", name, "deleted", n)))
        .orElseGet(
            () ->
                ResponseEntity.status(404)
                    .body(Map.of("error", "no dataset named '" + name + "'")));
  }

  @GetMapping(
      value = "/api/vacancies/stats",
      produces = {JSON, CSV})
  public VacancyStore.Stats stats() {
    return vacancies.stats();
  }
}
