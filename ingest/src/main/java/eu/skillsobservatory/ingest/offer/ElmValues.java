package eu.skillsobservatory.ingest.offer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Values of European Learning Model documents: countries, languages and codes from their concept
 * URIs, volumes as hours, scalars and texts in any language.
 */
final class ElmValues {
  private ElmValues() {}

  /** The ISO 3166 alpha-2 code of an EU country authority concept ({@code .../country/IRL}). */
  static String country(JsonNode concept) {
    String c = code(concept);
    if (c == null) {
      return null;
    }
    if (c.length() == 3) {
      for (String two : Locale.getISOCountries()) {
        try {
          if (new Locale("", two).getISO3Country().equalsIgnoreCase(c)) {
            return two;
          }
        } catch (MissingResourceException e) {
          // no three-letter code for it
        }
      }
    }
    return c;
  }

  /** The ISO 639-1 code of an EU language authority concept ({@code .../language/ENG}). */
  static String language(JsonNode concept) {
    String c = code(concept);
    if (c == null || c.length() != 3) {
      return c;
    }
    String three = c.toLowerCase(Locale.ROOT);
    for (String two : Locale.getISOLanguages()) {
      try {
        String iso3 = new Locale(two).getISO3Language();
        if (iso3.equals(three) || bibliographic(three).equals(iso3)) {
          return two;
        }
      } catch (MissingResourceException e) {
        // no three-letter code for it
      }
    }
    return c;
  }

  /** The EU vocabularies use ISO 639-2/B codes where Java knows 639-2/T ones. */
  static String bibliographic(String code) {
    return switch (code) {
      case "ger" -> "deu";
      case "fre" -> "fra";
      case "dut" -> "nld";
      case "gre" -> "ell";
      case "cze" -> "ces";
      case "slo" -> "slk";
      case "rum" -> "ron";
      case "alb" -> "sqi";
      case "ice" -> "isl";
      case "mac" -> "mkd";
      case "baq" -> "eus";
      case "wel" -> "cym";
      case "geo" -> "kat";
      case "arm" -> "hye";
      case "per" -> "fas";
      case "chi" -> "zho";
      default -> code;
    };
  }

  /** A concept's code: its notation when it is a code, else the last segment of its id. */
  static String code(JsonNode concept) {
    if (concept.isTextual()) {
      String t = concept.asText();
      return t.substring(t.lastIndexOf('/') + 1);
    }
    String id = ElmOffers.id(concept);
    if (id != null) {
      return id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf(':')) + 1);
    }
    return scalar(concept.get("notation"));
  }

  /** Hours from an ISO 8601 volume of learning given as a time ({@code PT60H}); else null. */
  static Double hours(String volume) {
    String v = volume.strip().toUpperCase(Locale.ROOT);
    if (!v.startsWith("PT")) {
      // P2M, P1D: a length of time in the calendar, not a volume of hours.
      return null;
    }
    try {
      return Duration.parse(v).toMinutes() / 60.0;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A literal: a string, a number, or a JSON-LD value object. */
  static String scalar(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : scalar(n.get(0));
    }
    if (n.isObject()) {
      return n.has("@value") ? n.get("@value").asText() : null;
    }
    return n.asText();
  }

  /** A language map ({@code {"en": "..."}}), a value object or a string: English if there. */
  static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        String t = text(x);
        if (t != null) {
          return t;
        }
      }
      return null;
    }
    if (n.isObject()) {
      if (n.has("@value")) {
        return n.get("@value").asText();
      }
      if (n.has("noteLiteral")) {
        return text(n.get("noteLiteral"));
      }
      if (n.has("en")) {
        return text(n.get("en"));
      }
      Iterator<JsonNode> values = n.elements();
      while (values.hasNext()) {
        JsonNode v = values.next();
        if (v.isTextual() || v.isArray()) {
          return text(v);
        }
      }
    }
    return null;
  }

  static String either(String a, String b) {
    return a != null ? a : b;
  }

  static void put(Map<String, String> f, String key, String value, String fallback) {
    String v = value != null ? value : fallback;
    if (v != null && !v.isBlank()) {
      f.put(key, v.strip());
    }
  }
}
