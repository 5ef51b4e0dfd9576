package eu.skillsobservatory.api.export;

import eu.skillsobservatory.analytics.export.OfferRow;
import eu.skillsobservatory.analytics.export.RowExport;
import eu.skillsobservatory.analytics.export.VacancyRow;
import eu.skillsobservatory.api.analytics.AnalyticsController.ScopeParams;
import eu.skillsobservatory.api.analytics.AnalyticsController.SliceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Row-level data out over HTTP: {@code GET /api/vacancies} and {@code GET /api/offers}, paged by an
 * opaque cursor (the {@code next} of a page, also given as a {@code Link: <...>; rel="next"}
 * header), and {@code GET /api/vacancies/{source}/{id}}. Pages follow the order of source and id,
 * which loads do not change: walking from the first page to the last gives every row held
 * throughout exactly once, however many loads run meanwhile.
 */
@RestController
public class RowController {
  private final RowExport rows;

  public RowController(RowExport rows) {
    this.rows = rows;
  }

  @Operation(
      summary = "The vacancies of a slice, row by row",
      description =
          "Each row: the vacancy as loaded, its occupation (given or coded, with its ESCO label),"
              + " its skills (URI, label, given or extracted, span), its duplicate mark and its"
              + " provenance. Duplicates are included and marked unless includeDuplicates=false.")
  @GetMapping(
      value = "/api/vacancies",
      produces = {"application/json", "text/csv"})
  public ResponseEntity<RowExport.Page<VacancyRow>> vacancies(
      @ParameterObject @ModelAttribute SliceParams slice,
      @ParameterObject @ModelAttribute PageParams page) {
    boolean duplicates = !Boolean.FALSE.equals(slice.includeDuplicates());
    return paged(
        rows.vacancies(slice.slice().withDuplicates(duplicates), page.after(), page.rows()));
  }

  @Operation(summary = "A vacancy held, as a row of GET /api/vacancies")
  @GetMapping(
      value = "/api/vacancies/{source}/{id}",
      produces = {"application/json", "text/csv"})
  public VacancyRow vacancy(@PathVariable String source, @PathVariable String id) {
    return rows.vacancy(source, id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no vacancy " + source + "/" + id + " is held"));
  }

  @Operation(
      summary = "The training offers in scope, row by row",
      description =
          "Each row: the offer as loaded, the skills it teaches (URI, label, given or extracted,"
              + " span) and its provenance.")
  @GetMapping(
      value = "/api/offers",
      produces = {"application/json", "text/csv"})
  public ResponseEntity<RowExport.Page<OfferRow>> offers(
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String region,
      @ParameterObject @ModelAttribute ScopeParams scope,
      @ParameterObject @ModelAttribute PageParams page) {
    return paged(rows.offers(scope.filter(country, region), page.after(), page.rows()));
  }

  /** The page asked for: how many rows, and after which (the {@code next} of the page before). */
  public record PageParams(
      @Schema(description = "Rows per page (1 to 1,000).", defaultValue = "100") Integer limit,
      @Schema(description = "The next of the page before; none for the first page.")
          String cursor) {
    int rows() {
      return limit == null ? RowExport.DEFAULT_LIMIT : limit;
    }

    Optional<String> after() {
      return Optional.ofNullable(cursor);
    }
  }

  private static <T> ResponseEntity<RowExport.Page<T>> paged(RowExport.Page<T> page) {
    var answer = ResponseEntity.ok();
    page.next()
        .ifPresent(
            next ->
                answer.header(
                    HttpHeaders.LINK,
                    "<"
                        + ServletUriComponentsBuilder.fromCurrentRequest()
                            .replaceQueryParam("cursor", next)
                            .build()
                            .toUriString()
                        + ">; rel=\"next\""));
    return answer.body(page);
  }
}
