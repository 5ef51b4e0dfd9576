package eu.skillsobservatory.analytics.export;

import eu.skillsobservatory.analytics.demand.SkillFacts;
import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The English preferred labels of the ESCO version current when an export or a page starts: skills
 * from the skill facts read once per version, occupations looked up once each.
 */
final class RowLabels {
  private final SkillFacts facts;
  private final SkillCatalog catalog;

  /** The labels of the current version; none (null labels) while no ESCO version is loaded. */
  static RowLabels current(SkillFacts.Current facts, SkillCatalog catalog) {
    if (catalog.currentVersion().isEmpty()) {
      return new RowLabels(null, catalog);
    }
    return new RowLabels(facts.get(), catalog);
  }

  private final Map<String, Optional<String>> occupations = new ConcurrentHashMap<>();

  RowLabels(SkillFacts facts, SkillCatalog catalog) {
    this.facts = facts;
    this.catalog = catalog;
  }

  Map<String, String> skills() {
    return facts == null ? Map.of() : facts.labels();
  }

  String version() {
    return facts == null ? null : facts.version().toString();
  }

  String occupation(String uri) {
    if (uri == null || facts == null) {
      return null;
    }
    return occupations
        .computeIfAbsent(
            uri,
            u ->
                catalog.concept(u, "en", Optional.of(facts.version())).map(Concept::preferredLabel))
        .orElse(null);
  }
}
