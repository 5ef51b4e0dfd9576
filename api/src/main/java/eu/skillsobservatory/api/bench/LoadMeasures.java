package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.api.cli.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a load benchmark measured, and its report as text. */
final class LoadMeasures {
  private LoadMeasures() {}

  /** The latencies of one run, per kind. */
  static final class Measured {
    private final int seconds;
    private final Map<LoadBench.Kind, List<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<LoadBench.Kind, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, Long> causes = new ConcurrentHashMap<>();

    Measured(int seconds) {
      this.seconds = seconds;
      for (LoadBench.Kind k : LoadBench.Kind.values()) {
        nanos.put(k, Collections.synchronizedList(new ArrayList<>()));
        errors.put(k, new AtomicLong());
      }
    }

    void add(LoadBench.Kind kind, long took, String cause) {
      nanos.get(kind).add(took);
      if (cause != null) {
        errors.get(kind).incrementAndGet();
        causes.merge(kind.name().toLowerCase(Locale.ROOT) + ": " + cause, 1L, Long::sum);
      }
    }

    LoadBench.Report report(LoadBench bench, LoadBench.IngestJob ingest) {
      List<LoadBench.Stats> kinds = new ArrayList<>();
      List<Long> all = new ArrayList<>();
      long allErrors = 0;
      for (LoadBench.Kind k : LoadBench.Kind.values()) {
        List<Long> t = new ArrayList<>(nanos.get(k));
        all.addAll(t);
        allErrors += errors.get(k).get();
        kinds.add(stats(k.name().toLowerCase(Locale.ROOT), t, errors.get(k).get()));
      }
      return new LoadBench.Report(
          bench.base.toString(),
          bench.clients,
          seconds,
          bench.warmup,
          bench.distinctSlices,
          kinds,
          stats("all", all, allErrors),
          new LinkedHashMap<>(causes),
          ingest);
    }

    private LoadBench.Stats stats(String kind, List<Long> t, long errs) {
      long[] s = t.stream().mapToLong(Long::longValue).sorted().toArray();
      return new LoadBench.Stats(
          kind,
          s.length,
          errs,
          s.length / (double) seconds,
          percentile(s, 50),
          percentile(s, 95),
          percentile(s, 99),
          s.length == 0 ? 0 : s[s.length - 1] / 1e6);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
  }

  static void text(PrintWriter out, LoadBench.Report r) {
    out.printf(
        Locale.ROOT,
        "bench load  %s  %d clients  %d s measured after a %d s warm-up%s%n",
        r.url(),
        r.clients(),
        r.seconds(),
        r.warmupSeconds(),
        r.distinctSlices() ? "  every slice asked once" : "");
    List<List<String>> rows = new ArrayList<>();
    List<LoadBench.Stats> all = new ArrayList<>(r.kinds());
    all.add(r.all());
    for (LoadBench.Stats s : all) {
      rows.add(
          List.of(
              s.kind(),
              String.format(Locale.ROOT, "%,d", s.requests()),
              String.format(Locale.ROOT, "%,d", s.errors()),
              String.format(Locale.ROOT, "%.1f", s.perSecond()),
              String.format(Locale.ROOT, "%.0f", s.p50Ms()),
              String.format(Locale.ROOT, "%.0f", s.p95Ms()),
              String.format(Locale.ROOT, "%.0f", s.p99Ms()),
              String.format(Locale.ROOT, "%.0f", s.maxMs())));
    }
    out.print(
        Output.table(
            List.of("kind", "requests", "errors", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"),
            rows));
    r.errorsByCause().forEach((cause, n) -> out.printf(Locale.ROOT, "  %,d x %s%n", n, cause));
    if (r.ingest() != null) {
      LoadBench.IngestJob j = r.ingest();
      out.printf(
          Locale.ROOT,
          "ingest job %s: %s at the start of the measurement (%s), %s at its end (%s); ended %s%n",
          j.id(),
          j.stateAtStart(),
          j.progressAtStart(),
          j.stateAtEnd(),
          j.progressAtEnd(),
          j.finalState());
    }
  }
}
