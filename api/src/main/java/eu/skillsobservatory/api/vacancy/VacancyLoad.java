package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.DuplicatePass;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import eu.skillsobservatory.api.rows.RejectsWriter;
import eu.skillsobservatory.api.rows.RowIngest;
import eu.skillsobservatory.api.vacancy.VacancyService.DatasetSpec;
import eu.skillsobservatory.api.vacancy.VacancyService.IngestReport;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vacancy load, as a sequence of stages: {@link #prepare} (the extractor, the occupation
 * coding, the near-duplicate state of the vacancies held), {@link #learnSharedText} (a first
 * reading of the files), then per input {@link #read} (rows validated into vacancies, rejects
 * written, near-duplicates marked, resume points kept) with {@link #enrichAndWrite} on every core,
 * and {@link #finish} (the dataset recorded, resume points cleared or kept, the run recorded).
 */
final class VacancyLoad {
  private static final Logger LOG = LoggerFactory.getLogger(VacancyLoad.class);

  /** What a load works with: the ports and services, and the home folder. */
  record Parts(
      VacancyStore store,
      Datasets datasets,
      RowReader<Vacancy> rows,
      VacancyEnrichment enrichment,
      ExtractionService extraction,
      ObservatoryMetrics metrics,
      SkillCatalog catalog,
      Path home) {}

  /** What was asked: the inputs, the extraction mode, where rejects go, resuming, the dataset. */
  record Request(
      List<RowInput> inputs,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      long start,
      boolean resume,
      DatasetSpec dataset) {}

  private final Parts parts;
  private final Request request;
  private final Progress progress;
  private final String ingest = RowIngest.runId("ingest");
  private final Counter acceptedRows;
  private final Counter rejectedRows;
  private final List<ReadReport> reports = new ArrayList<>();
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final ResumePoints points;
  private final Map<Path, ResumePoints.Watermark> marks = new LinkedHashMap<>();
  private final DuplicatePass near;
  private final AtomicLong queued = new AtomicLong();
  private final Set<String> resumedFrom = new HashSet<>();
  private final Instant started;

  private VacancyEnrichment.Run run;
  private Path rejects;
  private RejectsWriter rejectsWriter;
  private long duplicates;
  private long resumed;

  VacancyLoad(Parts parts, Request request) {
    this.parts = parts;
    this.request = request;
    this.progress = request.progress();
    this.acceptedRows = parts.metrics().rows("vacancies", "accepted");
    this.rejectedRows = parts.metrics().rows("vacancies", "rejected");
    this.points = new ResumePoints(parts.home().resolve("ingest-state"));
    this.near = new DuplicatePass(parts.store());
    this.started = Instant.now().minusNanos(System.nanoTime() - request.start());
  }

  IngestReport run() {
    prepare();
    // Recorded at its start, so that loads running at the same time know of each other.
    parts
        .store()
        .recordRun(
            new VacancyStore.IngestRun(
                ingest, started.toString(), null, null, null, null, null, null, List.of()));
    learnSharedText();
    VacancyStore.Writer writer =
        parts.store().writer(request.dataset().name(), request.dataset().synthetic());
    boolean finished = false;
    // Reading and near-duplicate marks stay in file order, on this thread; extraction, the
    // costly part, runs on every core. A full queue makes the reader do the work itself.
    ThreadPoolExecutor workers = WorkerPool.start();
    MarkedBatches.Window window = new MarkedBatches.Window(() -> sync(writer));
    try (writer) {
      for (RowInput input : request.inputs()) {
        read(input, writer, workers, window);
      }
      workers.shutdown();
      WorkerPool.await(workers);
      if (failure.get() != null) {
        throw failure.get();
      }
      writer.close();
      finished = true;
    } finally {
      workers.shutdownNow();
      rejectsWriter.close();
      // Where each file got to, for a rerun to resume from; none left once a file loaded whole.
      if (!finished) {
        marks.forEach((file, mark) -> points.save(file, mark.line(), ingest));
      }
    }
    return finish(writer.written(), writer.refused());
  }

  /** The extractor, the occupation coding, the rejects file, the vacancies held. */
  private void prepare() {
    ExtractionMode mode = request.mode();
    run =
        new VacancyEnrichment.Run(
            parts.extraction().extractor(Optional.empty(), mode == ExtractionMode.FULL, progress),
            mode,
            parts.enrichment().coding(progress),
            parts.enrichment().facts(),
            ingest);
    rejects = RowIngest.rejectsFile(parts.home(), ingest, request.rejectsFile());
    rejectsWriter = new RejectsWriter(rejects);
    // Originals of earlier loads are found through their band keys; loads of an earlier version
    // stored none, or keys of the form before mapping version 9: such a home's originals are all
    // given keys now, shown as it goes (it takes a while).
    boolean[] shown = {false};
    long given =
        near.prepare(
            n -> {
              if (!shown[0]) {
                progress.start(
                    "giving earlier vacancies near-duplicate band keys", "vacancies", -1);
                shown[0] = true;
              }
              progress.advance(n, n);
            });
    if (shown[0]) {
      progress.finish(String.format(Locale.ROOT, "%,d earlier vacancies given band keys", given));
    }
  }

  /**
   * A first reading of the files, to learn the text their employers and sources repeat before any
   * vacancy is fingerprinted: then every vacancy of the load is fingerprinted alike, the first ones
   * of an employer as its last. A request body cannot be read twice: its vacancies are learned from
   * as they come.
   */
  private void learnSharedText() {
    List<RowInput> inputs = request.inputs();
    if (inputs.isEmpty() || inputs.stream().anyMatch(i -> i.path().isEmpty())) {
      return;
    }
    long[] seen = new long[1];
    progress.start("learning the text employers and sources repeat", "rows", -1);
    for (RowInput input : inputs) {
      parts
          .rows()
          .read(
              input,
              new RowSink<>() {
                @Override
                public void accept(Vacancy v, long line) {
                  near.learn(v);
                  if (++seen[0] % 10_000 == 0) {
                    progress.advance(seen[0], seen[0]);
                  }
                }

                @Override
                public void reject(Rejection r) {}
              },
              Progress.NONE);
    }
    near.freeze();
    progress.finish("shared text learned from " + seen[0] + " rows");
  }

  /** Reads one input: rows past its resume point validated, marked and handed to the workers. */
  private void read(
      RowInput input,
      VacancyStore.Writer writer,
      ThreadPoolExecutor workers,
      MarkedBatches.Window window) {
    String name = input.name();
    Path path = input.path().orElse(null);
    long skip = resumeAfter(name, path);
    ResumePoints.Watermark mark = new ResumePoints.Watermark(skip);
    if (path != null) {
      marks.put(path, mark);
    }
    long[] lastSave = {System.nanoTime()};
    Runnable checkpoint =
        () -> {
          if (path != null && System.nanoTime() - lastSave[0] > 1_000_000_000L) {
            lastSave[0] = System.nanoTime();
            points.save(path, mark.line(), ingest);
          }
        };
    MarkedBatches batch =
        new MarkedBatches(
            near,
            window,
            new MarkedBatches.Rows() {
              @Override
              public void rejected(long line) {
                mark.passed(line);
              }

              @Override
              public void marked(Vacancy v, long line, DuplicatePass.Mark m) {
                mark.pending(line);
                queued.incrementAndGet();
                workers.execute(() -> enrichAndWrite(v, line, m, writer, mark));
              }

              @Override
              public void handedOn() {
                checkpoint.run();
              }
            });
    ReadReport report =
        parts
            .rows()
            .read(
                input,
                new RowSink<>() {
                  @Override
                  public void accept(Vacancy v, long line) {
                    if (line <= skip) {
                      resumed++;
                      return;
                    }
                    acceptedRows.increment();
                    batch.add(v, line);
                  }

                  @Override
                  public void reject(Rejection r) {
                    if (r.line() <= skip) {
                      return;
                    }
                    rejectedRows.increment();
                    rejectsWriter.write(name, r);
                    batch.add(null, r.line());
                  }
                },
                progress);
    batch.finish();
    duplicates += batch.duplicates();
    reports.add(report);
    report.problem().ifPresent(p -> rejectsWriter.write(name, new Rejection(0, "file", p)));
  }

  /**
   * The line after which an interrupted load of this file stored every row, when asked to resume
   * and one is known; else 0.
   */
  private long resumeAfter(String name, Path path) {
    Optional<ResumePoints.Point> point =
        request.resume() && path != null ? points.find(path) : Optional.empty();
    long skip = point.map(ResumePoints.Point::line).orElse(0L);
    point.ifPresent(p -> resumedFrom.add(p.ingest()));
    if (skip > 0) {
      LOG.info("{}: resuming an interrupted load after line {}", name, skip);
      progress.start(name + ": resuming after line " + skip, "rows", -1);
      progress.finish(name + ": rows up to line " + skip + " were stored by an earlier load");
    }
    return skip;
  }

  /** On a worker: extraction and occupation coding, then the write; the first failure is kept. */
  private void enrichAndWrite(
      Vacancy v,
      long line,
      DuplicatePass.Mark marked,
      VacancyStore.Writer writer,
      ResumePoints.Watermark mark) {
    try {
      VacancyRecord r = parts.enrichment().enrich(v, run, marked);
      if (r.occupationUnknown()) {
        unknown.incrementAndGet();
      }
      writer.write(r, () -> mark.stored(line));
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      queued.decrementAndGet();
    }
  }

  /** Waits for the workers, makes their writes visible, forgets the window. */
  private void sync(VacancyStore.Writer writer) {
    while (queued.get() > 0 && failure.get() == null) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("ingest interrupted", e);
      }
    }
    writer.sync();
    near.synced();
  }

  /** The dataset recorded, the report, the resume points, the run recorded. */
  private IngestReport finish(long written, List<String> refused) {
    // Reposts between this load and loads that ran beside it, which neither could see whole.
    // A load whose resume point this one took has died (this process holds the home), and what it
    // wrote was visible to this load's look-ups from the start (the writer refreshes when opened).
    List<String> beside = new ArrayList<>(parts.store().runsBeside(ingest, started));
    beside.removeAll(resumedFrom);
    duplicates += near.reconcile(ingest, beside);
    RowIngest.Totals totals = RowIngest.Totals.of(reports);
    DatasetSpec dataset = request.dataset();
    Dataset recorded =
        parts
            .datasets()
            .record(
                new Dataset(
                    dataset.name(),
                    "vacancies",
                    dataset.synthetic(),
                    Instant.now(),
                    parts.catalog().resolve(Optional.empty()).toString(),
                    request.mode().name().toLowerCase(Locale.ROOT),
                    request.inputs().stream().map(RowInput::name).toList(),
                    written));
    double seconds = (System.nanoTime() - request.start()) / 1e9;
    IngestReport report =
        new IngestReport(
            ingest,
            reports,
            totals.rows(),
            totals.accepted(),
            totals.rejected(),
            written,
            refused,
            rejectsWriter.used() ? rejects.toString() : null,
            duplicates,
            unknown.get(),
            resumed,
            Math.round(seconds * 10) / 10.0,
            Math.round(totals.accepted() / Math.max(seconds, 1e-9)),
            recorded);
    marks.forEach(
        (file, mark) -> {
          boolean whole =
              report.files().stream()
                  .filter(f -> f.name().equals(file.toString()))
                  .allMatch(f -> f.problem().isEmpty());
          if (whole && mark.allStored()) {
            points.clear(file);
          } else {
            points.save(file, mark.line(), ingest);
          }
        });
    parts
        .store()
        .recordRun(
            RowIngest.run(
                report.ingest(), reports, refused.size(), report.rejects(), request.start()));
    return report;
  }
}
