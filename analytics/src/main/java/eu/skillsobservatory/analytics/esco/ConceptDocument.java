package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A concept with its labels in every loaded language: what the search index holds of it.
 *
 * @param uri the ESCO URI
 * @param type skill, skill group, occupation or ISCO group
 * @param labels per language tag, the concept's labels and description in that language
 * @param collections the ESCO collections it belongs to
 * @param skillType skill or knowledge; null when absent
 * @param reuseLevel the skill reuse level; null when absent
 * @param code the ESCO or ISCO code; null when absent
 * @param iscoGroup the URI of an occupation's ISCO group; null otherwise
 */
public record ConceptDocument(
    String uri,
    ConceptType type,
    Map<String, Labels> labels,
    List<String> collections,
    String skillType,
    String reuseLevel,
    String code,
    String iscoGroup) {

  public ConceptDocument {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(type, "type");
    labels = Map.copyOf(labels);
    collections = List.copyOf(collections);
  }

  /** A concept's labels and description in one language. */
  public record Labels(
      String preferred, List<String> alternative, List<String> hidden, String description) {
    public Labels {
      preferred = preferred == null ? "" : preferred;
      alternative = List.copyOf(alternative);
      hidden = List.copyOf(hidden);
      description = description == null ? "" : description;
    }
  }
}
