package eu.skillsobservatory.ingest.vacancy;

import eu.skillsobservatory.analytics.vacancy.VacancyStore.FileRun;
import eu.skillsobservatory.analytics.vacancy.VacancyStore.IngestRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ingest runs as documents of the runs index, in the shape runs have always been stored in. */
final class IngestRuns {
  private IngestRuns() {}

  static Map<String, Object> document(IngestRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("startedAt", r.startedAt());
    m.put("finishedAt", r.finishedAt());
    m.put("rows", r.rows());
    m.put("accepted", r.accepted());
    m.put("rejected", r.rejected());
    m.put("refused", r.refused());
    m.put("rejects", r.rejects());
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileRun f : r.files()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("rows", f.rows());
      fm.put("accepted", f.accepted());
      fm.put("rejected", f.rejected());
      if (f.problem() != null) {
        fm.put("problem", f.problem());
      }
      files.add(fm);
    }
    m.put("files", files);
    return m;
  }

  /** A run as stored; fields a run of an earlier version did not record are null. */
  static IngestRun run(Map<?, ?> d) {
    List<FileRun> files = new ArrayList<>();
    if (d.get("files") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> f) {
          files.add(
              new FileRun(
                  string(f.get("name")),
                  number(f.get("rows")),
                  number(f.get("accepted")),
                  number(f.get("rejected")),
                  string(f.get("problem"))));
        }
      }
    }
    return new IngestRun(
        string(d.get("id")),
        string(d.get("startedAt")),
        string(d.get("finishedAt")),
        boxed(d.get("rows")),
        boxed(d.get("accepted")),
        boxed(d.get("rejected")),
        boxed(d.get("refused")),
        string(d.get("rejects")),
        files);
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static Long boxed(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }
}
