package eu.skillsobservatory.ingest.offer;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferRules;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Training offers from European Learning Model v3 JSON-LD as Europass and the European Digital
 * Credentials for Learning publish it (compacted with the ELM context; the context is not fetched,
 * the terms are read as named there). What becomes an offer:
 *
 * <ul>
 *   <li>every {@code LearningOpportunity}, with its {@code learningAchievementSpecification};
 *   <li>every claim of a credential ({@code credentialSubject.hasClaim}), with the specification it
 *       is {@code specifiedBy};
 *   <li>a document that is itself a specification ({@code Qualification}, {@code
 *       LearningAchievementSpecification}, {@code LearningActivitySpecification}).
 * </ul>
 *
 * From the specification: title, description, learning outcomes with their {@code
 * relatedESCOSkill}, {@code EQFLevel}, {@code ISCEDFCode}, ECTS {@code creditPoint}, {@code
 * volumeOfLearning} (hours when given as a time, {@code PT60H}), {@code mode}, {@code language};
 * from the opportunity or the awarding body: provider, country and NUTS region of its location,
 * start dates, price. Nodes given by reference ({@code "id"} strings, {@code @graph}) are followed.
 */
public final class ElmOffers {
  private ElmOffers() {}

  private static final Set<String> SPECIFICATIONS =
      Set.of(
          "Qualification",
          "LearningAchievementSpecification",
          "LearningActivitySpecification",
          "LearningEntitlementSpecification");

  private static final Set<String> DOCUMENT_TYPES =
      Set.of(
          "EuropeanDigitalCredential",
          "VerifiableCredential",
          "LearningOpportunity",
          "Qualification",
          "LearningAchievementSpecification",
          "LearningActivitySpecification");

  private static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/";

