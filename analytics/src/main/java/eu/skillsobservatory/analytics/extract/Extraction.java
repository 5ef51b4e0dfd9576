package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The skills found in one text, best first.
 *
 * @param text the text as given
 * @param skills the skills, best first
 * @param notices what the caller should know (a language without labels, text cut at a limit)
 * @param method how the skills were found: {@link #LABELS} or {@link #LABELS_AND_MEANING}
 */
public record Extraction(
    String text, List<ExtractedSkill> skills, List<String> notices, String method) {
  /** The ESCO labels of the text's language only. */
  public static final String LABELS = "labels";

  /** The labels, and the meaning of each sentence against the English labels (full mode). */
  public static final String LABELS_AND_MEANING = "labels and meaning";

  public Extraction {
    skills = List.copyOf(skills);
    notices = List.copyOf(notices);
    method = method == null ? LABELS : method;
  }

  /** Skills found by labels. */
  public Extraction(String text, List<ExtractedSkill> skills, List<String> notices) {
    this(text, skills, notices, LABELS);
  }

  /**
   * The skills whose span is not strictly inside the span of another skill found: "statistics" in
   * "develop financial statistics reports" names part of that skill, not a skill of its own. Where
   * a skill is also named on its own elsewhere in the text, its span is that one (the stronger), so
   * it stays. A skill found by meaning only spans its whole sentence and hides nothing. For
   * counting skills per text (vacancies, offers), where a ranking does not help.
   */
  public Extraction outermost() {
    List<ExtractedSkill> kept = new ArrayList<>();
    for (ExtractedSkill s : skills) {
      boolean inside = false;
      for (ExtractedSkill o : skills) {
        if (o != s
            // A span found by meaning only is a whole sentence: it hides nothing.
            && !"meaning".equals(o.evidence())
            && s.span() != null
            && o.span() != null
            && o.span().start() <= s.span().start()
            && o.span().end() >= s.span().end()
            && o.span().end() - o.span().start() > s.span().end() - s.span().start()) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        kept.add(s);
      }
    }
    return new Extraction(text, kept, notices, method);
  }

  /**
   * The lowest score of a label match that counts: below it are one-word labels found by their stem
   * only, section headings, and words shared by many skills, which rank but do not count.
   */
  public static final double MIN_COUNTED = 0.25;

  /**
   * The skills a text counts as naming: the {@link #outermost()} skills found by a label with a
   * score of at least {@link #MIN_COUNTED}; where no label was found at all, the one nearest by
   * meaning. A skill found by meaning only is a neighbour in a ranking, not one the text names, so
   * the rest of them are not counted.
   */
  public Extraction counted() {
    Extraction o = outermost();
    List<ExtractedSkill> byLabel =
        o.skills.stream()
            .filter(s -> !"meaning".equals(s.evidence()) && s.score() >= MIN_COUNTED)
            .toList();
    List<ExtractedSkill> kept =
        !byLabel.isEmpty() || o.skills.isEmpty() ? byLabel : List.of(o.skills.get(0));
    return new Extraction(text, kept, notices, method);
  }
}
