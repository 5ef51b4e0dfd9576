package eu.skillsobservatory.analytics.vacancy;

import java.time.LocalDate;

/**
 * An original held in the shared store, as it comes back for comparison with the vacancies of a
 * load ({@link HeldOriginals}).
 *
 * @param print its MinHash bytes
 * @param titleKey its normalized title's key ({@link EmployerTitleKeys#titleKey}), 0 for none
 */
public record HeldOriginal(
    String source,
    String id,
    byte[] print,
    int titleKey,
    String country,
    String employer,
    LocalDate posted) {
  /** {@code source/id}. */
  public String key() {
    return source + "/" + id;
  }

  /** Its fingerprint and title key. */
  public NearDuplicates.Print fingerprint() {
    return new NearDuplicates.Print(print, titleKey);
  }

  /** Whether {@code a} was posted before {@code b} (or the same day, with a smaller key). */
  public static boolean earlier(HeldOriginal a, HeldOriginal b) {
    int byDay = a.posted().compareTo(b.posted());
    return byDay < 0 || (byDay == 0 && a.key().compareTo(b.key()) < 0);
  }
}
