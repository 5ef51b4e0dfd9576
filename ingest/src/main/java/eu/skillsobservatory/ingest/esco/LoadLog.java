package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects, during a load, what the report will say. */
final class LoadLog {
  private static final int EXAMPLES = 5;

  private final List<LoadReport.FileRead> files = new ArrayList<>();
  private final Map<String, SkipCount> skipped = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  synchronized void read(String file, String kind, long records) {
    files.add(new LoadReport.FileRead(file, kind, records));
  }

  synchronized void skip(String file, String reason, String example) {
    SkipCount c =
        skipped.computeIfAbsent(file + "\u0000" + reason, k -> new SkipCount(file, reason));
    c.count++;
    if (c.examples.size() < EXAMPLES) {
      c.examples.add(example);
    }
  }

  synchronized void warn(String message) {
    if (!warnings.contains(message)) {
      warnings.add(message);
    }
  }

  synchronized List<LoadReport.FileRead> files() {
    return List.copyOf(files);
  }

  synchronized List<LoadReport.Skipped> skipped() {
    return skipped.values().stream()
        .map(c -> new LoadReport.Skipped(c.file, c.reason, c.count, c.examples))
        .toList();
  }

  synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  private static final class SkipCount {
    final String file;
    final String reason;
    final List<String> examples = new ArrayList<>();
    long count;

    SkipCount(String file, String reason) {
      this.file = file;
      this.reason = reason;
    }
  }
}
