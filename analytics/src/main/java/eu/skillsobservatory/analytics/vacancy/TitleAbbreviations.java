package eu.skillsobservatory.analytics.vacancy;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations English adverts put in job titles where ESCO spells the words out: "PA to CEO" is a
 * personal assistant, "HCA" a healthcare assistant, "FLT Driver" a forklift truck driver. Only
 * abbreviations with one reading in job titles are here; those ESCO itself uses as labels ("HGV
 * driver", "CNC", "ICT") are left alone. Acronyms are matched in capitals only ("PA", not "pa" or
 * "Pa"), the shortened words in any case ("Asst", "MGR").
 */
final class TitleAbbreviations {
  private TitleAbbreviations() {}

  private static final Map<String, String> ACRONYMS =
      Map.of(
          "PA", "personal assistant",
          "EA", "executive assistant",
          "HCA", "healthcare assistant",
          "HR", "human resources",
          "QA", "quality assurance",
          "FLT", "forklift truck",
          "BDM", "business development manager");

  private static final Map<String, String> SHORT_WORDS =
      Map.of(
          "mgr", "manager",
          "asst", "assistant",
          "snr", "senior",
          "jnr", "junior",
          "sr", "senior",
          "jr", "junior");

  private static final Pattern ACRONYM =
      Pattern.compile("\\b(" + String.join("|", ACRONYMS.keySet()) + ")\\b");
  private static final Pattern SHORT_WORD =
      Pattern.compile(
          "\\b(" + String.join("|", SHORT_WORDS.keySet()) + ")\\b\\.?", Pattern.CASE_INSENSITIVE);

  /** The title with its abbreviations spelled out; the same string when it has none. */
  static String expand(String title) {
    String out = replace(title, ACRONYM, ACRONYMS, false);
    return replace(out, SHORT_WORD, SHORT_WORDS, true);
  }

  private static String replace(
      String text, Pattern pattern, Map<String, String> words, boolean folded) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder b = new StringBuilder();
    do {
      String key = folded ? m.group(1).toLowerCase(Locale.ROOT) : m.group(1);
      m.appendReplacement(b, Matcher.quoteReplacement(words.get(key)));
    } while (m.find());
    m.appendTail(b);
    return b.toString();
  }
}
