package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.text.TextClean;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys near-duplicates compare on: an employer without its legal form, a title without gender
 * markers.
 */
final class EmployerTitleKeys {
  private EmployerTitleKeys() {}

  /** Legal forms, folded: left out of an employer's name. */
  static final Pattern LEGAL_FORMS =
      Pattern.compile(
          "\\b(gmbh co kg|ag co kg|co kg|kg|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|ltd|limited|inc"
              + "|llc|plc|oy|ab|as|aps|sp z o o|s a|s r l|b v|n v|e v|ev|kft|sro|s r o)\\b");

  /** Gender markers of a title: (m/f/d), m/w/d, (f/m/x), (h/f), (all genders)... */
  static final Pattern GENDER =
      Pattern.compile(
          "\\b[mwfhdxn]( [mwfhdxn]){1,2}\\b|\\ball genders\\b|\\bgn\\b|\\bf m\\b|\\bm f\\b");

  static String normal(String employer) {
    String folded = TextClean.fold(employer.replace(".", ""));
    String out = LEGAL_FORMS.matcher(folded).replaceAll("").replaceAll(" +", " ").strip();
    return (out.isEmpty() ? folded : out).toLowerCase(Locale.ROOT);
  }

  /** An employer's name, legal form aside, as a key. */
  static long employerKey(String employer) {
    return SharedText.hash(normal(employer)) | 1;
  }

  /** A title, case and gender markers aside, as a key; 0 for none. */
  public static int titleKey(String title) {
    if (title == null) {
      return 0;
    }
    String t = GENDER.matcher(TextClean.fold(title)).replaceAll("").replaceAll(" +", " ").strip();
    return t.isEmpty() ? 0 : t.hashCode() | 1;
  }
}
