package eu.skillsobservatory.analytics.extract;

import java.util.Locale;

/** Rules that weaken a label found in a text: a word found by its stem only, a section heading. */
final class LabelHits {
  private LabelHits() {}

  /** Whether two English words are the same word but for an inflection (plural, -ed, -ing). */
  static boolean sameEnglishWord(String a, String b) {
    return inflectionless(a).equals(inflectionless(b));
  }

  private static String inflectionless(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    for (String end : new String[] {"es", "s", "ed", "ing"}) {
      if (w.endsWith(end) && w.length() > end.length() + 2) {
        String stem = w.substring(0, w.length() - end.length());
        return end.equals("es")
                && !stem.endsWith("s")
                && !stem.endsWith("x")
                && !stem.endsWith("ch")
                && !stem.endsWith("sh")
            ? stem + "e"
            : stem;
      }
    }
    return w.endsWith("e") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
  }

  /** Whether a match ending here heads a section: a colon next, or "include:" / "are:". */
  static boolean heading(String text, int end) {
    int i = end;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == ':') {
      return true;
    }
    String rest = text.substring(i, Math.min(text.length(), i + 12)).toLowerCase(Locale.ROOT);
    return rest.startsWith("include:") || rest.startsWith("includes:") || rest.startsWith("are:");
  }
}
