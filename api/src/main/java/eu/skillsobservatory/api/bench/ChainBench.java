package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.BudgetOn;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator;
import eu.skillsobservatory.api.cli.CommandRuntime;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.esco.EscoService;
import eu.skillsobservatory.api.esco.FirstStartLoader;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.generate.SampleCorpus;
import eu.skillsobservatory.api.offer.OfferService;
import eu.skillsobservatory.api.offer.SampleOffers;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench --vacancies N}: the whole chain at one scale on the configured stores. ESCO load
 * (when the home holds none), vacancy generation, ingest, extraction in both modes, training offers
 * (when none are held), then demand, emerging-skill, gap and match queries over the busiest sectors
 * and countries, with latency percentiles; heap and disk at the end. Each step is timed on its own;
 * the results are printed and written as JSON.
 */
final class ChainBench {
  private final CommandRuntime runtime;
  private final Path home;
  private final PrintWriter out;
  private final Map<String, Object> results = new LinkedHashMap<>();

  ChainBench(CommandRuntime runtime, Path home, PrintWriter out) {
    this.runtime = runtime;
    this.home = home;
    this.out = out;
  }

  record Settings(
      long vacancies,
      long seed,
      int slices,
      int extractionSeconds,
      Path esco,
      Path employment,
      List<Path> offers) {}

  Map<String, Object> run(Settings s) throws IOException {
    results.put("vacancies", s.vacancies());
    results.put("machine", BenchMeasures.machine());
    HeapSampler heap = new HeapSampler();
    heap.start();
    try {
      escoStep(s);
      Path corpus = generate(s);
      ingest(corpus);
      extraction(corpus, s.extractionSeconds());
      offers(s);
      queries(s.slices());
    } finally {
      heap.interrupt();
    }
    resources(heap);
    return results;
  }

  /**
   * Samples the heap twice a second: the most used (garbage included), and the most left after a
   * collection (what the pools held after their last collection: the live set, near enough).
   */
  private static final class HeapSampler extends Thread {
    volatile long usedMax;
    volatile long afterGcMax;

    HeapSampler() {
      super("bench-heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        sample();
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void sample() {
      usedMax =
          Math.max(usedMax, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      long after = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          after += pool.getCollectionUsage().getUsed();
        }
      }
      afterGcMax = Math.max(afterGcMax, after);
    }
  }

  private void escoStep(Settings s) {
    EscoService esco = runtime.bean(EscoService.class);
    SkillCatalog catalog = runtime.bean(SkillCatalog.class);
    if (catalog.currentVersion().isPresent() && esco.isIndexed()) {
      step(
          "esco",
          Map.of("skipped", "the home already holds ESCO " + catalog.currentVersion().get()));
      return;
    }
    long t0 = System.nanoTime();
    var report =
        esco.load(FirstStartLoader.inputs(s.esco()), Optional.empty(), ConsoleProgress.forStderr());
    double load = BenchMeasures.seconds(t0);
    long t1 = System.nanoTime();
    esco.index(Optional.of(report.version()), ConsoleProgress.forStderr());
    double index = BenchMeasures.seconds(t1);
    step(
        "esco",
        Map.of(
            "version", report.version().value(),
            "triples", report.summary().triples(),
            "loadSeconds", BenchMeasures.round(load),
            "indexSeconds", BenchMeasures.round(index)));
  }

