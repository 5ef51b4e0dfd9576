package eu.skillsobservatory.analytics.employment;

import eu.skillsobservatory.analytics.demand.PostingRate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Employment statistics held (Eurostat's lfsa_eisn2 and tables of its shape): people employed by
 * NACE section, ISCO-08 major group, country and year, loaded as whole datasets so that readers see
 * the old table or the new one, never a mix.
 */
public interface EmploymentFigures {

  /** What a load wrote: the dataset, where it is held, its cells, the cells refused. */
  record LoadReport(String dataset, String index, long cells, List<String> refused) {
    public LoadReport {
      refused = List.copyOf(refused);
    }
  }

  /**
   * A slice of the table: any of NACE section, ISCO major group, country, year; absent means all.
   */
  record Slice(
      Optional<String> nace,
      Optional<String> isco,
      Optional<String> country,
      Optional<Integer> year) {}

  /**
   * People employed in a slice, in thousands, per year (Eurostat's suppressed cells are missing, so
   * a sum over cells can fall short of Eurostat's own total).
   *
   * @param cells the cells summed
   */
  record Employed(Map<Integer, Double> thousandsByYear, long cells) {
    public Employed {
      thousandsByYear = Map.copyOf(thousandsByYear);
    }
  }

  /** What one dataset load holds. */
  record DatasetSummary(
      String dataset,
      long cells,
      int fromYear,
      int toYear,
      long countries,
      String source,
      String loadedAt) {}

  /**
   * Replaces a dataset's cells with these; on failure nothing changed.
   *
   * @param dataset the dataset code, as Eurostat names it
   * @param source where the cells came from (a file, a URL)
   */
  LoadReport replace(String dataset, String source, List<EmploymentCell> cells);

  /** People employed in a slice, per year. */
  Employed employed(Slice slice);

  /**
   * Employment by country in one year of a slice (its country, if any, is ignored): thousands and
   * the Eurostat flags of the cells summed, by Eurostat country code.
   */
  Map<String, PostingRate.Employment> byCountry(Slice slice, int year);

  /** The datasets held. */
  List<DatasetSummary> datasets();

  /**
   * Eurostat writes Greece EL and the United Kingdom UK where ISO 3166 has GR and GB; vacancies may
   * use either.
   */
  static String eurostatCountry(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    return switch (c) {
      case "GR" -> "EL";
      case "GB" -> "UK";
      default -> c;
    };
  }
}
