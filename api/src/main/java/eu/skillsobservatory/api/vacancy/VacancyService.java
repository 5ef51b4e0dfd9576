package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.SkillFacts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.config.ObservatorySettings;
import eu.skillsobservatory.api.extract.ExtractionService;
import eu.skillsobservatory.api.jobs.LoadOutcome;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Vacancy ingest: files read row by row, each accepted vacancy enriched (language, ISCO group,
 * given and extracted skills with their provenance) and written to the {@code vacancies} index;
 * each rejected row written to a rejects file with its line, field and reason.
 */
@Service
public class VacancyService {
  private static final Logger LOG = LoggerFactory.getLogger(VacancyService.class);

  private final ExtractionService extraction;
  private final SkillCatalog catalog;
  private final ObjectProvider<VacancyStore> index;
  private final ObjectProvider<Datasets> datasets;
  private final ObservatorySettings settings;
  private final VacancyEnrichment enrichment;
  private final ObservatoryMetrics metrics;
  private final RowReader<Vacancy> rows;
  private final ObjectProvider<DemandCounts> counts;

  public VacancyService(
      ExtractionService extraction,
      SkillCatalog catalog,
      ObjectProvider<VacancyStore> index,
      VacancyEnrichment enrichment,
      ObservatorySettings settings,
      ObservatoryMetrics metrics,
      RowReader<Vacancy> rows,
      ObjectProvider<Datasets> datasets,
      ObjectProvider<DemandCounts> counts) {
    this.counts = counts;
    this.datasets = datasets;
    this.metrics = metrics;
    this.rows = rows;
    this.enrichment = enrichment;
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
      implements LoadOutcome {
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
    long deleted = datasets.getObject().delete(name);
    keepSeries(Progress.NONE);
    return Optional.of(deleted);
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
    VacancyLoad.Parts parts =
        new VacancyLoad.Parts(
            index.getObject(),
            datasets.getObject(),
            rows,
            enrichment,
            extraction,
            metrics,
            catalog,
            settings.homePath());
    IngestReport report =
        new VacancyLoad(
                parts,
                new VacancyLoad.Request(
                    inputs, mode, rejectsFile, progress, start, resume, dataset))
            .run();
    keepSeries(progress);
    return report;
  }

  /**
   * Summarizes again after vacancies changed (what a load wrote is visible even when it stopped
   * early); a failure leaves the answers counted live, never wrong, and does not fail the change.
   */
  private void keepSeries(Progress progress) {
    try {
      summarize(progress);
    } catch (SearchStoreException e) {
      LOG.warn("the skills' series were not kept after the change: {}", e.getMessage());
      progress.finish("Skill series not kept (answers are counted live): " + e.getMessage());
    }
  }

  /**
   * Counts again what fast answers read (the skills' series by section, country and dataset), so
   * that they serve the vacancies now held; until it is done, answers are counted live. Run after
   * every load and dataset deletion (about 29,000 vacancies/s: 3 minutes at 5,000,000).
   *
   * @return the cells of counts written
   */
  public long summarize(Progress progress) {
    return counts.getObject().summarize(progress);
  }

  /** The ESCO occupation a job title names, as ingest codes it; empty when no ESCO is loaded. */
  public Optional<OccupationCoder.Coding> codeTitle(
      String title, String language, String iscoHint, Progress progress) {
    return enrichment.codeTitle(title, language, iscoHint, progress);
  }

  /** The ISCO-08 unit group of an ESCO occupation of a loaded version. */
  public Optional<String> iscoOf(String occupation) {
    return enrichment.iscoOf(occupation);
  }

  /** A vacancy held, as indexed, by source and id. */
  public Optional<Map<String, Object>> vacancy(String source, String id) {
    return index.getObject().get(source, id).map(VacancyStore.Held::document);
  }

  public VacancyStore.Stats stats() {
    return index.getObject().stats();
  }

  /** The vacancies given the skill facets of an ESCO version, and how many. */
  public record FacetsWritten(String escoVersion, long given) {}

  /**
   * Gives the vacancies held without the skill facets of the current ESCO version (loaded before
   * facets were written, or under another version) theirs, so that demand counts collections and
   * skill groups by one term again; the answers are the same before and after.
   */
  public FacetsWritten writeFacets(Progress progress) {
    SkillFacts facts = enrichment.facts();
    String version = facts.version().toString();
    progress.start("writing skill facets of ESCO " + version, "vacancies", -1);
    long given =
        index.getObject().addMissingFacets(version, facts::facetsOf, n -> progress.advance(n, n));
    progress.finish(String.format(Locale.ROOT, "%,d vacancies given skill facets", given));
    if (given > 0) {
      // The kept counts tally the facets too: until built again, demand counts the collections of
      // this version live.
      summarize(progress);
    }
    return new FacetsWritten(version, given);
  }
}
