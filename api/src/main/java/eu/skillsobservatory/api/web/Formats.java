package eu.skillsobservatory.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Content negotiation for tabular results: JSON by default, CSV when asked. */
public final class Formats {
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private Formats() {}

  /** CSV when {@code format=csv}, or when the Accept header prefers text/csv to JSON. */
  public static boolean wantsCsv(String format, HttpServletRequest request) {
    if (format != null && !format.isBlank()) {
      if (format.equalsIgnoreCase("csv")) {
        return true;
      }
      if (format.equalsIgnoreCase("json")) {
        return false;
      }
      throw new IllegalArgumentException("format: json or csv, not '" + format + "'");
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    for (MediaType t : MediaType.parseMediaTypes(accept)) {
      if (t.isCompatibleWith(TEXT_CSV) && !t.isWildcardType()) {
        return true;
      }
      if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
        return false;
      }
    }
    return false;
  }

  public static ResponseEntity<String> csv(String body) {
    return ResponseEntity.ok().contentType(TEXT_CSV).body(body);
  }
}
