package eu.skillsobservatory.api.sparql;

import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol over the ESCO graphs, read only. {@code GET ?query=} or
 * {@code POST} with the query as {@code application/sparql-query} or as the {@code query} form
 * field; the result format from {@code format=} or the Accept header: JSON, XML, CSV or TSV for
 * SELECT and ASK, Turtle, JSON-LD or N-Triples for CONSTRUCT and DESCRIBE. Updates and {@code
 * SERVICE} (in any part of a query) are refused; a query stops at {@code
 * observatory.sparql.timeout} and returns at most {@code observatory.sparql.max-rows} rows, and
 * stops with a 422 problem past the other {@code observatory.sparql.*} limits (see {@code
 * src/docs/security.md}).
 */
@RestController
public class SparqlController {
  private final SparqlQueries sparql;

  /**
   * @param sparql the ESCO store's read-only SPARQL, within {@code observatory.sparql.*} (see
   *     {@code StoreConfiguration})
   */
  public SparqlController(SparqlQueries sparql) {
    this.sparql = sparql;
  }

  @GetMapping("/sparql")
  public ResponseEntity<byte[]> get(
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    return answer(query, format, request);
  }

  @PostMapping("/sparql")
  public ResponseEntity<byte[]> post(
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String format,
      HttpServletRequest request)
      throws IOException {
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (type.startsWith("application/sparql-update")) {
      throw new QueryRefusedException(
          QueryRefusedException.Kind.UPDATE,
          "updates are refused: this endpoint only answers queries");
    }
    String text = query;
    if (type.startsWith("application/sparql-query")) {
      text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    return answer(text, format, request);
  }

  private ResponseEntity<byte[]> answer(String query, String format, HttpServletRequest request) {
    List<SparqlQueries.Format> formats = new ArrayList<>();
    if (format != null && !format.isBlank()) {
      SparqlQueries.Format f = SparqlQueries.Format.of(format);
      if (f == null) {
        throw new IllegalArgumentException(
            "format: json, xml, csv, tsv, turtle, jsonld or ntriples, not '" + format + "'");
      }
      formats.add(f);
    } else if (request.getHeader("Accept") != null) {
      for (MediaType t : MediaType.parseMediaTypes(request.getHeader("Accept"))) {
        SparqlQueries.Format f = SparqlQueries.Format.of(t.getType() + "/" + t.getSubtype());
        if (f != null) {
          formats.add(f);
        }
      }
    }
    SparqlQueries.Answer a = sparql.query(query, formats);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType() + ";charset=UTF-8"))
        .body(a.body());
  }
}
