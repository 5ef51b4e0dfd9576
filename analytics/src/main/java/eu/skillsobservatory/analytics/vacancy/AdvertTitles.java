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
  // Working-time, shift and start phrases, wherever they are.
  private static final Pattern PHRASES =
      Pattern.compile(
          "(?iu)\\b(?:(?:full|part)[- ]?time|entry[- ]level|immediate start|ab sofort"
              + "|temps (?:plein|partiel)|(?:night|day|late|early|weekend) shifts?"
              + "|(?:mon|monday)\\s*-\\s*(?:fri|friday|sat|saturday)"
              + "|no experience (?:needed|required)|sign[- ]on bonus|visa sponsorship"
              + "|work from home|fully remote)\\b");
  // Pay, wherever it is: "£12.50 per hour", "up to £35k", "€40,000 - €45,000 pa", "$25/hr".
  private static final Pattern PAY =
      Pattern.compile(
          "(?iu)(?:\\bup to\\s*)?[£€$]\\s?\\d[\\d,.]*\\s?k?"
              + "(?:\\s*(?:-|–|to)\\s*[£€$]?\\s?\\d[\\d,.]*\\s?k?)?"
              + "(?:\\s*(?:per|p/|/)\\s*(?:hour|hr|h|annum|year|yr|day|week|month)\\b"
              + "|\\s*(?:ph|pa|pw|phr|p\\.h\\.|p\\.a\\.)(?![\\p{L}]))?"
              + "(?:\\s*\\+\\s*(?:benefits|bonus|car|overtime))?");
  // A pay band, grade or number of posts before or after the occupation: "Band 5 Staff Nurse",
  // "Level 3 Electrician", "Care Assistant x3".
  private static final Pattern GRADE_START =
      Pattern.compile("(?iu)^(?:band|level|grade|lvl)\\s*\\d+[a-z]?\\s+");
  private static final Pattern GRADE_END =
      Pattern.compile("(?iu)\\s+(?:(?:band|level|grade|lvl)\\s*\\d+[a-z]?|x\\s?\\d+)$");
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
          "experimentee",
          "temporary",
          "temp",
          "permanent",
          "perm",
          "freelance",
          "nights",
          "weekends");
  // Words that qualify an occupation only before it ("Graduate Civil Engineer", "Qualified
  // Electrician"); after it they may be the occupation ("Engineering Graduate").
  private static final Set<String> BEFORE =
      Set.of(
          "graduate",
          "trainee",
          "apprentice",
          "qualified",
          "certified",
          "skilled",
          "seasonal",
          "casual");
  // Words that say where or on what terms the work is done only after it ("Software Engineer
  // Remote"); before it they may be the occupation ("remote sensing technician", "contract
  // manager").
  private static final Set<String> AFTER = Set.of("remote", "hybrid", "onsite", "contract");

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
    s = PAY.matcher(s).replaceAll(" ");
    s = GRADE_END.matcher(GRADE_START.matcher(s.strip()).replaceFirst("")).replaceFirst("");
    List<String> words = new ArrayList<>(List.of(s.strip().split("\\s+")));
    while (!words.isEmpty() && (isDecoration(words.get(0), BEFORE))) {
      words.remove(0);
    }
    while (!words.isEmpty() && isDecoration(words.get(words.size() - 1), AFTER)) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words).replaceAll("^[\\s\\-–—|,:@]+|[\\s\\-–—|,:@]+$", "").strip();
  }

  private static boolean isDecoration(String word, Set<String> here) {
    String folded = TextClean.fold(word);
    if (folded.isEmpty()) {
      return true;
    }
    for (String w : folded.split(" ")) {
      if (!DECORATION.contains(w) && !here.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
