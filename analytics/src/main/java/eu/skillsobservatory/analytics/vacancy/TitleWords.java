package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.extract.Tokens;
import eu.skillsobservatory.analytics.extract.WordForms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The words of job titles as the occupation coder weighs them: stems, and the head noun. */
final class TitleWords {
  // An English title names its occupation by its head noun, the last word ("retail sales
  // assistant" is an assistant, not a manager): a label with another head is doubted this much.
  private static final double HEAD_MISMATCH = 0.7;
  private static final Pattern HEAD_END =
      Pattern.compile("(?i)\\s+(?:of|for|to|in|at|with)\\s+.*$");

  private final WordForms forms;

  TitleWords(WordForms forms) {
    this.forms = forms;
  }

  /**
   * The stem of an English text's head noun: its last word, or the last word before "of", "for",
   * "to"... ("head of sales": head; "PA to the CEO": PA); empty for other languages, whose heads
   * stand elsewhere (French first, German at the end of a compound).
   */
  String head(String text, String language) {
    if (!WordForms.isEnglish(language)) {
      return "";
    }
    String before = HEAD_END.matcher(text.strip()).replaceFirst("");
    List<Tokens.Token> tokens = Tokens.of(before);
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Tokens.Token t = tokens.get(i);
      if (!forms.isStop(t, language) && Character.isLetter(t.word().charAt(0))) {
        return forms.stemOf(t, language);
      }
    }
    return "";
  }

  /** Whether a title shortened from the left still has the title's head noun (English). */
  boolean keepsHead(String titleHead, String rest, String language) {
    return titleHead.isEmpty() || titleHead.equals(head(rest, language));
  }

  /** 1 when the label's head is the title's (or no head is known), else {@link #HEAD_MISMATCH}. */
  double headAgreement(String titleHead, String label, String language) {
    if (titleHead.isEmpty()) {
      return 1;
    }
    String labelHead = head(label, language);
    return labelHead.isEmpty() || labelHead.equals(titleHead) ? 1 : HEAD_MISMATCH;
  }

  /** Dice coefficient of two word sets. */
  static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : a) {
      if (b.contains(w)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  /**
   * The stems of a title's or label's words, stop words left out. In English, "IT" in capitals is
   * information technology, ESCO's "ICT" (which the coder reads in titles), not the stop word "it":
   * ESCO's "IT auditor" is not an "auditor".
   */
  Set<String> contentWords(String text, String language) {
    Set<String> out = new HashSet<>();
    boolean english = WordForms.isEnglish(language);
    for (Tokens.Token t : Tokens.of(text)) {
      if (english && text.startsWith("IT", t.start()) && t.end() - t.start() == 2) {
        out.add(forms.stemOf(Tokens.of("ICT").get(0), language));
      } else if (!forms.isStop(t, language)) {
        out.add(forms.stemOf(t, language));
      }
    }
    return out;
  }
}
