package eu.skillsobservatory.api.statistics;

import eu.skillsobservatory.analytics.demand.PostingRate;
import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.employment.EmploymentTables;
import eu.skillsobservatory.api.config.SampleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Employment statistics: Eurostat's employment table (NACE section x ISCO-08 major group x country
 * x year) from the spreadsheet export shipped in {@code data/eurostat/} or any file of that shape,
 * or from Eurostat's dissemination API; each load replaces the dataset's previous table at once.
 * The analytics use it as denominators (postings per 1,000 employed) and sector weights.
 */
@Service
public class StatisticsService {
  private static final Logger LOG = LoggerFactory.getLogger(StatisticsService.class);

  /** The dataset the shipped file and the spreadsheet format hold. */
  public static final String DEFAULT_DATASET = "lfsa_eisn2";

  private final ObjectProvider<EmploymentFigures> index;
  private final EmploymentTables tables;
  private final Path shipped;
  private final boolean loadShipped;

  public StatisticsService(
      ObjectProvider<EmploymentFigures> index,
      EmploymentTables tables,
      SampleSettings.Statistics settings) {
    this.index = index;
    this.tables = tables;
    this.shipped = settings.samplePath();
    this.loadShipped = settings.loadOnFirstStart();
  }

  /**
   * What a load did.
   *
   * @param dataset the dataset code
   * @param source the file or the request
   * @param label the dataset's title, when Eurostat gave one
   * @param updated when Eurostat last updated it, when it said
   * @param cells cells written (the dataset's previous cells are gone)
   * @param skipped values left out, by reason (aggregates, quarters...)
   * @param problems rows that could not be read (line: reason); the others were loaded
   */
  public record LoadReport(
      String dataset,
      String source,
      String label,
      String updated,
      long cells,
      Map<String, Integer> skipped,
      List<String> problems,
      double seconds) {
    public boolean complete() {
      return problems.isEmpty();
    }
  }

  /** Loads a file in Eurostat's spreadsheet export shape. */
  public LoadReport loadFile(Path file, String dataset) {
    long start = System.nanoTime();
    EmploymentTables.Table t = tables.file(file);
    if (t.cells().isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": no employment figure could be read"
              + (t.problems().isEmpty() ? "" : " (" + t.problems().get(0) + ")"));
    }
    return write(dataset, t, start);
  }

  /** Loads a dataset from Eurostat's dissemination API, with dimension filters. */
  public LoadReport loadEurostat(String dataset, List<Map.Entry<String, String>> filters) {
    long start = System.nanoTime();
    EmploymentTables.Table t = tables.eurostat(dataset, filters);
    if (t.cells().isEmpty()) {
      throw new IllegalArgumentException(
          dataset + ": Eurostat's answer holds no employment figure for these filters");
    }
    return write(dataset, t, start);
  }

  private LoadReport write(String dataset, EmploymentTables.Table t, long start) {
    index.getObject().replace(dataset, t.source(), t.cells());
    return new LoadReport(
        dataset,
        t.source(),
        t.label(),
        t.updated(),
        t.cells().size(),
        t.skipped(),
        t.problems(),
        seconds(start));
  }

  /**
   * A slice from request parameters, checked.
   *
   * @throws IllegalArgumentException naming the parameter that is not a section, group or country
   */
  public static EmploymentFigures.Slice slice(
      String nace, String isco, String country, Integer year) {
    if (nace != null && !nace.strip().matches("[A-Ua-u]")) {
      throw new IllegalArgumentException(
          "nace: a NACE Rev. 2 section letter (A to U), not '" + nace + "'");
    }
    if (isco != null && !isco.strip().matches("[0-9]")) {
      throw new IllegalArgumentException(
          "isco: an ISCO-08 major group (0 to 9), not '" + isco + "'");
    }
    if (country != null && !country.strip().matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException(
          "country: a two-letter country code, not '" + country + "'");
    }
    if (year != null && (year < 1900 || year > 2200)) {
      throw new IllegalArgumentException("year: not a plausible year: " + year);
    }
    return new EmploymentFigures.Slice(
        Optional.ofNullable(nace).map(String::strip),
        Optional.ofNullable(isco).map(String::strip),
        Optional.ofNullable(country).map(String::strip),
        Optional.ofNullable(year));
  }

  public EmploymentFigures.Employed employed(EmploymentFigures.Slice slice) {
    return index.getObject().employed(slice);
  }

  /** Employment by Eurostat country code in one year of a slice, with the cells' flags. */
  public Map<String, PostingRate.Employment> byCountry(EmploymentFigures.Slice slice, int year) {
    return index.getObject().byCountry(slice, year);
  }

  public List<EmploymentFigures.DatasetSummary> datasets() {
    return index.getObject().datasets();
  }

  /**
   * On a first start with no statistics held, loads the Eurostat table shipped in {@code data/}. A
   * failure is logged and does not stop the server.
   */
  public void loadShippedIfEmpty() {
    if (!loadShipped || !Files.exists(shipped)) {
      return;
    }
    try {
      if (!datasets().isEmpty()) {
        return;
      }
      LoadReport r = loadFile(shipped, DEFAULT_DATASET);
      LOG.info(
          "First start: Eurostat employment table {} loaded from {} ({} cells)",
          r.dataset(),
          shipped,
          r.cells());
    } catch (RuntimeException e) {
      LOG.error("The shipped employment statistics could not be loaded: {}", e.getMessage());
    }
  }

  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
  }
}
