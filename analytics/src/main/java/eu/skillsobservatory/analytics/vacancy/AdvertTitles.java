package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.text.TextClean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What adverts add to a job title around the occupation it names, and how it is taken off. */
final class AdvertTitles {
  private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*\\]");
  private static final Pattern GENDER =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\d])[mwfdhxia]\\s*/\\s*[mwfdhxia](\\s*/\\s*[mwfdhxia])?(?![\\p{L}\\d])"
              + "|(?i)\\ball genders\\b");
  // German gender forms such as "Entwickler*in", "Pfleger:innen", "Koch/-in".
  private static final Pattern GERMAN_SUFFIX =
      Pattern.compile("(?<=\\p{L})(\\*|:|_|/-?|\\()(in|innen)\\)?(?![\\p{L}])");
  // Working-time and start phrases, wherever they are.
  private static final Pattern PHRASES =
      Pattern.compile(
          "(?iu)\\b(?:(?:full|part)[- ]?time|entry[- ]level|immediate start|ab sofort"
              + "|temps (?:plein|partiel))\\b");
  // Words adverts put before or after the occupation; only stripped there, never in the middle.
  private static final Set<String> DECORATION =
      Set.of(
          "senior",
          "junior",
          "sr",
          "jr",
          "experienced",
          "urgent",
          "urgently",
          "wanted",
          "hiring",
          "fulltime",
          "parttime",
          "vollzeit",
          "teilzeit",
          "erfahrener",
          "erfahrene",
          "befristet",
          "unbefristet",
          "confirme",
          "confirmee",
          "cdi",
          "cdd",
          "experimente",
          "experimentee");

  private AdvertTitles() {}

  /**
   * The title without what adverts add around the occupation: bracketed notes, gender markers,
   * seniority and working-time words. {@code "Senior Java Developer (m/f/d) - Berlin"} becomes
   * {@code "Java Developer - Berlin"}.
   */
  static String clean(String title) {
    if (title == null) {
      return "";
    }
    String s = BRACKETS.matcher(title).replaceAll(" ");
    s = GENDER.matcher(s).replaceAll(" ");
    s = GERMAN_SUFFIX.matcher(s).replaceAll("");
    s = PHRASES.matcher(s).replaceAll(" ");
    List<String> words = new ArrayList<>(List.of(s.strip().split("\\s+")));
    while (!words.isEmpty() && isDecoration(words.get(0))) {
      words.remove(0);
    }
    while (!words.isEmpty() && isDecoration(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words).replaceAll("^[\\s\\-–—|,:@]+|[\\s\\-–—|,:@]+$", "").strip();
  }

  private static boolean isDecoration(String word) {
    String folded = TextClean.fold(word);
    if (folded.isEmpty()) {
      return true;
    }
    for (String w : folded.split(" ")) {
      if (!DECORATION.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