  /** Whether a JSON object is an ELM document rather than a row of the flat schema. */
  public static boolean isDocument(JsonNode node) {
    if (node.has("@context") || node.has("@graph")) {
      return true;
    }
    for (String t : types(node)) {
      if (DOCUMENT_TYPES.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The offers of one ELM document, each valid or with the reasons it is not. */
  public static List<RowFiles.Result<Offer>> read(JsonNode doc, String defaultSource, long line) {
    Map<String, JsonNode> nodes = new HashMap<>();
    index(doc, nodes);
    List<JsonNode> roots = new ArrayList<>();
    if (doc.has("@graph")) {
      doc.get("@graph").forEach(roots::add);
    } else {
      roots.add(doc);
    }
    List<RowFiles.Result<Offer>> out = new ArrayList<>();
    Reader reader = new Reader(nodes, defaultSource, line, out);
    for (JsonNode root : roots) {
      reader.root(root);
    }
    if (out.isEmpty()) {
      // No opportunity and no credential: the specifications themselves are the offers.
      for (JsonNode root : roots) {
        if (types(root).stream().anyMatch(SPECIFICATIONS::contains)) {
          reader.offer(root, null, null, null, id(root));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(
          new RowFiles.Result<>(
              null,
              List.of(
                  new Rejection(
                      line,
                      "row",
                      "an ELM document with no learning opportunity, credential claim or"
                          + " specification"))));
    }
    return out;
  }

  private static void index(JsonNode n, Map<String, JsonNode> nodes) {
    if (n.isObject()) {
      String id = id(n);
      if (id != null && n.size() > 2 && !nodes.containsKey(id)) {
        nodes.put(id, n);
      }
      n.forEach(c -> index(c, nodes));
    } else if (n.isArray()) {
      n.forEach(c -> index(c, nodes));
    }
  }

  private static String id(JsonNode n) {
    JsonNode id = n.has("id") ? n.get("id") : n.get("@id");
    return id != null && id.isTextual() ? id.asText() : null;
  }

  private static List<String> types(JsonNode n) {
    JsonNode t = n.has("type") ? n.get("type") : n.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(local(x.asText())));
    } else {
      out.add(local(t.asText()));
    }
    return out;
  }

  private static String local(String term) {
    int cut = Math.max(term.lastIndexOf('/'), Math.max(term.lastIndexOf('#'), term.indexOf(':')));
    return cut >= 0 ? term.substring(cut + 1) : term;
  }

  /** Reads one document's offers. */
  private static final class Reader {
    final Map<String, JsonNode> nodes;
    final String defaultSource;
    final long line;
    final List<RowFiles.Result<Offer>> out;

    Reader(
        Map<String, JsonNode> nodes,
        String defaultSource,
        long line,
        List<RowFiles.Result<Offer>> out) {
      this.nodes = nodes;
      this.defaultSource = defaultSource;
      this.line = line;
      this.out = out;
    }

    /** A node: an embedded object, or a reference to one elsewhere in the document. */
    JsonNode node(JsonNode n) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return null;
      }
      if (n.isTextual()) {
        return nodes.get(n.asText());
      }
      if (n.isObject() && n.size() <= 2 && id(n) != null && nodes.containsKey(id(n))) {
        return nodes.get(id(n));
      }
      return n.isObject() ? n : null;
    }

    List<JsonNode> all(JsonNode parent, String field) {
      List<JsonNode> list = new ArrayList<>();
      if (parent == null) {
        return list;
      }
      JsonNode v = parent.get(field);
      if (v == null) {
        return list;
      }
      if (v.isArray()) {
        v.forEach(
            x -> {
              JsonNode n = node(x);
              if (n != null) {
                list.add(n);
              }
            });
      } else {
        JsonNode n = node(v);
        if (n != null) {
          list.add(n);
        }
      }
      return list;
    }

    JsonNode first(JsonNode parent, String... fields) {
      for (String f : fields) {
        List<JsonNode> l = all(parent, f);
        if (!l.isEmpty()) {
          return l.get(0);
        }
      }
      return null;
    }

    void root(JsonNode root) {
      List<String> types = types(root);
      if (types.contains("LearningOpportunity")) {
        opportunity(root);
        return;
      }
      JsonNode subject = first(root, "credentialSubject");
      if (subject != null) {
        String credential = id(root);
        JsonNode issuer = first(root, "issuer");
        for (JsonNode claim : all(subject, "hasClaim")) {
          claim(claim, credential, issuer);
        }
        return;
      }
      if (types.stream().anyMatch(SPECIFICATIONS::contains)) {
        return; // an offer only when the document has no opportunity or credential
      }
      // A container: look for opportunities inside (a catalogue as one document).
      for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
        JsonNode child = it.next();
        List<JsonNode> children = new ArrayList<>();
        if (child.isArray()) {
          child.forEach(children::add);
        } else {
          children.add(child);
        }
        for (JsonNode c : children) {
          if (c.isObject() && types(c).contains("LearningOpportunity")) {
            opportunity(c);
          }
        }
      }
    }

    void opportunity(JsonNode opp) {
      JsonNode spec =
          first(opp, "learningAchievementSpecification", "learningSpecification", "specifiedBy");
      offer(spec == null ? opp : spec, opp, first(opp, "providedBy"), null, id(opp));
    }

    void claim(JsonNode claim, String credential, JsonNode issuer) {
      JsonNode spec = first(claim, "specifiedBy");
      JsonNode awarding = first(claim, "awardedBy");
      JsonNode body = awarding == null ? null : first(awarding, "awardingBody");
      JsonNode provider = body != null ? body : issuer;
      String specId = spec == null ? id(claim) : id(spec);
      String offerId =
          specId != null && specId.startsWith("http")
              ? specId
              : (credential == null ? "" : credential + "#") + (specId == null ? "" : specId);
      offer(spec == null ? claim : spec, claim, provider, credential, offerId);
    }

    /**
     * @param spec the specification (title, outcomes, level...)
     * @param around the opportunity or claim (dates, place, price), or null
     */
    void offer(JsonNode spec, JsonNode around, JsonNode provider, String credential, String id) {
      Map<String, String> f = new LinkedHashMap<>();
      Map<String, List<String>> lists = new HashMap<>();
      if (id != null && !id.isBlank()) {
        f.put("id", id);
      }
      put(f, "title", text(spec.get("title")), around == null ? null : text(around.get("title")));
      put(f, "description", text(spec.get("description")), null);
      if (provider == null && around != null) {
        provider = first(around, "providedBy", "directedBy");
      }
      if (provider != null) {
        put(
            f,
            "provider",
            text(provider.get("legalName")),
            either(text(provider.get("prefLabel")), text(provider.get("altLabel"))));
      }
      JsonNode location = around == null ? null : first(around, "location", "spatial");
      if (location == null && provider != null) {
        location = first(provider, "location");
      }
      place(f, location);
      JsonNode eqf = first(spec, "EQFLevel", "eqfLevel");
      if (eqf != null) {
        put(f, "eqf", code(eqf), null);
      }
      JsonNode isced = first(spec, "ISCEDFCode", "iscedfCode");
      if (isced != null) {
        put(f, "isced", code(isced), null);
      }
      for (JsonNode credit : all(spec, "creditPoint")) {
        JsonNode framework = first(credit, "framework");
        String label = framework == null ? "" : String.valueOf(text(framework.get("prefLabel")));
        String fid = framework == null ? "" : String.valueOf(id(framework));
        if (label.contains("European Credit Transfer")
            || label.toUpperCase(Locale.ROOT).contains("ECTS")
            || fid.endsWith("6fcec5c5af")) {
          put(f, "ects", scalar(credit.get("point")), null);
        }
      }
      String volume = scalar(spec.get("volumeOfLearning"));
      if (volume != null) {
        Double hours = hours(volume);
        if (hours != null) {
          f.put("hours", String.valueOf(hours));
        }
      }
      JsonNode mode = first(spec, "mode");
      if (mode == null && around != null) {
        mode = first(around, "mode");
      }
      if (mode != null) {
        String m = text(mode.get("prefLabel"));
        if (m != null) {
          // ELM's vocabulary says "Face-to-face", "Online", "Blended"; the rules map those and
          // name the accepted values for anything else.
          f.put("mode", m);
        }
      }
      JsonNode language = first(spec, "language");
      if (language != null) {
        put(f, "language", language(language), null);
      }
      if (around != null) {
        List<String> starts = new ArrayList<>();
        for (JsonNode t : all(around, "temporal")) {
          String s = scalar(t.get("startDate"));
          if (s != null) {
            starts.add(s);
          }
        }
        String start = scalar(around.get("startDate"));
        if (start != null) {
          starts.add(start);
        }
        lists.put("start", starts);
        JsonNode price = first(around, "priceDetail");
        if (price != null) {
          JsonNode amount = first(price, "amount");
          if (amount != null) {
            put(f, "cost", scalar(amount.get("value")), null);
            JsonNode unit = first(amount, "unit");
            if (unit != null) {
              put(f, "currency", code(unit), null);
            }
          }
        }
        JsonNode page = first(around, "homepage", "homePage");
        if (page != null) {
          put(f, "url", scalar(page.get("contentURL")), null);
        }
      }
      List<Offer.Outcome> outcomes = new ArrayList<>();
      outcomes(spec, outcomes, 0);
      OfferRules.Result r = OfferRules.apply(f, lists, outcomes, defaultSource, line, "elm");
      out.add(new RowFiles.Result<>(r.offer(), r.problems()));
    }

    /** The learning outcomes of a specification and of its parts. */
    void outcomes(JsonNode spec, List<Offer.Outcome> out, int depth) {
      for (JsonNode o : all(spec, "learningOutcome")) {
        String title = text(o.get("title"));
        String description = text(o.get("description"));
        String textOf =
            title == null ? description : description == null ? title : title + ". " + description;
        List<String> skills = new ArrayList<>();
        JsonNode raw = o.get("relatedESCOSkill");
        List<JsonNode> refs = new ArrayList<>();
        if (raw != null && raw.isArray()) {
          raw.forEach(refs::add);
        } else if (raw != null) {
          refs.add(raw);
        }
        for (JsonNode ref : refs) {
          // A URI as a string, or a node (embedded, or by reference) whose id is the URI.
          String uri = ref.isTextual() ? ref.asText() : id(ref);
          if (uri != null && uri.startsWith(ESCO_SKILL) && !skills.contains(uri)) {
            skills.add(uri);
          }
        }
        out.add(new Offer.Outcome(textOf == null ? "" : textOf, skills));
      }
      if (depth < 5) {
        for (JsonNode part : all(spec, "hasPart")) {
          outcomes(part, out, depth + 1);
        }
      }
    }

    /** Country and NUTS region of a location: its address's country code, its spatial code. */
    void place(Map<String, String> f, JsonNode location) {
      if (location == null) {
        return;
      }
      JsonNode address = first(location, "address");
      JsonNode country = address == null ? null : first(address, "countryCode");
      if (country == null) {
        country = first(location, "countryCode");
      }
      if (country != null) {
        put(f, "country", country(country), null);
      }
      for (JsonNode spatial : all(location, "spatialCode")) {
        String sid = id(spatial);
        if (sid != null && sid.contains("/nuts/")) {
          put(f, "region", sid.substring(sid.lastIndexOf('/') + 1), null);
        }
      }
    }
  }

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
  private static String bibliographic(String code) {
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
    String id = id(concept);
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

  private static String either(String a, String b) {
    return a != null ? a : b;
  }

  private static void put(Map<String, String> f, String key, String value, String fallback) {
    String v = value != null ? value : fallback;
    if (v != null && !v.isBlank()) {
      f.put(key, v.strip());
    }
  }
}
