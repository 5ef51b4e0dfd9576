package eu.skillsobservatory.ingest.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rows from JSON: JSON Lines, or for a schema that reads documents (ELM JSON-LD), one document over
 * several lines or an array of them.
 */
final class JsonRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRows() {}

  /**
   * JSON Lines; or, for a schema that reads documents, one JSON document over several lines (or an
   * array of them), told by its first line not being a whole JSON value.
   */
  static <T> Optional<String> read(
      BufferedReader reader, String name, String defaultSource, RowCounter<T> c)
      throws IOException {
    if (!c.schema.readsDocuments()) {
      return jsonLines(null, reader, defaultSource, c);
    }
    // The first line tells: a whole JSON object is JSON Lines (or a document on one line);
    // anything else is one JSON document over several lines.
    String first = reader.readLine();
    boolean whole;
    try {
      whole = !first.strip().startsWith("[") && JSON.readTree(first) != null;
    } catch (IOException e) {
      whole = false;
    }
    if (!whole) {
      return document(first, reader, name, defaultSource, c);
    }
    return jsonLines(first, reader, defaultSource, c);
  }

  private static <T> Optional<String> document(
      String first, BufferedReader reader, String name, String defaultSource, RowCounter<T> c)
      throws IOException {
    StringBuilder text = new StringBuilder(first).append('\n');
    char[] buf = new char[1 << 16];
    int n;
    while ((n = reader.read(buf)) > 0) {
      text.append(buf, 0, n);
      if (text.length() > RowFiles.MAX_DOCUMENT) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "%s: a JSON document of more than %,d characters; split it into several files",
                name,
                RowFiles.MAX_DOCUMENT));
      }
    }
    JsonNode node;
    try {
      node = JSON.readTree(text.toString());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      return Optional.of(
          name
              + ": line "
              + line
              + ": not JSON: "
              + firstLine(e.getOriginalMessage())
              + "; nothing was loaded from it");
    }
    c.lastLine = text.chars().filter(ch -> ch == '\n').count() + 1;
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (JsonNode item : items) {
      c.rows++;
      if (!item.isObject()) {
        c.reject(List.of(new Rejection(1, "row", "not a JSON object")));
      } else if (c.schema.isDocument(item)) {
        c.document(item, defaultSource, 1);
      } else {
        c.row(item, defaultSource, 1);
      }
    }
    return Optional.empty();
  }

  /**
   * @param first the first line when it was read already, or null
   */
  private static <T> Optional<String> jsonLines(
      String first, BufferedReader reader, String defaultSource, RowCounter<T> c)
      throws IOException {
    String pending = first;
    long lineNo = 0;
    while (true) {
      String line = pending != null ? pending : reader.readLine();
      pending = null;
      if (line == null) {
        break;
      }
      lineNo++;
      c.lastLine = lineNo;
      if (line.isBlank()) {
        continue;
      }
      c.rows++;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        c.reject(List.of(new Rejection(lineNo, "row", "not JSON: " + firstLine(e.getMessage()))));
        continue;
      }
      if (node == null || !node.isObject()) {
        c.reject(List.of(new Rejection(lineNo, "row", "not a JSON object")));
        continue;
      }
      if (c.schema.isDocument(node)) {
        c.document(node, defaultSource, lineNo);
      } else {
        c.row(node, defaultSource, lineNo);
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }
}
