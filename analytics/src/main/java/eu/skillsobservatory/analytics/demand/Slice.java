package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.vacancy.Nace;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A slice of the vacancies held: any of sector (NACE section letter or division), occupation (ESCO
 * URI or ISCO-08 code), country, region (a NUTS code: its sub-regions are in it), a period of
 * months, and a dataset (the name a load was given). Absent means all. Duplicates are left out
 * unless asked for.
 */
public record Slice(
    Optional<String> sector,
    Optional<String> occupation,
    Optional<String> country,
    Optional<String> region,
    Optional<YearMonth> from,
    Optional<YearMonth> to,
    boolean includeDuplicates,
    Optional<String> dataset) {

  /** Any dataset. */
  public Slice(
      Optional<String> sector,
      Optional<String> occupation,
      Optional<String> country,
      Optional<String> region,
      Optional<YearMonth> from,
      Optional<YearMonth> to,
      boolean includeDuplicates) {
    this(sector, occupation, country, region, from, to, includeDuplicates, Optional.empty());
  }

  /** A dataset's name: letters, digits, dot, dash and underscore, 1 to 100 characters. */
  public static final String DATASET_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  /** This slice, of one dataset only (or of all, when {@code dataset} is null or blank). */
  public Slice withDataset(String dataset) {
    Optional<String> d = present(dataset);
    d.ifPresent(Slice::checkDataset);
    return new Slice(sector, occupation, country, region, from, to, includeDuplicates, d);
  }

  /** This slice, its near-duplicates counted or left out. */
  public Slice withDuplicates(boolean include) {
    return new Slice(sector, occupation, country, region, from, to, include, dataset);
  }

  /** Checks a dataset's name; the message names the parameter. */
  public static String checkDataset(String name) {
    if (name == null || !name.matches(DATASET_NAME)) {
      throw new IllegalArgumentException(
          "dataset: letters, digits, '.', '-' and '_' (up to 100, starting with a letter or digit),"
              + " not '"
              + name
              + "'");
    }
    return name;
  }

  public static final Slice ALL =
      new Slice(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false);

  /**
   * A slice from request parameters, each checked; null or blank means absent.
   *
   * @throws IllegalArgumentException naming the parameter at fault
   */
  public static Slice of(
      String sector,
      String occupation,
      String country,
      String region,
      String from,
      String to,
      boolean includeDuplicates) {
    Optional<String> s = present(sector).map(x -> x.toUpperCase(Locale.ROOT));
    s.ifPresent(
        x -> {
          if (!x.matches("[A-U]") && !x.matches("\\d{2}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException(
                "sector: a NACE Rev. 2 section letter (A to U) or division (25), not '" + x + "'");
          }
        });
    Optional<String> o = present(occupation);
    o.ifPresent(
        x -> {
          if (!x.startsWith("http://data.europa.eu/esco/occupation/") && !x.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(
                "occupation: an ESCO occupation URI or an ISCO-08 code (1 to 4 digits), not '"
                    + x
                    + "'");
          }
        });
    Optional<String> c = present(country).map(x -> x.toUpperCase(Locale.ROOT));
    c.ifPresent(
        x -> {
          if (!x.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country: a two-letter code, not '" + x + "'");
          }
        });
    Optional<String> r = present(region).map(x -> x.toUpperCase(Locale.ROOT));
    r.ifPresent(
        x -> {
          if (!x.matches("[A-Z]{2}[A-Z0-9]{0,3}")) {
            throw new IllegalArgumentException("region: a NUTS code (DE21), not '" + x + "'");
          }
        });
    Optional<YearMonth> f = month("from", from);
    Optional<YearMonth> t = month("to", to);
    if (f.isPresent() && t.isPresent() && t.get().isBefore(f.get())) {
      throw new IllegalArgumentException("to: " + t.get() + " is before from: " + f.get());
    }
    return new Slice(s, o, c, r, f, t, includeDuplicates);
  }

  /** The sector's NACE section, when the slice names a sector. */
  public Optional<String> sectorSection() {
    return sector.map(Nace::section);
  }

  private static Optional<String> present(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static Optional<YearMonth> month(String name, String v) {
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(v.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": a month as YYYY-MM, not '" + v + "'", e);
    }
  }
}
