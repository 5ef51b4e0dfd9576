package eu.skillsobservatory.analytics.offer;

import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import java.util.List;

/**
 * A training offer as kept: the input, and the skills it teaches with where each came from (given
 * by the source, or extracted from a learning outcome's text, the title or the description).
 */
public record OfferRecord(Offer offer, String language, List<SkillEvidence> skills, String ingest) {
  public OfferRecord {
    skills = List.copyOf(skills);
  }

  /** The distinct ESCO skill URIs taught. */
  public List<String> skillUris() {
    return skills.stream().map(SkillEvidence::uri).distinct().toList();
  }
}
