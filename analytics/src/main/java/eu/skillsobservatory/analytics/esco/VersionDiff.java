package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Objects;

/**
 * What changed from one ESCO version to another.
 *
 * <p>A concept is added or removed by its URI. It is relabelled when its URI is in both versions
 * and its preferred label in the compared language differs. An occupation-skill link is the triple
 * (occupation, skill, essential or optional): a link that changes from essential to optional is one
 * removal and one addition.
 */
public record VersionDiff(
    EscoVersion from,
    EscoVersion to,
    String language,
    Counts counts,
    List<ConceptChange> added,
    List<ConceptChange> removed,
    List<Relabel> relabelled,
    List<RelationChange> relationsAdded,
    List<RelationChange> relationsRemoved) {

  public VersionDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    relabelled = List.copyOf(relabelled);
    relationsAdded = List.copyOf(relationsAdded);
    relationsRemoved = List.copyOf(relationsRemoved);
  }

  /** How many of each change. */
  public record Counts(
      int added, int removed, int relabelled, int relationsAdded, int relationsRemoved) {}

  /** A concept that appears in or disappears from the newer version. */
  public record ConceptChange(String uri, ConceptType type, String label) {}

  /** A concept whose preferred label changed. */
  public record Relabel(String uri, ConceptType type, String fromLabel, String toLabel) {}

  /** An occupation-skill link that appears or disappears. */
  public record RelationChange(
      String occupation,
      String occupationLabel,
      String skill,
      String skillLabel,
      String relationType) {}
}
