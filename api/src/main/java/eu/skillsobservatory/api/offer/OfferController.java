package eu.skillsobservatory.api.offer;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.api.jobs.JobService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/offers}: a body of ELM JSON-LD, JSON Lines or CSV (or any of them gzipped),
 * loaded exactly as {@code ingest offers} does; the answer is the ingest report. {@code GET
 * /api/offers/stats} and {@code GET /api/offers/{source}/{id}}: what is held.
 */
@RestController
public class OfferController {
  private final OfferService offers;
  private final JobService jobs;

  public OfferController(OfferService offers, JobService jobs) {
    this.offers = offers;
    this.jobs = jobs;
  }

  @PostMapping(
      value = "/api/offers",
      consumes = {
        "application/ld+json",
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
      @RequestParam(defaultValue = "false") boolean wait)
      throws IOException {
    try (InputStream body = request.getInputStream()) {
      return jobs.upload(
          body,
          wait,
          "offers",
          "request body, source " + source,
          (in, progress) ->
              offers.ingestInputs(
                  List.of(RowInput.stream(in, "request body", source)),
                  extraction,
                  Optional.empty(),
                  progress));
    }
  }

  @GetMapping(
      value = "/api/offers/stats",
      produces = {JSON, CSV})
  public TrainingOffers.Stats stats() {
    return offers.stats();
  }

  @GetMapping("/api/offers/{source}/{id}")
  public Map<String, Object> offer(@PathVariable String source, @PathVariable String id) {
    return offers
        .offer(source, id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no training offer " + source + "/" + id + " is held"));
  }
}
