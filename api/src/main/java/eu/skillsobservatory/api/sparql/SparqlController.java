package eu.skillsobservatory.api.sparql;

import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.api.web.AcceptHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The formats a media type of the Accept list asks for: the one it names, or for a wildcard the
   * formats under it, defaults first ({@code *}{@code /*}: JSON results or Turtle graphs).
   */
  static List<SparqlQueries.Format> formats(MediaType t) {
    if (t.isWildcardType()) {
      return List.of(SparqlQueries.Format.JSON, SparqlQueries.Format.TURTLE);
    }
    if (t.isWildcardSubtype()) {
      return Arrays.stream(SparqlQueries.Format.values())
          .filter(f -> f.mediaType.startsWith(t.getType() + "/"))
          .toList();
    }
    SparqlQueries.Format f = SparqlQueries.Format.of(t.getType() + "/" + t.getSubtype());
    return f == null ? List.of() : List.of(f);
  }

  private ResponseEntity<byte[]> answer(String query, String format, HttpServletRequest request) {
    List<SparqlQueries.Format> formats = new ArrayList<>();
    if (format != null && !format.isBlank()) {
      SparqlQueries.Format f = SparqlQueries.Format.of(format);
      if (f == null) {
        throw new IllegalArgumentException(
            "format: json, xml, csv, tsv, turtle, jsonld, ntriples, rdfxml, nquads or trig, not '"
                + format
                + "'");
      }
      formats.add(f);
    } else if (request.getHeader("Accept") != null && !request.getHeader("Accept").isBlank()) {
      for (MediaType t : AcceptHeader.ordered(request.getHeader("Accept"))) {
        for (SparqlQueries.Format f : formats(t)) {
          if (!formats.contains(f)) {
            formats.add(f);
          }
        }
      }
      if (formats.isEmpty()) {
        throw new QueryRefusedException(
            QueryRefusedException.Kind.FORMAT,
            "Accept: none of the formats asked for can be served ('"
                + request.getHeader("Accept")
                + "'); results come as application/sparql-results+json or +xml, text/csv or"
                + " text/tab-separated-values, graphs as text/turtle, application/ld+json,"
                + " application/n-triples, application/rdf+xml, application/n-quads or"
                + " application/trig");
      }
    }
    SparqlQueries.Answer a = sparql.query(query, formats);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType() + ";charset=UTF-8"))
        .body(a.body());
  }
}
