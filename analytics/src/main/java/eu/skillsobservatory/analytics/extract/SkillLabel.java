package eu.skillsobservatory.analytics.extract;

import java.util.Objects;

/**
 * One label an ESCO skill can be found by in text.
 *
 * @param uri the skill's ESCO URI
 * @param label the label as ESCO writes it
 * @param kind preferred, alternative or hidden
 * @param language the label's language tag, e.g. {@code en}
 */
public record SkillLabel(String uri, String label, LabelKind kind, String language) {
  public SkillLabel {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(language, "language");
  }
}
