package eu.skillsobservatory.ingest.rows;

import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows from CSV (RFC 4180; comma or semicolon, told from the header), with a header that names an
 * {@code id} column; list fields are split at {@code |}. RDF given in its place is named as such.
 */
final class CsvRows {
  private CsvRows() {}

  static <T> Optional<String> read(
      BufferedReader reader, String name, String defaultSource, RowCounter<T> c)
      throws IOException {
    reader.mark(1 << 16);
    String header = reader.readLine();
    reader.reset();
    Optional<String> rdf = rdf(header, name, c.schema);
    if (rdf.isPresent()) {
      return rdf;
    }
    char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
    CSVParser parser;
    try {
      parser = format.parse(reader);
    } catch (IllegalArgumentException e) {
      return Optional.of(name + ": line 1: the header is not usable: " + e.getMessage());
    }
    List<String> columns = new ArrayList<>();
    for (String h : parser.getHeaderNames()) {
      columns.add(h.strip().toLowerCase(Locale.ROOT));
    }
    if (!columns.contains("id")) {
      return Optional.of(
          name
              + ": line 1: the header has no 'id' column (it has: "
              + String.join(", ", columns)
              + "); nothing was loaded");
    }
    long previousEnd = 1;
    try {
      c.lines.rowsSpanLines(() -> Math.max(c.lastLine, 1) + 1);
      for (CSVRecord r : parser) {
        c.lines.rowEnded();
        long lineNo = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        c.lastLine = previousEnd;
        c.rows++;
        if (r.size() != columns.size()) {
          c.reject(
              List.of(
                  new Rejection(
                      lineNo,
                      "row",
                      "has " + r.size() + " values, the header " + columns.size() + " columns")));
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          if (c.schema.lists().contains(columns.get(i))) {
            String v = r.get(i);
            lists.put(columns.get(i), v.isBlank() ? List.of() : List.of(v.split("\\|")));
          } else {
            fields.put(columns.get(i), r.get(i));
          }
        }
        c.take(fields, lists, defaultSource, lineNo, new ArrayList<>());
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof EOFException
          || e.getCause() instanceof ZipException
          || e.getCause() instanceof RowFiles.LimitExceeded) {
        throw e.getCause();
      }
      return Optional.of(
          name + ": line " + (previousEnd + 1) + ": not readable as CSV: " + e.getMessage());
    } catch (IllegalStateException e) {
      return Optional.of(
          name + ": line " + (previousEnd + 1) + ": not readable as CSV: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** RDF (Turtle, RDF/XML) given where rows were expected: named, and nothing loaded. */
  private static Optional<String> rdf(String header, String name, RowFiles.Schema<?> schema) {
    String head = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    if (head.startsWith("@prefix")
        || head.startsWith("@base")
        || head.startsWith("prefix ")
        || head.startsWith("<?xml")
        || head.startsWith("<rdf")
        || head.startsWith("<http")) {
      return Optional.of(
          name
              + ": line 1: this looks like RDF (Turtle or RDF/XML), which is not read here; give "
              + schema.what()
              + " as "
              + (schema.readsDocuments() ? "JSON-LD, " : "")
              + "CSV or JSON Lines; nothing was loaded");
    }
    return Optional.empty();
  }

  private static int count(String s, char ch) {
    int n = 0;
    for (int i = 0; s != null && i < s.length(); i++) {
      if (s.charAt(i) == ch) {
        n++;
      }
    }
    return n;
  }
}
