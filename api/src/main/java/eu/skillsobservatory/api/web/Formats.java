package eu.skillsobservatory.api.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The answer formats of tabular endpoints: JSON by default, CSV when asked. */
public final class Formats {
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /**
   * {@code produces = {JSON, CSV}} on an endpoint that answers either, JSON first: that is the
   * answer to a request that accepts anything.
   */
  public static final String JSON = "application/json";

  /** The CSV of {@link CsvConverter}; see {@link #JSON}. */
  public static final String CSV = "text/csv";

  private Formats() {}
}
