package eu.skillsobservatory.analytics.offer;

import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.VacancyRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the fields of one training offer into an {@link Offer}, or says for each field what is
 * wrong. All the rules of the offer schema live here, whatever the input format (CSV, JSON Lines,
 * European Learning Model JSON-LD).
 */
public final class OfferRules {
  private OfferRules() {}

  /** The scalar fields of the schema, in their documented order. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "source",
          "provider",
          "title",
          "description",
          "country",
          "region",
          "eqf",
          "isced",
          "mode",
          "hours",
          "ects",
          "cost",
          "currency",
          "language",
          "url");

  /** The list fields: JSON arrays, or CSV values split at {@code |}. */
  public static final Set<String> LISTS = Set.of("start", "outcomes", "skills");

  /** Characters at most in a description or one learning outcome. */
  public static final int MAX_TEXT = 100_000;

  /** Characters at most in any other field. */
  public static final int MAX_FIELD = 2_000;

  /** Learning outcomes at most per offer. */
  public static final int MAX_OUTCOMES = 500;

  private static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/";
  private static final Pattern ISCED_F = Pattern.compile("\\d{2,4}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** An offer, or the reasons it is not one. */
  public record Result(Offer offer, List<Rejection> problems) {
    public boolean ok() {
      return offer != null;
    }
  }

  /**
   * @param fields the scalar values by field name (absent or blank: not given)
   * @param lists {@code start}, {@code outcomes} (texts) and {@code skills} (URIs)
   * @param outcomes learning outcomes with their own skills (ELM), or null to take {@code
   *     lists.outcomes} as texts
   * @param defaultSource the source when the row names none (e.g. the file name)
   * @param format {@code csv}, {@code jsonl} or {@code elm}
   */
  public static Result apply(
      Map<String, String> fields,
      Map<String, List<String>> lists,
      List<Offer.Outcome> outcomes,
      String defaultSource,
      long line,
      String format) {
    List<Rejection> problems = new ArrayList<>();
    String id = text(fields, "id", MAX_FIELD, line, problems);
    if (id == null && problems.stream().noneMatch(p -> p.field().equals("id"))) {
      problems.add(new Rejection(line, "id", "missing: every training offer needs an id"));
    }
    String source = text(fields, "source", MAX_FIELD, line, problems);
    if (source == null) {
      source = defaultSource;
    }
    String provider = text(fields, "provider", MAX_FIELD, line, problems);
    String title = text(fields, "title", MAX_FIELD, line, problems);
    if (title == null && problems.stream().noneMatch(p -> p.field().equals("title"))) {
      problems.add(new Rejection(line, "title", "missing: every training offer needs a title"));
    }
    String description = text(fields, "description", MAX_TEXT, line, problems);
    String country = country(fields, line, problems);
    String region = region(fields, country, line, problems);
    Integer eqf = eqf(fields, line, problems);
    String isced = text(fields, "isced", MAX_FIELD, line, problems);
    if (isced != null && !ISCED_F.matcher(isced).matches()) {
      problems.add(
          new Rejection(line, "isced", "'" + isced + "' is not an ISCED-F 2013 field code (0613)"));
    }
    String mode = modeOf(fields, line, problems);
    Double hours = number(fields, "hours", 100_000, line, problems);
    Double ects = number(fields, "ects", 1_000, line, problems);
    Double cost = number(fields, "cost", 10_000_000, line, problems);
    String currency = currency(fields, cost, line, problems);
    String language = language(fields, line, problems);
    String url = text(fields, "url", MAX_FIELD, line, problems);
    List<LocalDate> starts = starts(lists, line, problems);
    List<String> skills = skills(lists.getOrDefault("skills", List.of()), "skills", line, problems);
    List<Offer.Outcome> kept = outcomes(lists, outcomes, line, problems);
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(
        new Offer(
            source,
            id,
            provider,
            title,
            description,
            country,
            region,
            eqf,
            isced,
            mode,
            hours,
            ects,
            cost,
            currency,
            language,
            starts,
            kept,
            skills,
            url,
            format),
        List.of());
  }

  private static String country(Map<String, String> fields, long line, List<Rejection> problems) {
    String country = text(fields, "country", MAX_FIELD, line, problems);
    if (country == null) {
      problems.add(
          new Rejection(
              line, "country", "missing: give the ISO 3166 code of where it is given (DE, FR...)"));
    } else {
      country = eurostatCountry(country.toUpperCase(Locale.ROOT));
      if (!VacancyRules.isCountry(country)) {
        problems.add(
            new Rejection(line, "country", "'" + country + "' is not an ISO 3166 alpha-2 code"));
      }
    }
    return country;
  }

  private static String region(
      Map<String, String> fields, String country, long line, List<Rejection> problems) {
    String region = text(fields, "region", MAX_FIELD, line, problems);
    if (region != null) {
      region = region.toUpperCase(Locale.ROOT);
      if (!VacancyRules.isNuts(region)) {
        problems.add(new Rejection(line, "region", "'" + region + "' is not a NUTS code (DE21)"));
      } else if (country != null && !region.startsWith(country)) {
        problems.add(
            new Rejection(
                line, "region", "'" + region + "' is not a region of the country " + country));
      }
    }
    return region;
  }

  private static Integer eqf(Map<String, String> fields, long line, List<Rejection> problems) {
    Integer eqf = null;
    String eqfText = text(fields, "eqf", MAX_FIELD, line, problems);
    if (eqfText != null) {
      try {
        eqf = Integer.parseInt(eqfText);
      } catch (NumberFormatException e) {
        eqf = -1;
      }
      if (eqf < 1 || eqf > 8) {
        problems.add(new Rejection(line, "eqf", "'" + eqfText + "' is not an EQF level 1 to 8"));
        eqf = null;
      }
    }
    return eqf;
  }

  private static String modeOf(Map<String, String> fields, long line, List<Rejection> problems) {
    String mode = text(fields, "mode", MAX_FIELD, line, problems);
    if (mode != null) {
      String m = mode(mode);
      if (m == null) {
        problems.add(
            new Rejection(
                line,
                "mode",
                "'" + mode + "' is not a mode: give one of " + String.join(", ", Offer.MODES)));
      }
      mode = m;
    }
    return mode;
  }

  private static String currency(
      Map<String, String> fields, Double cost, long line, List<Rejection> problems) {
    String currency = text(fields, "currency", MAX_FIELD, line, problems);
    if (currency != null) {
      currency = currency.toUpperCase(Locale.ROOT);
      if (!CURRENCY.matcher(currency).matches()) {
        problems.add(
            new Rejection(line, "currency", "'" + currency + "' is not an ISO 4217 code (EUR)"));
      }
    } else if (cost != null && cost > 0) {
      currency = "EUR";
    }
    return currency;
  }

  private static String language(Map<String, String> fields, long line, List<Rejection> problems) {
    String language = text(fields, "language", MAX_FIELD, line, problems);
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        problems.add(
            new Rejection(line, "language", "'" + language + "' is not an ISO 639-1 code (en)"));
      }
    }
    return language;
  }

  private static List<LocalDate> starts(
      Map<String, List<String>> lists, long line, List<Rejection> problems) {
    List<LocalDate> starts = new ArrayList<>();
    for (String s : lists.getOrDefault("start", List.of())) {
      String d = s == null ? "" : s.strip();
      if (d.isEmpty()) {
        continue;
      }
      LocalDate date = VacancyRules.date(d);
      if (date == null) {
        problems.add(new Rejection(line, "start", "'" + d + "' is not an ISO date (2025-09-01)"));
      } else if (!starts.contains(date)) {
        starts.add(date);
      }
    }
    return starts;
  }

  /** The learning outcomes, from the row's list or the document's, each checked. */
  private static List<Offer.Outcome> outcomes(
      Map<String, List<String>> lists,
      List<Offer.Outcome> outcomes,
      long line,
      List<Rejection> problems) {
    List<Offer.Outcome> taught = new ArrayList<>();
    if (outcomes == null) {
      for (String o : lists.getOrDefault("outcomes", List.of())) {
        taught.add(new Offer.Outcome(o, List.of()));
      }
    } else {
      taught.addAll(outcomes);
    }
    List<Offer.Outcome> kept = new ArrayList<>();
    for (int i = 0; i < taught.size(); i++) {
      Offer.Outcome o = taught.get(i);
      String t = o.text().strip();
      String field = "outcomes[" + (i + 1) + "]";
      if (t.indexOf('\uFFFD') >= 0) {
        problems.add(new Rejection(line, field, "not valid UTF-8 (or holds U+FFFD)"));
      } else if (t.length() > MAX_TEXT) {
        problems.add(
            new Rejection(
                line,
                field,
                String.format(
                    Locale.ROOT,
                    "%,d characters, more than the %,d accepted",
                    t.length(),
                    MAX_TEXT)));
      }
      List<String> uris = skills(o.skills(), field, line, problems);
      if (!t.isEmpty() || !uris.isEmpty()) {
        kept.add(new Offer.Outcome(t, uris));
      }
    }
    if (kept.size() > MAX_OUTCOMES) {
      problems.add(
          new Rejection(
              line,
              "outcomes",
              kept.size() + " learning outcomes, more than the " + MAX_OUTCOMES + " accepted"));
    }
    return kept;
  }

  /**
   * Greece and the United Kingdom as Eurostat (and NUTS) write them, {@code EL} and {@code UK}, so
   * that offers, regions and statistics agree.
   */
  public static String eurostatCountry(String iso) {
    return switch (iso) {
      case "GR" -> "EL";
      case "GB" -> "UK";
      default -> iso;
    };
  }

  /** The schema's mode for a mode as written (synonyms included), or null. */
  public static String mode(String written) {
    String m = written.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (m) {
      case "classroom",
          "face-to-face",
          "face to face",
          "in person",
          "in-person",
          "onsite",
          "on-site",
          "on site",
          "presential",
          "offline" ->
          "classroom";
      case "blended", "hybrid", "mixed" -> "blended";
      case "online",
          "e-learning",
          "elearning",
          "distance",
          "distance learning",
          "remote",
          "virtual" ->
          "online";
      case "work-based",
          "work based",
          "workplace",
          "apprenticeship",
          "dual",
          "on-the-job",
          "on the job",
          "work-based learning" ->
          "work-based";
      default -> null;
    };
  }

  private static List<String> skills(
      List<String> given, String field, long line, List<Rejection> problems) {
    List<String> uris = new ArrayList<>();
    for (String s : given) {
      String u = s == null ? "" : s.strip();
      if (u.isEmpty()) {
        continue;
      }
      if (!u.startsWith(ESCO_SKILL)) {
        problems.add(new Rejection(line, field, "'" + u + "' is not an ESCO skill URI"));
      } else if (!uris.contains(u)) {
        uris.add(u);
      }
    }
    return uris;
  }

  private static Double number(
      Map<String, String> fields, String name, double max, long line, List<Rejection> problems) {
    String v = text(fields, name, MAX_FIELD, line, problems);
    if (v == null) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      problems.add(new Rejection(line, name, "'" + v + "' is not a number"));
      return null;
    }
    if (Double.isNaN(d) || d < 0 || d > max) {
      problems.add(
          new Rejection(
              line,
              name,
              String.format(Locale.ROOT, "'%s': give a number from 0 to %,.0f", v, max)));
      return null;
    }
    return d;
  }

  private static String text(
      Map<String, String> fields, String name, int max, long line, List<Rejection> problems) {
    return VacancyRules.text(fields, name, max, line, problems);
  }
}
