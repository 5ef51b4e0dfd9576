package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The vacancies held: written in bulk by ingest runs (the same source and id is replaced), read
 * back for near-duplicate detection across runs, and summed up per source and month.
 */
public interface VacancyStore extends HeldOriginals {

  /** Writes vacancies in bulk; every refused document is named by source and id. */
  interface Writer extends AutoCloseable {
    /**
     * Writes in the background.
     *
     * @param stored run once the store acknowledged the document (never, if it refused it)
     */
    void write(VacancyRecord r, Runnable stored);

    default void write(VacancyRecord r) {
      write(r, () -> {});
    }

    /** Documents acknowledged so far. */
    long written();

    /** Documents refused, as {@code source/id: reason}. */
    List<String> refused();

    /**
     * Waits for every write so far and makes them visible to readers ({@link
     * HeldOriginals#originalsUnder}), the writer staying open.
     */
    void sync();

    /** Waits for every write and makes them visible to readers. */
    @Override
    void close();
  }

  /**
   * One ingest run as recorded.
   *
   * @param id the run's id, as written in each vacancy's {@code ingest} field
   * @param rejects the rejects file, if any row was rejected
   */
  record IngestRun(
      String id,
      String startedAt,
      String finishedAt,
      Long rows,
      Long accepted,
      Long rejected,
      Long refused,
      String rejects,
      List<FileRun> files) {
    public IngestRun {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * One file of an ingest run.
   *
   * @param problem why the file was not read to its end, or null
   */
  record FileRun(String name, long rows, long accepted, long rejected, String problem) {}

  /**
   * What is held. Duplicates are counted apart and left out of the other counts.
   *
   * @param total vacancies, duplicates left out
   * @param duplicates vacancies marked as duplicates
   * @param bySource per source: vacancies, duplicates and the duplicate rate
   * @param byMonth vacancies per month of posting (yyyy-MM), duplicates left out
   * @param lastIngest the last ingest run as recorded, or null
   */
  record Stats(
      long total,
      long duplicates,
      List<SourceStats> bySource,
      Map<String, Long> byMonth,
      IngestRun lastIngest) {}

  /** A source's vacancies, its duplicates, and its share of duplicates. */
  record SourceStats(String source, long vacancies, long duplicates, double duplicateRate) {}

  /**
   * A vacancy as held: every field of the stored document in its stored order (the vacancy, its
   * skills with their evidence, occupation coding, near-duplicate marks, dataset, ingest run).
   */
  record Held(Map<String, Object> document) {}

  /**
   * A writer whose vacancies belong to a dataset.
   *
   * @param dataset the dataset's name, or null for none (as before datasets were recorded)
   */
  Writer writer(String dataset, boolean synthetic);

  /** A vacancy held, by its source and id. */
  Optional<Held> get(String source, String id);

  /**
   * A page of the vacancies of a slice, in the order of source then id ({@link HeldKey}): every
   * vacancy held throughout a walk from the first page to the last is read exactly once.
   *
   * @param after the last row of the page before, or null for the first page
   * @param limit rows at most
   */
  HeldPage page(Slice slice, HeldKey after, int limit);

  /** The vacancies of a slice. */
  long count(Slice slice);

  /** Every vacancy held: {@code source/id} and {@code source/id} of what it duplicates, or null. */
  Map<String, String> duplicateMarks();

  /**
   * Records one ingest run: at its start (without its end and counts, so that loads running at the
   * same time know of each other) and at its end.
   */
  void recordRun(IngestRun run);

  /**
   * The ingest runs other than {@code id} that ran at some time since {@code since}, on any
   * instance: the loads whose reposts this one may not have seen.
   */
  List<String> runsBeside(String id, Instant since);

  /** What is held. */
  Stats stats();

  /**
   * Gives every vacancy held without the skill facets of this ESCO version (written before facets
   * were, or under another version) its facets, taken from its skills, and makes them visible;
   * returns how many were given facets.
   *
   * @param done told the running count now and then
   */
  long addMissingFacets(
      String escoVersion, Function<List<String>, SkillFacets> facetsOf, LongConsumer done);
}
