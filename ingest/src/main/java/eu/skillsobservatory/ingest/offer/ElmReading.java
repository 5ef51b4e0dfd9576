package eu.skillsobservatory.ingest.offer;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferRules;
import eu.skillsobservatory.ingest.rows.AdvertMarkup;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The reading of one European Learning Model document into training offers. */
final class ElmReading {
  private ElmReading() {}

  /** Reads one document's offers. */
  static final class Reader {
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
      if (n.isObject()
          && n.size() <= 2
          && ElmOffers.id(n) != null
          && nodes.containsKey(ElmOffers.id(n))) {
        return nodes.get(ElmOffers.id(n));
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
      List<String> types = ElmOffers.types(root);
      if (types.contains("LearningOpportunity")) {
        opportunity(root);
        return;
      }
      JsonNode subject = first(root, "credentialSubject");
      if (subject != null) {
        String credential = ElmOffers.id(root);
        JsonNode issuer = first(root, "issuer");
        for (JsonNode claim : all(subject, "hasClaim")) {
          claim(claim, credential, issuer);
        }
        return;
      }
      if (types.stream().anyMatch(ElmOffers.SPECIFICATIONS::contains)) {
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
          if (c.isObject() && ElmOffers.types(c).contains("LearningOpportunity")) {
            opportunity(c);
          }
        }
      }
    }

    void opportunity(JsonNode opp) {
      JsonNode spec =
          first(opp, "learningAchievementSpecification", "learningSpecification", "specifiedBy");
      offer(spec == null ? opp : spec, opp, first(opp, "providedBy"), null, ElmOffers.id(opp));
    }

    void claim(JsonNode claim, String credential, JsonNode issuer) {
      JsonNode spec = first(claim, "specifiedBy");
      JsonNode awarding = first(claim, "awardedBy");
      JsonNode body = awarding == null ? null : first(awarding, "awardingBody");
      JsonNode provider = body != null ? body : issuer;
      String specId = spec == null ? ElmOffers.id(claim) : ElmOffers.id(spec);
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
      ElmValues.put(
          f,
          "title",
          ElmValues.text(spec.get("title")),
          around == null ? null : ElmValues.text(around.get("title")));
      ElmValues.put(f, "description", ElmValues.text(spec.get("description")), null);
      if (provider == null && around != null) {
        provider = first(around, "providedBy", "directedBy");
      }
      if (provider != null) {
        ElmValues.put(
            f,
            "provider",
            ElmValues.text(provider.get("legalName")),
            ElmValues.either(
                ElmValues.text(provider.get("prefLabel")),
                ElmValues.text(provider.get("altLabel"))));
      }
      JsonNode location = around == null ? null : first(around, "location", "spatial");
      if (location == null && provider != null) {
        location = first(provider, "location");
      }
      place(f, location);
      JsonNode eqf = first(spec, "EQFLevel", "eqfLevel");
      if (eqf != null) {
        ElmValues.put(f, "eqf", ElmValues.code(eqf), null);
      }
      JsonNode isced = first(spec, "ISCEDFCode", "iscedfCode");
      if (isced != null) {
        ElmValues.put(f, "isced", ElmValues.code(isced), null);
      }
      volume(spec, f);
      JsonNode mode = first(spec, "mode");
      if (mode == null && around != null) {
        mode = first(around, "mode");
      }
      if (mode != null) {
        String m = ElmValues.text(mode.get("prefLabel"));
        if (m != null) {
          // ELM's vocabulary says "Face-to-face", "Online", "Blended"; the rules map those and
          // name the accepted values for anything else.
          f.put("mode", m);
        }
      }
      JsonNode language = first(spec, "language");
      if (language != null) {
        ElmValues.put(f, "language", ElmValues.language(language), null);
      }
      if (around != null) {
        occurrence(around, f, lists);
      }
      List<Offer.Outcome> outcomes = new ArrayList<>();
      outcomes(spec, outcomes, 0);
      OfferRules.Result r =
          OfferRules.apply(
              AdvertMarkup.asText(f, "title", "description"),
              lists,
              outcomes,
              defaultSource,
              line,
              "elm");
      out.add(new RowFiles.Result<>(r.offer(), r.problems()));
    }

    /** The credit points (ECTS) and the volume of learning as hours. */
    private void volume(JsonNode spec, Map<String, String> f) {
      for (JsonNode credit : all(spec, "creditPoint")) {
        JsonNode framework = first(credit, "framework");
        String label =
            framework == null ? "" : String.valueOf(ElmValues.text(framework.get("prefLabel")));
        String fid = framework == null ? "" : String.valueOf(ElmOffers.id(framework));
        if (label.contains("European Credit Transfer")
            || label.toUpperCase(Locale.ROOT).contains("ECTS")
            || fid.endsWith("6fcec5c5af")) {
          ElmValues.put(f, "ects", ElmValues.scalar(credit.get("point")), null);
        }
      }
      String volume = ElmValues.scalar(spec.get("volumeOfLearning"));
      if (volume != null) {
        Double hours = ElmValues.hours(volume);
        if (hours != null) {
          f.put("hours", String.valueOf(hours));
        }
      }
    }

    /** What one occurrence of the learning says: start dates, price, home page. */
    private void occurrence(
        JsonNode around, Map<String, String> f, Map<String, List<String>> lists) {
      List<String> starts = new ArrayList<>();
      for (JsonNode t : all(around, "temporal")) {
        String s = ElmValues.scalar(t.get("startDate"));
        if (s != null) {
          starts.add(s);
        }
      }
      String start = ElmValues.scalar(around.get("startDate"));
      if (start != null) {
        starts.add(start);
      }
      lists.put("start", starts);
      JsonNode price = first(around, "priceDetail");
      if (price != null) {
        JsonNode amount = first(price, "amount");
        if (amount != null) {
          ElmValues.put(f, "cost", ElmValues.scalar(amount.get("value")), null);
          JsonNode unit = first(amount, "unit");
          if (unit != null) {
            ElmValues.put(f, "currency", ElmValues.code(unit), null);
          }
        }
      }
      JsonNode page = first(around, "homepage", "homePage");
      if (page != null) {
        ElmValues.put(f, "url", ElmValues.scalar(page.get("contentURL")), null);
      }
    }

    /** The learning outcomes of a specification and of its parts. */
    void outcomes(JsonNode spec, List<Offer.Outcome> out, int depth) {
      for (JsonNode o : all(spec, "learningOutcome")) {
        String title = ElmValues.text(o.get("title"));
        String description = ElmValues.text(o.get("description"));
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
          String uri = ref.isTextual() ? ref.asText() : ElmOffers.id(ref);
          if (uri != null && uri.startsWith(ElmOffers.ESCO_SKILL) && !skills.contains(uri)) {
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
        ElmValues.put(f, "country", ElmValues.country(country), null);
      }
      for (JsonNode spatial : all(location, "spatialCode")) {
        String sid = ElmOffers.id(spatial);
        if (sid != null && sid.contains("/nuts/")) {
          ElmValues.put(f, "region", sid.substring(sid.lastIndexOf('/') + 1), null);
        }
      }
    }
  }
}