  private Path generate(Settings s) {
    Path file =
        home.resolve("bench")
            .resolve("vacancies-" + s.vacancies() + "-seed" + s.seed() + ".jsonl.gz");
    if (Files.exists(file)) {
      step("generation", Map.of("skipped", "reused " + file));
      return file;
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    VacancyGenerator.Truth truth =
        runtime
            .bean(SampleCorpus.class)
            .write(
                new VacancyGenerator.Settings(
                    Math.toIntExact(s.vacancies()), s.seed(), YearMonth.of(2023, 1), 24, 5, 0),
                s.employment(),
                file);
    double secs = BenchMeasures.seconds(t0);
    step(
        "generation",
        Map.of(
            "file", file.toString(),
            "vacancies", truth.vacancies(),
            "seconds", BenchMeasures.round(secs),
            "bytes", BenchMeasures.size(file)));
    return file;
  }

  private void ingest(Path corpus) {
    long t0 = System.nanoTime();
    VacancyService.IngestReport r =
        runtime
            .bean(VacancyService.class)
            .ingest(
                List.of(corpus),
                ExtractionMode.FAST,
                Optional.empty(),
                ConsoleProgress.forStderr());
    double secs = BenchMeasures.seconds(t0);
    if (!r.complete()) {
      throw new IllegalStateException("the bench ingest did not load everything: " + r.shortfall());
    }
    step(
        "ingest",
        Map.of(
            "accepted", r.accepted(),
            "seconds", BenchMeasures.round(secs),
            "perSecond", Math.round(r.accepted() / secs),
            "duplicates", r.duplicates(),
            // The load's own time, and the kept series counted at its end (in "seconds" too).
            "loadSeconds", BenchMeasures.round(r.seconds()),
            "seriesSeconds", BenchMeasures.round(Math.max(0, secs - r.seconds()))));
  }

  private void extraction(Path corpus, int seconds) throws IOException {
    List<String> texts = BenchMeasures.descriptions(corpus, 2_000);
    int workers = Runtime.getRuntime().availableProcessors();
    Map<String, Object> modes = new LinkedHashMap<>();
    for (ExtractionMode m : ExtractionMode.values()) {
      SkillExtractor extractor =
          runtime
              .bean(ExtractionService.class)
              .extractor(Optional.empty(), m == ExtractionMode.FULL, ConsoleProgress.forStderr());
      try {
        BenchCommand.Extraction.run(extractor, m, texts, workers, Math.max(1, seconds / 3));
        long[] r = BenchCommand.Extraction.run(extractor, m, texts, workers, seconds);
        modes.put(
            m.name().toLowerCase(Locale.ROOT),
            Map.of("texts", r[0], "textsPerSecond", BenchMeasures.round(r[0] / (r[2] / 1e9))));
      } catch (Exception e) {
        throw new IllegalStateException("extraction bench failed: " + e.getMessage(), e);
      }
    }
    step("extraction", modes);
  }

  private void offers(Settings s) {
    OfferService offers = runtime.bean(OfferService.class);
    if (offers.stats().offers() > 0) {
      step(
          "offers",
          Map.of("skipped", "the home already holds " + offers.stats().offers() + " offers"));
      return;
    }
    long t0 = System.nanoTime();
    var r =
        offers.ingest(
            SampleOffers.expand(s.offers()),
            ExtractionMode.FAST,
            Optional.empty(),
            ConsoleProgress.forStderr());
    if (!r.complete()) {
      throw new IllegalStateException("the bench's offers did not load whole: " + r.shortfall());
    }
    step(
        "offers",
        Map.of(
            "accepted", r.accepted(), "seconds", BenchMeasures.round(BenchMeasures.seconds(t0))));
  }

  /** The busiest sectors, each alone and with its busiest countries. */
  private List<Slice> slices(int n) {
    DemandReport demand = runtime.bean(DemandReport.class);
    List<Slice> out = new ArrayList<>();
    for (DemandReport.Group sector :
        demand.demand(Slice.ALL, Optional.of(GroupBy.SECTOR), 1).groups()) {
      out.add(Slice.of(sector.group(), null, null, null, null, null, false));
      Slice one = Slice.of(sector.group(), null, null, null, null, null, false);
      for (DemandReport.Group c : demand.demand(one, Optional.of(GroupBy.COUNTRY), 1).groups()) {
        if (out.size() >= n) {
          return out;
        }
        out.add(Slice.of(sector.group(), null, c.group(), null, null, null, false));
        if (out.size() % 3 == 0) {
          break;
        }
      }
      if (out.size() >= n) {
        break;
      }
    }
    return out;
  }

  private void queries(int n) {
    List<Slice> slices = slices(n);
    DemandReport demand = runtime.bean(DemandReport.class);
    EmergingReport emerging = runtime.bean(EmergingReport.class);
    GapAnalysis gaps = runtime.bean(GapAnalysis.class);
    OfferMatching match = runtime.bean(OfferMatching.class);
    OfferFilter anyOffer = OfferFilter.of(null, null, null, null, List.of(), null, null);
    Map<String, Object> latencies = new LinkedHashMap<>();
    latencies.put("slices", slices.size());
    latencies.put(
        "demand", BenchMeasures.time(slices, s -> () -> demand.demand(s, Optional.empty(), 20)));
    latencies.put(
        "emerging",
        BenchMeasures.time(
            slices, s -> () -> emerging.emerging(s, Emerging.Settings.DEFAULTS, 20)));
    latencies.put(
        "gaps", BenchMeasures.time(slices, s -> () -> gaps.gaps(s, anyOffer, 50, 10, true)));
    latencies.put(
        "match",
        BenchMeasures.time(
            slices,
            s ->
                () ->
                    match.forSlice(
                        s,
                        anyOffer,
                        30,
                        true,
                        5,
                        Optional.empty(),
                        BudgetOn.COST,
                        Optional.empty(),
                        10)));
    step("queries", latencies);
  }

  private void resources(HeapSampler heap) {
    heap.sample();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("heapMaxMB", Runtime.getRuntime().maxMemory() >> 20);
    r.put("heapUsedMaxMB", heap.usedMax >> 20);
    r.put("heapAfterGcMaxMB", heap.afterGcMax >> 20);
    r.put("heapAtEndAfterGcMB", live >> 20);
    for (String dir : List.of("tdb2", "es")) {
      Path p = home.resolve(dir);
      if (Files.exists(p)) {
        r.put(
            "disk" + (dir.equals("es") ? "Elasticsearch" : "Tdb2") + "MB",
            BenchMeasures.treeSize(p) >> 20);
      }
    }
    step("resources", r);
  }

  private void step(String name, Map<String, ?> details) {
    results.put(name, details);
    out.printf(
        Locale.ROOT, "%-11s %s%n", name, JsonConfiguration.cliMapper().writeValueAsString(details));
    out.flush();
  }
}
