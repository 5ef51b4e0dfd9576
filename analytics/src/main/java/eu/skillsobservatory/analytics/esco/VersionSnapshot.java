package eu.skillsobservatory.analytics.esco;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of one ESCO version that a comparison between versions needs.
 *
 * @param version the ESCO version
 * @param concepts every concept's URI with its type and preferred label in one language
 * @param occupationSkills every occupation-skill link
 */
public record VersionSnapshot(
    EscoVersion version, Map<String, Entry> concepts, Set<OccupationSkill> occupationSkills) {

  public VersionSnapshot {
    Objects.requireNonNull(version, "version");
    concepts = Map.copyOf(concepts);
    occupationSkills = Set.copyOf(occupationSkills);
  }

  /** A concept's type and preferred label. */
  public record Entry(ConceptType type, String preferredLabel) {
    public Entry {
      Objects.requireNonNull(type, "type");
      preferredLabel = preferredLabel == null ? "" : preferredLabel;
    }
  }

  /** One link from an occupation to a skill it needs ({@code esco:relatedEssentialSkill}...). */
  public record OccupationSkill(String occupation, String skill, boolean essential) {
    public OccupationSkill {
      Objects.requireNonNull(occupation, "occupation");
      Objects.requireNonNull(skill, "skill");
    }
  }
}
