package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.analytics.esco.EscoLoader;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.api.cli.CommandRuntime;
import eu.skillsobservatory.api.cli.ObservatoryCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench esco}: reads of ESCO from the configured store, the embedded TDB2 or the Fuseki
 * server of {@code observatory.esco.store-url}, so that the two can be set side by side: a
 * version's snapshot once (what extraction and the analytics load at start), then concept pages and
 * SPARQL queries, one after the other on one thread, for the measured time.
 */
@Command(
    name = "esco",
    mixinStandardHelpOptions = true,
    description = {
      "ESCO reads from the configured store (embedded TDB2, or the Fuseki server of",
      "observatory.esco.store-url): the current version's snapshot once, then concept pages and",
      "SPARQL queries of random concepts back to back; latency percentiles and reads/s."
    })
class EscoReadBench implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "20", description = "Measured time per read.")
  int seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up time per read, seconds.")
  int warmup;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the concepts' order.")
  long seed;

  @Override
  public Integer call() {
    if (seconds < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--seconds: at least 1; --warmup: at least 0");
    }
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("bench esco", false, Map.of())) {
      SkillCatalog catalog = runtime.bean(SkillCatalog.class);
      SparqlQueries sparql = runtime.bean(SparqlQueries.class);
      String store = runtime.bean(EscoLoader.class).location();
      EscoVersion v = catalog.resolve(Optional.empty());
      long t0 = System.nanoTime();
      List<String> uris = new ArrayList<>(catalog.snapshot(v, "en").concepts().keySet());
      double snapshot = BenchMeasures.seconds(t0);
      uris.sort(null);
      Random random = new Random(seed);
      Map<String, Consumer<String>> reads = new LinkedHashMap<>();
      reads.put("concept page", uri -> catalog.concept(uri, "en", Optional.of(v)).orElseThrow());
      reads.put(
          "SPARQL SELECT",
          uri ->
              sparql.query(
                  "SELECT ?p ?o WHERE { GRAPH ?g { <" + uri + "> ?p ?o } }",
                  List.of(SparqlQueries.Format.JSON)));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "bench esco  store %s  version %s%n  snapshot of %,d concepts (English): %.2f s%n",
          store,
          v,
          uris.size(),
          snapshot);
      for (var read : reads.entrySet()) {
        measure(read.getValue(), uris, random, warmup);
        double[] ms = measure(read.getValue(), uris, random, seconds);
        Arrays.sort(ms);
        out.printf(
            Locale.ROOT,
            "  %-14s %,7d reads in %d s: %,8.1f reads/s  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
            read.getKey(),
            ms.length,
            seconds,
            ms.length / (double) seconds,
            BenchMeasures.percentile(ms, 0.50),
            BenchMeasures.percentile(ms, 0.95),
            BenchMeasures.percentile(ms, 0.99));
      }
      out.flush();
    }
    return 0;
  }

  /** The latency of each read of random concepts for this many seconds, in milliseconds. */
  private static double[] measure(
      Consumer<String> read, List<String> uris, Random random, int seconds) {
    List<Double> ms = new ArrayList<>();
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < until) {
      String uri = uris.get(random.nextInt(uris.size()));
      long t = System.nanoTime();
      read.accept(uri);
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
