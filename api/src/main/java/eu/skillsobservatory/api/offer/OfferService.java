package eu.skillsobservatory.api.offer;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferRecord;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.api.config.ObservatorySettings;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.jobs.LoadOutcome;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import eu.skillsobservatory.api.rows.RejectsWriter;
import eu.skillsobservatory.api.rows.RowIngest;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training offer ingest: files (flat CSV or JSON Lines, or European Learning Model JSON-LD) read
 * whole, each offer's skills taken from its learning outcomes (the ESCO skills given with an
 * outcome, else those extracted from its text), then added to the {@code offers} index in one swap.
 * A file that cannot be read to its end loads nothing; a rejected offer is written to the rejects
 * file with its line, field and reason, and the file's valid offers load.
 */
@Service
public class OfferService {
  /** Offers at most in one load: they are held in memory until the swap. */
  public static final int MAX_OFFERS = 500_000;

  private final ExtractionService extraction;
  private final ObjectProvider<TrainingOffers> index;
  private final ObservatorySettings settings;
  private final ObservatoryMetrics metrics;
  private final RowReader<Offer> rows;
  private final OfferEnrichment enrichment;

  public OfferService(
      ExtractionService extraction,
      ObjectProvider<TrainingOffers> index,
      ObservatorySettings settings,
      ObservatoryMetrics metrics,
      RowReader<Offer> rows,
      OfferEnrichment enrichment) {
    this.enrichment = enrichment;
    this.metrics = metrics;
    this.rows = rows;
    this.extraction = extraction;
    this.index = index;
    this.settings = settings;
  }

  /**
   * What a load did.
   *
   * @param files per input: rows (offers) seen, accepted, rejected, and why it could not be read
   *     whole (then none of its offers was loaded)
   * @param written offers written by this load
   * @param replaced of those, offers held before with the same source and id
   * @param repeated offers of the load whose source and id came again later in it (the later won)
   * @param held offers held after the load
   * @param skillsGiven offers whose skills came (at least partly) from the input
   * @param skillsExtracted offers with skills extracted from their text
   * @param withoutSkills offers with no skill at all (kept; they match nothing)
   */
  public record IngestReport(
      String ingest,
      List<ReadReport> files,
      long rows,
      long accepted,
      long rejected,
      long written,
      long replaced,
      long repeated,
      long held,
      String rejects,
      long skillsGiven,
      long skillsExtracted,
      long withoutSkills,
      double seconds)
      implements LoadOutcome {
    @Override
    public boolean complete() {
      return rejected == 0 && files.stream().allMatch(f -> f.problem().isEmpty());
    }

    @Override
    public String shortfall() {
      List<String> parts = new ArrayList<>();
      files.stream()
          .flatMap(f -> f.problem().stream())
          .forEach(p -> parts.add(p + "; none of its offers was loaded"));
      if (rejected > 0) {
        parts.add(rejected + " of " + rows + " rows rejected");
      }
      return String.join("; ", parts) + "; " + written + " offers written";
    }

    @Override
    public Optional<String> rejectsFile() {
      return Optional.ofNullable(rejects);
    }
  }

  public IngestReport ingest(
      List<Path> files, ExtractionMode mode, Optional<Path> rejectsFile, Progress progress) {
    return ingestInputs(files.stream().map(RowInput::file).toList(), mode, rejectsFile, progress);
  }

  public IngestReport ingestInputs(
      List<RowInput> inputs, ExtractionMode mode, Optional<Path> rejectsFile, Progress progress) {
    long start = System.nanoTime();
    IngestReport report =
        metrics.load("offers", () -> load(inputs, mode, rejectsFile, progress, start));
    // Offers are loaded whole or not at all (one alias swap): their rows count once loaded.
    metrics.rows("offers", "accepted").increment(report.accepted());
    return report;
  }

  private IngestReport load(
      List<RowInput> inputs,
      ExtractionMode mode,
      Optional<Path> rejectsFile,
      Progress progress,
      long start) {
    String ingest = RowIngest.runId("offers");
    Path rejects = RowIngest.rejectsFile(settings.homePath(), ingest, rejectsFile);
    List<ReadReport> reports = new ArrayList<>();
    List<Offer> offers;
    String rejectsName;
    try (RejectsWriter rejectsWriter = new RejectsWriter(rejects)) {
      offers = read(inputs, reports, rejectsWriter, progress);
      rejectsWriter.close();
      rejectsName = rejectsWriter.used() ? rejects.toString() : null;
    }
    List<OfferRecord> records = enrichAll(offers, mode, ingest, progress);
    TrainingOffers.LoadReport load = records.isEmpty() ? null : index.getObject().add(records);
    long held = load == null ? index.getObject().stats().offers() : load.total();
    RowIngest.Totals totals = RowIngest.Totals.of(reports);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new IngestReport(
        ingest,
        reports,
        totals.rows(),
        totals.accepted(),
        totals.rejected(),
        load == null ? 0 : load.written(),
        load == null ? 0 : load.replaced(),
        load == null ? 0 : records.size() - load.written(),
        held,
        rejectsName,
        records.stream()
            .filter(r -> r.skills().stream().anyMatch(k -> k.origin().equals("given")))
            .count(),
        records.stream()
            .filter(r -> r.skills().stream().anyMatch(k -> k.origin().equals("extracted")))
            .count(),
        records.stream().filter(r -> r.skills().isEmpty()).count(),
        Math.round(seconds * 10) / 10.0);
  }

