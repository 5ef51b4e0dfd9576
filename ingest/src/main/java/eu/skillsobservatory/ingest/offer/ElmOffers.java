package eu.skillsobservatory.ingest.offer;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  static final Set<String> SPECIFICATIONS =
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

  static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/";

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
    ElmReading.Reader reader = new ElmReading.Reader(nodes, defaultSource, line, out);
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

  static String id(JsonNode n) {
    JsonNode id = n.has("id") ? n.get("id") : n.get("@id");
    return id != null && id.isTextual() ? id.asText() : null;
  }

  static List<String> types(JsonNode n) {
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
}
