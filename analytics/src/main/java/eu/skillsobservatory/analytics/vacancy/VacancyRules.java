package eu.skillsobservatory.analytics.vacancy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the fields of one input row into a {@link Vacancy}, or says for each field what is wrong.
 * All the rules of the vacancy schema live here, whatever the file format.
 */
public final class VacancyRules {
  private VacancyRules() {}

  /** The columns of the schema, in their documented order. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "source",
          "posted",
          "country",
          "region",
          "nace",
          "occupation",
          "title",
          "description",
          "language",
          "skills",
          "employer");

  /** Characters at most in a description (10 MB of text). */
  public static final int MAX_DESCRIPTION = 10_000_000;

  /** Characters at most in any other field. */
  public static final int MAX_FIELD = 2_000;

  private static final Set<String> COUNTRIES = countries();
  private static final Pattern NUTS = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");
  private static final Pattern NACE = Pattern.compile("[A-U]|[A-U]?\\d{2}(\\.\\d{1,2})?");
  private static final Pattern ISCO = Pattern.compile("\\d{1,4}");
  private static final String ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/";
  private static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private static Set<String> countries() {
    Set<String> s = new HashSet<>(Set.of(Locale.getISOCountries()));
    s.add("EL"); // Greece, as Eurostat writes it
    s.add("UK"); // the United Kingdom, as Eurostat writes it
    s.add("XK"); // Kosovo, as the EU writes it
    return Set.copyOf(s);
  }

  /** Whether a code is an ISO 3166-1 alpha-2 country code (or EL, UK, XK as the EU writes them). */
  public static boolean isCountry(String code) {
    return COUNTRIES.contains(code);
  }

  /** Whether a code has the shape of a NUTS code (DE, DE2, DE21, DE212). */
  public static boolean isNuts(String code) {
    return NUTS.matcher(code).matches();
  }

  /** A vacancy, or the reasons it is not one. */
  public record Result(Vacancy vacancy, List<Rejection> problems) {
    public boolean ok() {
      return vacancy != null;
    }
  }

  /**
   * @param fields the row's values by field name (absent or blank: not given)
   * @param skills the skill URIs, already split (a JSON array, or a CSV value split at {@code |})
   * @param defaultSource the source when the row names none (e.g. the file name)
   */
  public static Result apply(
      Map<String, String> fields, List<String> skills, String defaultSource, long line) {
    List<Rejection> problems = new ArrayList<>();
    String id = text(fields, "id", MAX_FIELD, line, problems);
    String source = text(fields, "source", MAX_FIELD, line, problems);
    if (source == null) {
      source = defaultSource;
    }
    if (id == null && problems.stream().noneMatch(p -> p.field().equals("id"))) {
      problems.add(new Rejection(line, "id", "missing: every vacancy needs an id"));
    }
    LocalDate posted = posted(fields, line, problems);
    String country = country(fields, line, problems);
    String region = region(fields, line, problems);
    String nace = nace(fields, line, problems);
    String occupation = text(fields, "occupation", MAX_FIELD, line, problems);
    if (occupation != null
        && !occupation.startsWith(ESCO_OCCUPATION)
        && !ISCO.matcher(occupation).matches()) {
      problems.add(
          new Rejection(
              line,
              "occupation",
              "'" + occupation + "' is neither an ESCO occupation URI nor an ISCO-08 code"));
    }
    String title = text(fields, "title", MAX_FIELD, line, problems);
    String description = text(fields, "description", MAX_DESCRIPTION, line, problems);
    String language = text(fields, "language", MAX_FIELD, line, problems);
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        problems.add(
            new Rejection(line, "language", "'" + language + "' is not an ISO 639-1 code (en)"));
      }
    }
    List<String> uris = skillUris(skills, line, problems);
    String employer = text(fields, "employer", MAX_FIELD, line, problems);
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(
        new Vacancy(
            source,
            id,
            posted,
            country,
            region,
            nace,
            occupation,
            title,
            description,
            language,
            uris,
            employer),
        List.of());
  }

  private static LocalDate posted(Map<String, String> fields, long line, List<Rejection> problems) {
    LocalDate posted = null;
    String postedText = text(fields, "posted", MAX_FIELD, line, problems);
    if (postedText == null) {
      problems.add(
          new Rejection(line, "posted", "missing: give the day it was posted (2024-03-31)"));
    } else {
      posted = date(postedText);
      if (posted == null) {
        problems.add(
            new Rejection(line, "posted", "'" + postedText + "' is not an ISO date (2024-03-31)"));
      }
    }
    return posted;
  }

  private static String country(Map<String, String> fields, long line, List<Rejection> problems) {
    String country = text(fields, "country", MAX_FIELD, line, problems);
    if (country == null) {
      problems.add(new Rejection(line, "country", "missing: give the ISO 3166 code (DE, FR...)"));
    } else {
      country = country.toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(country)) {
        problems.add(
            new Rejection(line, "country", "'" + country + "' is not an ISO 3166 alpha-2 code"));
      }
    }
    return country;
  }

  private static String region(Map<String, String> fields, long line, List<Rejection> problems) {
    String region = text(fields, "region", MAX_FIELD, line, problems);
    if (region != null) {
      region = region.toUpperCase(Locale.ROOT);
      if (!NUTS.matcher(region).matches()) {
        problems.add(new Rejection(line, "region", "'" + region + "' is not a NUTS code (DE21)"));
      }
    }
    return region;
  }

  private static String nace(Map<String, String> fields, long line, List<Rejection> problems) {
    String nace = text(fields, "nace", MAX_FIELD, line, problems);
    if (nace != null) {
      nace = nace.toUpperCase(Locale.ROOT);
      if (!NACE.matcher(nace).matches()) {
        problems.add(
            new Rejection(
                line, "nace", "'" + nace + "' is not a NACE Rev. 2 section (C) or division (10)"));
      }
    }
    return nace;
  }

  /** The given skills: ESCO skill URIs, each once. */
  private static List<String> skillUris(List<String> skills, long line, List<Rejection> problems) {
    List<String> uris = new ArrayList<>();
    for (String s : skills) {
      String u = s == null ? "" : s.strip();
      if (u.isEmpty()) {
        continue;
      }
      if (!u.startsWith(ESCO_SKILL)) {
        problems.add(new Rejection(line, "skills", "'" + u + "' is not an ESCO skill URI"));
      } else if (!uris.contains(u)) {
        uris.add(u);
      }
    }
    return uris;
  }

  /**
   * A field's value stripped, or null when absent or blank; too long or broken text is a problem.
   */
  public static String text(
      Map<String, String> fields, String name, int max, long line, List<Rejection> problems) {
    String v = fields.get(name);
    if (v == null) {
      return null;
    }
    if (v.indexOf('\uFFFD') >= 0) {
      problems.add(new Rejection(line, name, "not valid UTF-8 (or holds U+FFFD)"));
      return null;
    }
    v = v.strip();
    if (v.length() > max) {
      problems.add(
          new Rejection(
              line,
              name,
              String.format(
                  Locale.ROOT, "%,d characters, more than the %,d accepted", v.length(), max)));
      return null;
    }
    return v.isEmpty() ? null : v;
  }

  /** An ISO date, or the date of an ISO date-time; null otherwise. */
  public static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toLocalDate();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }
}