  /**
   * The read and validate stages: every input's offers, or none of an input that could not be read
   * to its end (so that a rerun of the mended file is whole); at most {@link #MAX_OFFERS} in all.
   */
  private List<Offer> read(
      List<RowInput> inputs,
      List<ReadReport> reports,
      RejectsWriter rejectsWriter,
      Progress progress) {
    Counter rejectedRows = metrics.rows("offers", "rejected");
    List<Offer> offers = new ArrayList<>();
    for (RowInput input : inputs) {
      List<Offer> fromThis = new ArrayList<>();
      ReadReport report =
          rows.read(
              input,
              new RowSink<>() {
                @Override
                public void accept(Offer offer, long line) {
                  if (offers.size() + fromThis.size() >= MAX_OFFERS) {
                    throw new IllegalArgumentException(
                        String.format(
                            Locale.ROOT,
                            "%s: more than %,d training offers in one load; nothing was loaded,"
                                + " split the input",
                            input.name(),
                            MAX_OFFERS));
                  }
                  fromThis.add(offer);
                }

                @Override
                public void reject(Rejection r) {
                  rejectedRows.increment();
                  rejectsWriter.write(input.name(), r);
                }
              },
              progress);
      reports.add(report);
      if (report.problem().isPresent()) {
        rejectsWriter.write(
            input.name(),
            new Rejection(0, "file", report.problem().get() + "; none of its offers was loaded"));
      } else {
        offers.addAll(fromThis);
      }
    }
    return offers;
  }

  /** The enrich stage, on every core: each offer's skills, given or extracted. */
  private List<OfferRecord> enrichAll(
      List<Offer> offers, ExtractionMode mode, String ingest, Progress progress) {
    SkillExtractor extractor =
        extraction.extractor(Optional.empty(), mode == ExtractionMode.FULL, progress);
    progress.start("Extracting skills from training offers", "offers", offers.size());
    AtomicLong done = new AtomicLong();
    List<OfferRecord> records =
        offers.parallelStream()
            .map(
                o -> {
                  OfferRecord r = enrichment.enrich(o, extractor, mode, ingest);
                  long n = done.incrementAndGet();
                  if (n % 100 == 0) {
                    progress.advance(n, n);
                  }
                  return r;
                })
            .toList();
    progress.finish(String.format(Locale.ROOT, "%,d training offers read", records.size()));
    return records;
  }

  public TrainingOffers.Stats stats() {
    return index.getObject().stats();
  }

  /** An offer held, as indexed, by source and id. */
  public Optional<Map<String, Object>> offer(String source, String id) {
    return index.getObject().get(source, id).map(TrainingOffers.Held::document);
  }

  /**
   * How well skills are found in the learning outcomes of a generated catalogue, against the
   * generator's truth ({@code FILE.truth.json}): for the offers that give no skill URIs, the skills
   * extracted from their outcome texts against the skills they were written from.
   *
   * @param offers offers scored (those without given skills)
   * @param recall truth skills found / truth skills
   * @param precision extracted skills in the truth / extracted skills
   */
  public record Evaluation(
      String file,
      String mode,
      long offers,
      long truth,
      long extracted,
      long right,
      double recall,
      double precision,
      double seconds) {}

  public Evaluation evaluate(Path file, ExtractionMode mode, Progress progress) {
    long start = System.nanoTime();
    Path truthFile = file.resolveSibling(file.getFileName() + ".truth.json");
    Map<String, List<String>> truth = new HashMap<>();
    try {
      var node = JsonMapper.builder().build().readTree(truthFile.toFile());
      var taught = node.get("taught");
      if (taught == null || !taught.isObject()) {
        throw new IllegalArgumentException(
            truthFile + ": no 'taught' object; is it a truth file of" + " 'generate offers'?");
      }
      for (var e : taught.properties()) {
        List<String> uris = new ArrayList<>();
        e.getValue().forEach(u -> uris.add(u.asString()));
        truth.put(e.getKey(), uris);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          truthFile + ": not readable JSON: " + e.getOriginalMessage());
    }
    SkillExtractor extractor =
        extraction.extractor(Optional.empty(), mode == ExtractionMode.FULL, progress);
    long[] c = new long[4];
    ReadReport report =
        rows.read(
            RowInput.file(file),
            new RowSink<>() {
              @Override
              public void accept(Offer o, long line) {
                List<String> expected = truth.get(o.key());
                if (expected == null || !o.skills().isEmpty()) {
                  return;
                }
                List<String> found =
                    enrichment.enrich(o, extractor, mode, "evaluation").skillUris();
                c[0]++;
                c[1] += expected.size();
                c[2] += found.size();
                c[3] += found.stream().filter(expected::contains).count();
              }

              @Override
              public void reject(Rejection r) {}
            },
            progress);
    report
        .problem()
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return new Evaluation(
        file.toString(),
        mode.name().toLowerCase(Locale.ROOT),
        c[0],
        c[1],
        c[2],
        c[3],
        c[1] == 0 ? 0 : Math.round(10_000.0 * c[3] / c[1]) / 10_000.0,
        c[2] == 0 ? 0 : Math.round(10_000.0 * c[3] / c[2]) / 10_000.0,
        Math.round((System.nanoTime() - start) / 1e8) / 10.0);
  }
}
