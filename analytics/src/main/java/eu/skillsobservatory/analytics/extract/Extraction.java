package eu.skillsobservatory.analytics.extract;

import java.util.List;

/**
 * The skills found in one text, best first.
 *
 * @param text the text as given
 * @param skills the skills, best first
 * @param notices what the caller should know (a language without labels, text cut at a limit)
 */
public record Extraction(String text, List<ExtractedSkill> skills, List<String> notices) {
  public Extraction {
    skills = List.copyOf(skills);
    notices = List.copyOf(notices);
  }
}
