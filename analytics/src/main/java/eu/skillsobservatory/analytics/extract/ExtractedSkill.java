package eu.skillsobservatory.analytics.extract;

import java.util.Objects;

/**
 * A skill found in a text.
 *
 * @param uri the skill's ESCO URI
 * @param label its preferred label in the language asked for (English where it has none)
 * @param score how sure the extractor is, higher is surer; comparable within one text
 * @param span the part of the text that gave the skill: the label occurrence for a label match, the
 *     sentence for a semantic match
 * @param matchedLabel the ESCO label that was found in the text, or the closest one by meaning
 * @param evidence {@code label} (a label occurs in the text), {@code meaning} (the sentence is
 *     close in meaning to a label), or {@code both}
 */
public record ExtractedSkill(
    String uri, String label, double score, Span span, String matchedLabel, String evidence) {
  public ExtractedSkill {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(span, "span");
  }
}
