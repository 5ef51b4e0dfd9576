package eu.skillsobservatory.ingest.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.ingest.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Eurostat's dissemination API, statistics 1.0: {@code GET {base}/{dataset}?format=JSON&lang=EN&
 * {dimension}={code}...} answers a JSON-stat 2.0 dataset. Transient failures are retried ({@link
 * RetryingHttp}); a dataset or filter Eurostat does not know is bad input and says what Eurostat
 * said.
 */
public final class EurostatClient {
  public static final String DEFAULT_URL =
      "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final RetryingHttp http;

  public EurostatClient(URI base, RetryingHttp.Settings settings) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.http = new RetryingHttp("the Eurostat API", settings);
  }

  /** The request for a dataset and filters, as sent. */
  public URI uri(String dataset, List<Map.Entry<String, String>> filters) {
    if (dataset == null || !NAME.matcher(dataset).matches()) {
      throw new IllegalArgumentException(
          "--eurostat: '" + dataset + "' is not a Eurostat dataset code (such as lfsa_eisn2)");
    }
    StringBuilder q = new StringBuilder("?format=JSON&lang=EN");
    for (Map.Entry<String, String> f : filters) {
      if (!NAME.matcher(f.getKey()).matches() || f.getValue().isBlank()) {
        throw new IllegalArgumentException(
            "--filter: '" + f.getKey() + "=" + f.getValue() + "' is not DIMENSION=CODE");
      }
      q.append('&')
          .append(f.getKey())
          .append('=')
          .append(URLEncoder.encode(f.getValue().strip(), StandardCharsets.UTF_8));
    }
    return base.resolve(dataset + q);
  }

  /**
   * @throws IllegalArgumentException when Eurostat refuses the dataset or a filter (400, 404)
   * @throws RemoteServiceException when Eurostat could not answer, or answered what is not
   *     JSON-stat
   */
  public JsonStat fetch(String dataset, List<Map.Entry<String, String>> filters) {
    URI uri = uri(dataset, filters);
    RetryingHttp.Answer a = http.get(uri, "application/json");
    JsonNode body = null;
    try {
      body = a.body() == null || a.body().isBlank() ? null : JSON.readTree(a.body());
    } catch (IOException e) {
      if (a.ok()) {
        throw new RemoteServiceException(
            "the Eurostat API answered " + dataset + " with what is not JSON: " + e.getMessage(),
            a.status(),
            e);
      }
    }
    String said = said(body);
    if (a.status() == 400 || a.status() == 404) {
      throw new IllegalArgumentException(
          "Eurostat refused "
              + dataset
              + " (HTTP "
              + a.status()
              + (said == null ? "" : ": " + said)
              + ")"
              + (a.status() == 404 ? "; check the dataset code" : "; check the --filter values"));
    }
    if (!a.ok()) {
      throw new RemoteServiceException(
          "the Eurostat API answered HTTP " + a.status() + (said == null ? "" : ": " + said),
          a.status(),
          null);
    }
    if (body == null || !body.has("value")) {
      String why = said == null ? "no 'value' member" : said;
      throw new RemoteServiceException(
          "the Eurostat API gave no data for "
              + dataset
              + ": "
              + why
              + (why.contains("ASYNCHRONOUS")
                  ? " (Eurostat prepares large extractions in the background: narrow the request"
                      + " with --filter, or try again later)"
                  : ""),
          a.status(),
          null);
    }
    try {
      return JsonStat.parse(body);
    } catch (IllegalArgumentException e) {
      throw new RemoteServiceException(
          "the Eurostat API answered " + dataset + " with a malformed dataset: " + e.getMessage(),
          a.status(),
          e);
    }
  }

  /** What an error or warning in Eurostat's answer says, or null. */
  private static String said(JsonNode body) {
    if (body == null) {
      return null;
    }
    for (String member : List.of("error", "warning")) {
      JsonNode e = body.get(member);
      if (e == null || e.isNull()) {
        continue;
      }
      if (e.isArray() && !e.isEmpty()) {
        e = e.get(0);
      }
      if (e.isTextual()) {
        return e.asText();
      }
      String label = e.path("label").asText("");
      String id = e.path("id").asText("");
      if (!label.isEmpty() || !id.isEmpty()) {
        return label.isEmpty() ? id : label;
      }
    }
    return null;
  }
}
