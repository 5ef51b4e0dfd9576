package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.LanguageGuess;
import eu.skillsobservatory.analytics.extract.Phrases;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.NearDuplicates;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.analytics.vacancy.OccupationTable;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.config.ObservatorySettings;
import eu.skillsobservatory.api.esco.EscoService;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import eu.skillsobservatory.api.rows.RejectsWriter;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Vacancy ingest: files read row by row, each accepted vacancy enriched (language, ISCO group,
 * given and extracted skills with their provenance) and written to the {@code vacancies} index;
 * each rejected row written to a rejects file with its line, field and reason.
 */
@Service
public class VacancyService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(VacancyService.class);

  /** Extracted skills kept per vacancy. */
  static final int SKILLS_PER_VACANCY = 20;

  private final ExtractionService extraction;
  private final SkillCatalog catalog;
  private final ObjectProvider<VacancyStore> index;
  private final ObjectProvider<Datasets> datasets;
  private final ObservatorySettings settings;
  private final EscoService esco;
  private final ObservatoryMetrics metrics;
  private final RowReader<Vacancy> rows;
  private final WordForms forms;
  private Coding coding;

  /** The occupations of the ESCO versions loaded when it was made, and a coder over them. */
  private record Coding(
      List<VersionSummary> versions, OccupationTable table, OccupationCoder coder) {}

  public VacancyService(
      ExtractionService extraction,
      SkillCatalog catalog,
      ObjectProvider<VacancyStore> index,
      EscoService esco,
      ObservatorySettings settings,
      ObservatoryMetrics metrics,
      RowReader<Vacancy> rows,
      ObjectProvider<Datasets> datasets,
      WordForms forms) {
    this.forms = forms;
    this.datasets = datasets;
    this.metrics = metrics;
    this.rows = rows;
    this.esco = esco;
    this.extraction = extraction;
    this.catalog = catalog;
    this.index = index;
    this.settings = settings;
  }

  /**
   * What an ingest did.
   *
   * @param ingest the run's id
   * @param files per input file: rows, accepted, rejected, and why it could not be read whole
   * @param refused vacancies Elasticsearch refused (source/id: reason)
   * @param rejects the rejects file, if any row was rejected
   * @param duplicates accepted vacancies marked as near-duplicates of another (kept, not counted)
   * @param unknownOccupations vacancies whose occupation URI no loaded ESCO version knows (kept)
   * @param dataset the dataset the vacancies were loaded into, as recorded after the load
   */
  public record IngestReport(
      String ingest,
      List<ReadReport> files,
      long rows,
      long accepted,
      long rejected,
      long written,
      List<String> refused,
      String rejects,
      long duplicates,
      long unknownOccupations,
      long resumed,
      double seconds,
      double perSecond,
      Dataset dataset)
      implements eu.skillsobservatory.api.jobs.LoadOutcome {
    @Override
    public boolean complete() {
      return rejected == 0
          && refused.isEmpty()
          && files.stream().allMatch(f -> f.problem().isEmpty());
    }

    @Override
    public boolean failed() {
      return !refused.isEmpty();
    }

    @Override
    public String shortfall() {
      List<String> parts = new ArrayList<>();
      files.stream().flatMap(f -> f.problem().stream()).forEach(parts::add);
      if (rejected > 0) {
        parts.add(rejected + " of " + rows + " rows rejected");
      }
      if (!refused.isEmpty()) {
        parts.add(
            refused.size()
                + " vacancies refused by Elasticsearch (run the same load again: rows already"
                + " stored are skipped or overwritten, never doubled)");
      }
      return String.join("; ", parts) + "; " + written + " vacancies written";
    }

    @Override
    public Optional<String> rejectsFile() {
      return Optional.ofNullable(rejects);
    }
  }

  /** The datasets loaded, by name. */
  public List<Dataset> datasets() {
    return datasets.getObject().list();
  }

  /**
   * Removes a dataset and its vacancies.
   *
   * @return the vacancies deleted, or empty when no dataset has that name
   */
  public Optional<Long> deleteDataset(String name) {
    Slice.checkDataset(name);
    if (datasets.getObject().get(name).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(datasets.getObject().delete(name));
  }

  /** Loads files, resuming where an interrupted load of the same file stopped. */
  public IngestReport ingest(
      List<Path> files, ExtractionMode mode, Optional<Path> rejectsFile, Progress progress) {
    return ingest(files, mode, rejectsFile, progress, true);
  }

  /**
   * The dataset a load writes into.
   *
   * @param name letters, digits, '.', '-', '_'
   * @param synthetic whether the rows are made by a generator, not real adverts
   */
  public record DatasetSpec(String name, boolean synthetic) {
    public DatasetSpec {
      Slice.checkDataset(name);
    }

    /**
     * The dataset of files loaded without a name: the first file's name without its extensions;
     * synthetic when a generator's truth file ({@code FILE.truth.json}) lies beside any of them.
     */
    public static DatasetSpec of(List<Path> files, Optional<String> name, boolean synthetic) {
      boolean generated =
          files.stream()
              .anyMatch(f -> Files.exists(f.resolveSibling(f.getFileName() + ".truth.json")));
      String n =
          name.orElseGet(
              () -> {
                String base = files.isEmpty() ? "vacancies" : files.get(0).getFileName().toString();
                base = base.replaceAll("(\\.(gz|jsonl|ndjson|json|csv|tsv|txt))+$", "");
                base = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
                return base.isEmpty()
                    ? "vacancies"
                    : base.substring(0, Math.min(100, base.length()));
              });
      return new DatasetSpec(n, synthetic || generated);
    }
  }

  /**
   * @param resume whether to skip the rows an interrupted earlier load of the same, unchanged file
   *     already stored (see {@link ResumePoints}); false reads every file from its first line
   */
  public IngestReport ingest(
      List<Path> files,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      boolean resume) {
    return ingest(
        files, mode, rejectsFile, progress, resume, DatasetSpec.of(files, Optional.empty(), false));
  }

  /** The same, into a named dataset. */
  public IngestReport ingest(
      List<Path> files,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      boolean resume,
      DatasetSpec dataset) {
    long start = System.nanoTime();
    List<RowInput> inputs = files.stream().map(RowInput::file).toList();
    return metrics.load(
        "vacancies", () -> load(inputs, mode, rejectsFile, progress, start, resume, dataset));
  }

  public IngestReport ingestInputs(
      List<RowInput> inputs, ExtractionMode mode, Optional<Path> rejectsFile, Progress progress) {
    return ingestInputs(inputs, mode, rejectsFile, progress, new DatasetSpec("upload", false));
  }

  public IngestReport ingestInputs(
      List<RowInput> inputs,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      DatasetSpec dataset) {
    long start = System.nanoTime();
    return metrics.load(
        "vacancies", () -> load(inputs, mode, rejectsFile, progress, start, false, dataset));
  }

  private IngestReport load(
      List<RowInput> inputs,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      long start,
      boolean resume,
      DatasetSpec dataset) {
    Counter acceptedRows = metrics.rows("vacancies", "accepted");
    Counter rejectedRows = metrics.rows("vacancies", "rejected");
    String ingest =
        "ingest-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    SkillExtractor extractor =
        extraction.extractor(Optional.empty(), mode == ExtractionMode.FULL, progress);
    Coding occupations = coding(progress);
    Path rejects =
        rejectsFile.orElse(settings.homePath().resolve("rejects").resolve(ingest + ".csv"));
    RejectsWriter rejectsWriter = new RejectsWriter(rejects);
    List<ReadReport> reports = new ArrayList<>();
    AtomicLong unknown = new AtomicLong();
    long[] duplicates = new long[1];
    // Near-duplicates of vacancies held from earlier ingests count too.
    NearDuplicates near = new NearDuplicates();
    index
        .getObject()
        .forEachOriginal(
            (key, print, title, country, employer, posted) ->
                near.register(
                    key, Base64.getDecoder().decode(print), title, country, employer, posted));
    learnSharedText(inputs, near, progress);
    List<String> refused;
    long written;
    // Reading and near-duplicate marks stay in file order, on this thread; extraction, the
    // costly part, runs on every core. A full queue makes the reader do the work itself.
    int cores = Math.max(1, java.lang.Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            cores,
            cores,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(cores * 64),
            new ThreadPoolExecutor.CallerRunsPolicy());
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ResumePoints points = new ResumePoints(settings.homePath().resolve("ingest-state"));
    Map<Path, ResumePoints.Watermark> marks = new LinkedHashMap<>();
    long[] resumed = new long[1];
    boolean finished = false;
    try (VacancyStore.Writer writer =
        index.getObject().writer(dataset.name(), dataset.synthetic())) {
      for (RowInput input : inputs) {
        String name = input.name();
        Path path = input.path().orElse(null);
        long skip =
            resume && path != null
                ? points.find(path).map(ResumePoints.Point::line).orElse(0L)
                : 0L;
        if (skip > 0) {
          LOG.info("{}: resuming an interrupted load after line {}", name, skip);
          progress.start(name + ": resuming after line " + skip, "rows", -1);
          progress.finish(name + ": rows up to line " + skip + " were stored by an earlier load");
        }
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
        ReadReport report =
            rows.read(
                input,
                new RowSink<>() {
                  @Override
                  public void accept(Vacancy v, long line) {
                    if (line <= skip) {
                      resumed[0]++;
                      return;
                    }
                    acceptedRows.increment();
                    NearDuplicates.Print print =
                        near.print(v.source(), v.employer(), v.title(), v.description());
                    String duplicateOf =
                        near.add(
                                v.source() + "/" + v.id(),
                                print,
                                v.country(),
                                v.employer(),
                                v.posted())
                            .orElse(null);
                    if (duplicateOf != null) {
                      duplicates[0]++;
                    }
                    String fingerprint = Base64.getEncoder().encodeToString(print.minHash());
                    mark.pending(line);
                    checkpoint.run();
                    workers.execute(
                        () -> {
                          try {
                            VacancyRecord r =
                                enrich(
                                    v,
                                    extractor,
                                    mode,
                                    occupations,
                                    duplicateOf,
                                    fingerprint,
                                    ingest);
                            if (r.occupationUnknown()) {
                              unknown.incrementAndGet();
                            }
                            writer.write(r, () -> mark.stored(line));
                          } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                          }
                        });
                  }

                  @Override
                  public void reject(Rejection r) {
                    if (r.line() <= skip) {
                      return;
                    }
                    rejectedRows.increment();
                    rejectsWriter.write(name, r);
                    mark.passed(r.line());
                  }
                },
                progress);
        reports.add(report);
        report.problem().ifPresent(p -> rejectsWriter.write(name, new Rejection(0, "file", p)));
      }
      workers.shutdown();
      awaitQuietly(workers);
      if (failure.get() != null) {
        throw failure.get();
      }
      writer.close();
      refused = writer.refused();
      written = writer.written();
      finished = true;
    } finally {
      workers.shutdownNow();
      rejectsWriter.close();
      // Where each file got to, for a rerun to resume from; none left once a file loaded whole.
      if (!finished) {
        marks.forEach((file, mark) -> points.save(file, mark.line(), ingest));
      }
    }
    long rows = reports.stream().mapToLong(ReadReport::rows).sum();
    long accepted = reports.stream().mapToLong(ReadReport::accepted).sum();
    long rejected = reports.stream().mapToLong(ReadReport::rejected).sum();
    Dataset recorded =
        datasets
            .getObject()
            .record(
                new Dataset(
                    dataset.name(),
                    "vacancies",
                    dataset.synthetic(),
                    Instant.now(),
                    catalog.resolve(Optional.empty()).toString(),
                    mode.name().toLowerCase(java.util.Locale.ROOT),
                    inputs.stream().map(RowInput::name).toList(),
                    written));
    double seconds = (System.nanoTime() - start) / 1e9;
    IngestReport report =
        new IngestReport(
            ingest,
            reports,
            rows,
            accepted,
            rejected,
            written,
            refused,
            rejectsWriter.used() ? rejects.toString() : null,
            duplicates[0],
            unknown.get(),
            resumed[0],
            Math.round(seconds * 10) / 10.0,
            Math.round(accepted / Math.max(seconds, 1e-9)),
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
    index.getObject().recordRun(run(report, start));
    return report;
  }

  /**
   * A first reading of the files, to learn the text their employers and sources repeat before any
   * vacancy is fingerprinted: then every vacancy of the load is fingerprinted alike, the first ones
   * of an employer as its last. A request body cannot be read twice: its vacancies are learned from
   * as they come.
   */
  private void learnSharedText(List<RowInput> inputs, NearDuplicates near, Progress progress) {
    if (inputs.isEmpty() || inputs.stream().anyMatch(i -> i.path().isEmpty())) {
      return;
    }
    long[] seen = new long[1];
    progress.start("learning the text employers and sources repeat", "rows", -1);
    for (RowInput input : inputs) {
      rows.read(
          input,
          new RowSink<>() {
            @Override
            public void accept(Vacancy v, long line) {
              near.learn(v.source(), v.employer(), v.title(), v.description());
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

  private static void awaitQuietly(ThreadPoolExecutor workers) {
    try {
      while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: each task is bounded by the extractor's limits
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    }
  }

  private static VacancyStore.IngestRun run(IngestReport r, long start) {
    List<VacancyStore.FileRun> files = new ArrayList<>();
    for (ReadReport f : r.files()) {
      files.add(
          new VacancyStore.FileRun(
              f.name(), f.rows(), f.accepted(), f.rejected(), f.problem().orElse(null)));
    }
    return new VacancyStore.IngestRun(
        r.ingest(),
        Instant.now().minusNanos(System.nanoTime() - start).toString(),
        Instant.now().toString(),
        r.rows(),
        r.accepted(),
        r.rejected(),
        (long) r.refused().size(),
        r.rejects(),
        files);
  }

  VacancyRecord enrich(
      Vacancy v,
      SkillExtractor extractor,
      ExtractionMode mode,
      Coding occupations,
      String duplicateOf,
      String fingerprint,
      String ingest) {
    String language = v.language();
    boolean detected = false;
    String text = v.title().isEmpty() ? v.description() : v.title() + "\n\n" + v.description();
    if (language == null) {
      language = LanguageGuess.of(text, extractor.languages(), forms).orElse("en");
      detected = true;
    }
    List<SkillEvidence> skills = new ArrayList<>();
    List<String> phrases = List.of();
    v.skills().forEach(u -> skills.add(SkillEvidence.given(u)));
    if (!text.isBlank()) {
      // Counted per vacancy: a skill named only as part of a longer one does not count, nor one
      // found only as a neighbour by meaning where labels were found.
      String lang = language;
      Extraction found =
          metrics.extract(
              "vacancy", mode, () -> extractor.extract(text, lang, mode, SKILLS_PER_VACANCY));
      if (language.equals("en")) {
        // What no label matched: the candidates for new skills outside ESCO.
        phrases =
            Phrases.of(
                text,
                found.skills().stream()
                    .filter(s -> !"meaning".equals(s.evidence()))
                    .map(ExtractedSkill::span)
                    .toList());
      }
      Extraction x = found.counted();
      int titleEnd = v.title().isEmpty() ? 0 : v.title().length();
      int descriptionStart = v.title().isEmpty() ? 0 : titleEnd + 2;
      for (ExtractedSkill s : x.skills()) {
        boolean inTitle = s.span().start() < titleEnd;
        int offset = inTitle ? 0 : descriptionStart;
        skills.add(
            new SkillEvidence(
                s.uri(),
                "extracted",
                s.score(),
                inTitle ? "title" : "description",
                Math.max(0, s.span().start() - offset),
                Math.max(0, s.span().end() - offset)));
      }
    }
    String occupation = v.occupation();
    OccupationTable table = occupations.table();
    boolean uri = occupation != null && occupation.startsWith("http");
    boolean unknown = uri && !table.knows(occupation);
    boolean remote = false;
    String remoteIsco = null;
    if (unknown) {
      // From a newer ESCO, say: the web service may know it (when that fallback is on).
      try {
        var r = esco.remote(occupation, "en");
        if (r.isPresent() && r.get().type() == ConceptType.OCCUPATION) {
          unknown = false;
          remote = true;
          remoteIsco = r.get().iscoCode().orElse(null);
        }
      } catch (RemoteServiceException e) {
        warnOnce(e);
      }
    }
    OccupationCoder.Coding coded = null;
    if (!uri && !v.title().isBlank() && occupations.coder() != null) {
      // Only a title (and perhaps an ISCO code): code the title through the ESCO labels.
      coded = occupations.coder().code(v.title(), language, occupation).orElse(null);
    }
    String isco = remote ? remoteIsco : table.iscoOf(occupation).orElse(null);
    if (isco == null && coded != null) {
      isco = table.iscoOf(coded.uri()).orElse(null);
    }
    return new VacancyRecord(
        v,
        language,
        detected,
        isco,
        unknown,
        remote,
        coded,
        skills,
        duplicateOf,
        fingerprint,
        ingest,
        phrases);
  }

  /**
   * The occupation table and title coder for the ESCO versions loaded now: made again when a
   * version was loaded or removed since, so a running server codes against what it holds.
   */
  private synchronized Coding coding(Progress progress) {
    List<VersionSummary> versions = catalog.versions();
    if (coding == null || !coding.versions().equals(versions)) {
      OccupationTable table = OccupationTable.of(catalog);
      OccupationCoder coder = null;
      if (!versions.isEmpty()) {
        if (!esco.isIndexed()) {
          // Titles are coded through the ESCO labels in Elasticsearch.
          esco.index(Optional.empty(), progress);
        }
        ConceptSearch labels =
            new ConceptSearch() {
              @Override
              public Page search(Query query) {
                return esco.search(query);
              }

              @Override
              public Page suggest(Query query) {
                return esco.suggest(query);
              }
            };
        coder = new OccupationCoder(labels, forms, table);
      }
      coding = new Coding(versions, table, coder);
    }
    return coding;
  }

  private final java.util.concurrent.atomic.AtomicBoolean warned =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The web service failing is said once per process; the vacancy is kept, flagged unknown. */
  private void warnOnce(RemoteServiceException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "The ESCO web service could not resolve an unknown occupation ({}); such vacancies are"
              + " kept and flagged",
          e.getMessage());
    }
  }

  /** The ESCO occupation a job title names, as ingest codes it; empty when no ESCO is loaded. */
  public Optional<OccupationCoder.Coding> codeTitle(
      String title, String language, String iscoHint, Progress progress) {
    Coding c = coding(progress);
    return c.coder() == null ? Optional.empty() : c.coder().code(title, language, iscoHint);
  }

  /** The ISCO-08 unit group of an ESCO occupation of a loaded version. */
  public Optional<String> iscoOf(String occupation) {
    return coding(Progress.NONE).table().iscoOf(occupation);
  }

  /** A vacancy held, as indexed, by source and id. */
  public Optional<Map<String, Object>> vacancy(String source, String id) {
    return index.getObject().get(source, id).map(VacancyStore.Held::document);
  }

  public VacancyStore.Stats stats() {
    return index.getObject().stats();
  }
}
