package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.api.cli.CommandRuntime;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.cli.ObservatoryCommand;
import eu.skillsobservatory.api.cli.VersionOption;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.extract.ExtractionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench}: measured throughput of the product's heavy paths on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure throughput on this machine.",
    subcommands = {BenchCommand.Extraction.class, LoadBench.class, EscoReadBench.class})
public class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--vacancies",
      paramLabel = "N",
      description = {
        "Run the whole chain at this scale (e.g. 100000, 1000000, 10000000) on the configured",
        "stores: ESCO load (when the home holds none), generation of N vacancies, ingest,",
        "extraction in both modes, training offers (when none are held), demand, emerging,",
        "gap and match latencies (p50, p95, p99), heap and disk. Use a fresh --home per scale."
      })
  Long vacancies;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default: 7).")
  long seed;

  @Option(
      names = "--slices",
      defaultValue = "40",
      description = "Sector and country slices each query is asked for (default: 40).")
  int slices;

  @Option(
      names = "--extraction-seconds",
      defaultValue = "20",
      description = "Measured seconds per extraction mode (default: 20).")
  int extractionSeconds;

  @Option(
      names = "--esco",
      defaultValue = "data/esco/v1.1.1",
      description = "ESCO to load when the home holds none (default: the shipped v1.1.1).")
  Path esco;

  @Option(
      names = "--employment",
      defaultValue = "data/eurostat/lfsa_eisn2_long.csv",
      description = "Employment table for the generator (default: the shipped one).")
  Path employment;

  @Option(
      names = "--offers",
      split = ",",
      defaultValue = "data/offers/sample-2000-seed1.jsonl.gz,data/offers/elm",
      description = "Training offers to load when none are held (default: the shipped samples).")
  List<Path> offers;

  @Option(
      names = "--out",
      description = "Also write the results as JSON here (default: HOME/bench/chain-N.json).")
  Path resultsFile;

  @Override
  public Integer call() throws IOException {
    if (vacancies == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "name what to measure, or give --vacancies N for the whole chain");
    }
    if (vacancies < 1 || vacancies > Integer.MAX_VALUE) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--vacancies: 1 to " + Integer.MAX_VALUE + ", not " + vacancies);
    }
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    Path home = root.home;
    try (CommandRuntime runtime = root.start("bench", false, Map.of())) {
      var results =
          new ChainBench(runtime, home, spec.commandLine().getOut())
              .run(
                  new ChainBench.Settings(
                      vacancies, seed, slices, extractionSeconds, esco, employment, offers));
      Path file =
          resultsFile != null
              ? resultsFile
              : home.resolve("bench").resolve("chain-" + vacancies + ".json");
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JsonConfiguration.cliMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(results));
      spec.commandLine().getOut().println("results: " + file);
    }
    return 0;
  }

  @Command(
      name = "extraction",
      mixinStandardHelpOptions = true,
      description = {
        "Skill extraction throughput: every line of FILE is one text; after a warm-up, the texts",
        "are extracted over and over by THREADS workers for the given time."
      })
  static class Extraction implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Texts, one per line (UTF-8).")
    Path file;

    @Option(names = "--extraction", description = "fast (default) or full.")
    String mode = "fast";

    /** The name {@code --extraction} had before, kept for scripts that use it. */
    @Option(names = "--mode", hidden = true, paramLabel = "MODE")
    void oldModeName(String value) {
      this.mode = value;
    }

    @Option(names = "--seconds", defaultValue = "30", description = "Measured time.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up time, seconds.")
    int warmup;

    @Option(names = "--threads", description = "Workers (default: the number of cores).")
    Integer threads;

    @Mixin VersionOption version;

    @Override
    public Integer call() throws Exception {
      ExtractionMode m = ExtractionMode.parse(mode);
      List<String> texts;
      try {
        texts =
            Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(t -> !t.isBlank())
                .toList();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            file + ": cannot be read as UTF-8 text: " + e.getMessage());
      }
      if (texts.isEmpty()) {
        throw new IllegalArgumentException(file + ": no text in it");
      }
      int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
      try (CommandRuntime runtime = root.start("bench extraction", false, Map.of())) {
        SkillExtractor extractor =
            runtime
                .bean(ExtractionService.class)
                .extractor(
                    version.version(), m == ExtractionMode.FULL, ConsoleProgress.forStderr());
        PrintWriter out = spec.commandLine().getOut();
        run(extractor, m, texts, workers, warmup);
        long[] measured = run(extractor, m, texts, workers, seconds);
        double secs = measured[2] / 1e9;
        long bytes = measured[1];
        out.printf(
            Locale.ROOT,
            "bench extraction  mode %s  threads %d  file %s (%,d texts)%n"
                + "  %,d texts in %.1f s: %.1f texts/s, %.2f MB/s of text (UTF-8), %.2f ms per text%n",
            m.name().toLowerCase(Locale.ROOT),
            workers,
            file,
            texts.size(),
            measured[0],
            secs,
            measured[0] / secs,
            bytes / 1e6 / secs,
            secs * 1000 * workers / Math.max(1, measured[0]));
        out.flush();
      }
      return 0;
    }

    /** Texts done, UTF-8 bytes done, nanoseconds taken. */
    static long[] run(
        SkillExtractor extractor, ExtractionMode m, List<String> texts, int workers, int seconds)
        throws Exception {
      AtomicLong done = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      AtomicLong next = new AtomicLong();
      long start = System.nanoTime();
      long until = start + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          jobs.add(
              pool.submit(
                  () -> {
                    while (System.nanoTime() < until) {
                      String t = texts.get((int) (next.getAndIncrement() % texts.size()));
                      extractor.extract(t, "en", m, 10);
                      done.incrementAndGet();
                      bytes.addAndGet(t.getBytes(StandardCharsets.UTF_8).length);
                    }
                  }));
        }
        for (Future<?> f : jobs) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      return new long[] {done.get(), bytes.get(), System.nanoTime() - start};
    }
  }
}
