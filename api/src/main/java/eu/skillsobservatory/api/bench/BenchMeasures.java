package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.analytics.demand.Slice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Measures of the chain benchmark: percentiles, the machine, file sizes, times. */
final class BenchMeasures {
  private BenchMeasures() {}

  /** Each slice once, in order; percentiles of the wall times in milliseconds. */
  static Map<String, Object> time(List<Slice> slices, Function<Slice, Supplier<Object>> query) {
    double[] ms = new double[slices.size()];
    for (int i = 0; i < ms.length; i++) {
      Supplier<Object> q = query.apply(slices.get(i));
      long t0 = System.nanoTime();
      q.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", round(percentile(ms, 0.50)));
    m.put("p95", round(percentile(ms, 0.95)));
    m.put("p99", round(percentile(ms, 0.99)));
    m.put("max", round(ms[ms.length - 1]));
    return m;
  }

  static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return m;
  }

  static List<String> descriptions(Path corpus, int n) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      String line;
      while (out.size() < n && (line = r.readLine()) != null) {
        JsonNode d = json.readTree(line).get("description");
        if (d != null && !d.asString().isBlank()) {
          out.add(d.asString());
        }
      }
    }
    return out;
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  static long treeSize(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(BenchMeasures::size).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
