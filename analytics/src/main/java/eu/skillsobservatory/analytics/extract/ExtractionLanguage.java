package eu.skillsobservatory.analytics.extract;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which labels and which method serve a text of a language, and what the answer says of it. */
final class ExtractionLanguage {
  private ExtractionLanguage() {}

  /**
   * The language of the labels to match: the text's, else its primary subtag; a notice when ESCO
   * has no labels in it.
   */
  static String labels(String lang, Set<String> loaded, List<String> notices) {
    if (loaded.contains(lang)) {
      return lang;
    }
    String primary = lang.split("[-_]")[0];
    if (loaded.contains(primary)) {
      return primary;
    }
    notices.add(
        "no ESCO labels are loaded in '"
            + lang
            + "' (loaded: "
            + String.join(", ", new TreeSet<>(loaded))
            + "); nothing can be matched by label");
    return lang;
  }

  /**
   * Whether the text is also ranked by meaning: in full mode, with a model, and in English, as the
   * model and the label vectors are; a notice says why not when full mode was asked for.
   */
  static boolean byMeaning(ExtractionMode mode, boolean model, String lang, List<String> notices) {
    if (mode != ExtractionMode.FULL) {
      return false;
    }
    if (!model) {
      notices.add("no embedding model is available; label matching only");
      return false;
    }
    if (!WordForms.isEnglish(lang)) {
      // A sentence in another language would meet the English vectors by chance resemblance.
      notices.add(
          "ranked by meaning in English only (the embedding model is English): this '"
              + lang
              + "' text was matched by its labels");
      return false;
    }
    return true;
  }
}
