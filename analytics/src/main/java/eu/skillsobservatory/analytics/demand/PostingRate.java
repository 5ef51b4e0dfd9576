package eu.skillsobservatory.analytics.demand;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Postings per 1,000 employed per year: the slice's postings scaled to twelve months of data,
 * divided by the employment of the countries those postings come from.
 *
 * <p>The months are those in which the data has any posting within the slice's period (counted from
 * the data, not from the period asked for), so a slice of 24 months with the volume of a 12-month
 * slice each year gives the same rate. Only postings from a country whose employment cell exists
 * are counted, and only those countries' employment divides them; the share of postings so counted
 * is the {@code coverage}. Eurostat's flags on the cells used (for example {@code u}, low
 * reliability; {@code b}, break in series) are passed on.
 *
 * @param perThousandPerYear covered postings per year / (employed / 1,000)
 * @param postings all postings of the slice
 * @param covered postings from countries with an employment cell
 * @param coverage covered / postings
 * @param months months of data the postings were collected over
 * @param employedThousands employment of the covered countries, in thousands
 * @param countries the covered countries
 * @param flags Eurostat's flags of the cells used
 */
public record PostingRate(
    double perThousandPerYear,
    long postings,
    long covered,
    double coverage,
    int months,
    double employedThousands,
    List<String> countries,
    List<String> flags) {
  public PostingRate {
    countries = List.copyOf(countries);
    flags = List.copyOf(flags);
  }

  /** Employment of one country in the slice's cells, and the flags those cells carry. */
  public record Employment(double thousands, Set<String> flags) {
    public Employment {
      if (!(thousands >= 0)) {
        throw new IllegalArgumentException("thousands: 0 or more, not " + thousands);
      }
      flags = Set.copyOf(flags);
    }
  }

  /**
   * @param postingsByCountry the slice's postings by country (as the postings name it)
   * @param employment employment by country (same codes), for the cells of the slice
   * @param months months of data, at least 1
   * @return empty when no posting comes from a country with employment
   */
  public static Optional<PostingRate> of(
      Map<String, Long> postingsByCountry, Map<String, Employment> employment, int months) {
    if (months < 1) {
      throw new IllegalArgumentException("months: at least 1, not " + months);
    }
    long all = 0;
    long covered = 0;
    double employed = 0;
    Set<String> countries = new TreeSet<>();
    Set<String> flags = new TreeSet<>();
    for (Map.Entry<String, Long> e : postingsByCountry.entrySet()) {
      long n = e.getValue();
      if (n < 0) {
        throw new IllegalArgumentException("postings of " + e.getKey() + ": 0 or more");
      }
      all += n;
      Employment emp = employment.get(e.getKey());
      if (n > 0 && emp != null && emp.thousands() > 0) {
        covered += n;
        employed += emp.thousands();
        countries.add(e.getKey());
        flags.addAll(emp.flags());
      }
    }
    if (covered == 0) {
      return Optional.empty();
    }
    double perYear = covered * 12.0 / months;
    return Optional.of(
        new PostingRate(
            perYear / employed,
            all,
            covered,
            (double) covered / all,
            months,
            employed,
            List.copyOf(countries),
            List.copyOf(flags)));
  }
}
