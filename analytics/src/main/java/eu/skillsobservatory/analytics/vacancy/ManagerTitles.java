package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.extract.Tokens;
import java.util.Set;

/** Whether an English job title names someone who manages (ISCO-08 major group 1). */
final class ManagerTitles {
  private ManagerTitles() {}

  // Words of English titles that name a manager (ISCO major group 1).
  static final Set<String> MANAGING =
      Set.of(
          "manager",
          "managers",
          "managing",
          "management",
          "director",
          "directors",
          "head",
          "chief",
          "president",
          "ceo",
          "cfo",
          "cto",
          "coo",
          "cio",
          "principal",
          "dean",
          "governor",
          "mayor",
          "minister",
          "owner",
          "proprietor",
          "superintendent",
          "commissioner");

  /** Whether a word of the title is one that names a manager ("manager", "director", "head"...). */
  static boolean namesAManager(String title) {
    for (Tokens.Token t : Tokens.of(title)) {
      if (MANAGING.contains(t.word())) {
        return true;
      }
    }
    return false;
  }
}
