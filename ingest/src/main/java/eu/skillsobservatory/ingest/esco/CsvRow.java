package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoInputException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;

/** One record of an ESCO CSV file with the file and line it came from, for messages. */
final class CsvRow {
  private static final Pattern URI = Pattern.compile("https?://\\S+");

  final String file;
  final long line;
  final CSVRecord record;

  CsvRow(String file, long line, CSVRecord record) {
    this.file = file;
    this.line = line;
    this.record = record;
  }

  /** A column's value, empty where the column is missing or empty. */
  String get(String column) {
    if (!record.isMapped(column)) {
      return "";
    }
    String v = record.get(column);
    return v == null ? "" : v;
  }

  /** Where a column of this row is, for messages. */
  String where(String column) {
    return "line " + line + ", column " + column;
  }

  /** A column's concept URI; an error naming the file, line and column where there is none. */
  Node uri(String column) {
    String v = get(column).trim();
    if (v.isEmpty()) {
      throw new EscoInputException(file, where(column), "a concept URI is required here");
    }
    if (!URI.matcher(v).matches()) {
      throw new EscoInputException(file, where(column), "not a URI: '" + v + "'");
    }
    return Esco.uri(v);
  }
}
