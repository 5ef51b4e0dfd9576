package eu.skillsobservatory.analytics.employment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where employment tables come from: a file in Eurostat's spreadsheet export shape (the one shipped
 * in {@code data/eurostat/}), or Eurostat's dissemination API.
 */
public interface EmploymentTables {

  /**
   * A table read.
   *
   * @param source the file or the request it came from
   * @param label the dataset's title, when the source gave one, else empty
   * @param updated when the source last updated it, when it said, else empty
   * @param skipped values left out, by reason (aggregates, quarters, not available...)
   * @param problems rows that could not be read ({@code line: reason}); the others were read
   */
  record Table(
      String source,
      String label,
      String updated,
      List<EmploymentCell> cells,
      Map<String, Integer> skipped,
      List<String> problems) {
    public Table {
      cells = List.copyOf(cells);
      skipped = Map.copyOf(skipped);
      problems = List.copyOf(problems);
    }
  }

  /** Reads a file in Eurostat's spreadsheet export shape. */
  Table file(Path file);

  /** Fetches a dataset from Eurostat's dissemination API, with dimension filters. */
  Table eurostat(String dataset, List<Map.Entry<String, String>> filters);
}
