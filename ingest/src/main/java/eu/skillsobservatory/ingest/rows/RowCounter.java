package eu.skillsobservatory.ingest.rows;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Counts what was read from one input and hands its rows to the sink. */
final class RowCounter<T> {
  final String name;
  final RowFiles.Schema<T> schema;
  final RowSink<T> sink;
  final Progress progress;
  final long[] bytes;
  long rows;
  long accepted;
  long rejected;
  long lastLine;
  BoundedInput.Lines lines;

  RowCounter(
      String name, RowFiles.Schema<T> schema, RowSink<T> sink, Progress progress, long[] bytes) {
    this.name = name;
    this.schema = schema;
    this.sink = sink;
    this.progress = progress;
    this.bytes = bytes;
  }

  /** One JSON object as a row: scalar fields, list fields, type errors. */
  void row(JsonNode node, String defaultSource, long lineNo) {
    Map<String, String> fields = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    List<Rejection> problems = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (schema.lists().contains(e.getKey())) {
        List<String> items = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(s -> items.add(s.isTextual() ? s.asText() : s.toString()));
        } else if (v.isTextual()) {
          items.addAll(List.of(v.asText().split("\\|")));
        } else if (!v.isNull()) {
          problems.add(new Rejection(lineNo, e.getKey(), "must be an array of strings"));
        }
        lists.put(e.getKey(), items);
      } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
        fields.put(e.getKey(), v.asText());
      } else if (!v.isNull() && schema.fields().contains(e.getKey())) {
        problems.add(
            new Rejection(
                lineNo,
                e.getKey(),
                "must be a string, not " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
    }
    take(fields, lists, defaultSource, lineNo, problems);
  }

  void take(
      Map<String, String> fields,
      Map<String, List<String>> lists,
      String defaultSource,
      long line,
      List<Rejection> problems) {
    RowFiles.Result<T> r = schema.apply(fields, lists, defaultSource, line);
    if (problems.isEmpty() && r.ok()) {
      accepted++;
      sink.accept(r.value(), line);
    } else {
      List<Rejection> all = new ArrayList<>(problems);
      all.addAll(r.problems());
      reject(all);
    }
    if (rows % 1000 == 0) {
      progress.advance(bytes[0], rows);
    }
  }

  /** A whole document: each value it holds counts as a row. */
  void document(JsonNode node, String defaultSource, long line) {
    List<RowFiles.Result<T>> results = schema.document(node, defaultSource, line);
    if (results.isEmpty()) {
      reject(List.of(new Rejection(line, "row", "holds no " + schema.what())));
      return;
    }
    rows += results.size() - 1;
    for (RowFiles.Result<T> r : results) {
      if (r.ok()) {
        accepted++;
        sink.accept(r.value(), line);
      } else {
        reject(r.problems());
      }
    }
  }

  void reject(List<Rejection> problems) {
    rejected++;
    problems.forEach(sink::reject);
  }

  ReadReport report(Optional<String> problem) {
    progress.finish(
        String.format(
            Locale.ROOT,
            "%s: %,d rows, %,d accepted, %,d rejected%s",
            name,
            rows,
            accepted,
            rejected,
            problem.map(p -> "; " + p).orElse("")));
    return new ReadReport(name, rows, accepted, rejected, problem);
  }
}
