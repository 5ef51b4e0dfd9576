package eu.skillsobservatory.analytics.extract;

import java.util.List;
import java.util.Objects;

/**
 * What the extractor knows of a skill besides its labels: its preferred label per language is in
 * the labels; here the ESCO facts used as priors.
 *
 * @param uri the skill's ESCO URI
 * @param preferredLabel the English (or first) preferred label, for output
 * @param skillType ESCO skill type: {@code skill/competence}, {@code knowledge} or null
 * @param reuseLevel ESCO reuse level: {@code transversal}, {@code cross-sector}, {@code
 *     sector-specific}, {@code occupation-specific} or null
 * @param labels every label of the skill, all languages
 */
public record SkillInfo(
    String uri,
    String preferredLabel,
    String skillType,
    String reuseLevel,
    List<SkillLabel> labels) {
  public SkillInfo {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(preferredLabel, "preferredLabel");
    labels = List.copyOf(labels);
  }
}
