package eu.skillsobservatory.analytics.demand;

import java.util.List;
import java.util.Map;

/**
 * The counts behind {@link Emerging}: postings per month and source, the days with postings per
 * month of the whole data, the candidates' mentions per month and source, the employers of the
 * recent mentions, and the counts without another skill.
 */
public interface EmergingCounts {
  /** At most this many skills are tested for emergence: the most mentioned over both windows. */
  int MAX_CANDIDATES = 2_000;

  /**
   * The series of a slice for the values of a keyword field of the vacancies: {@code skills}, or
   * {@code phrases} (candidate terms outside ESCO, counted over the postings whose phrases were
   * extracted). The values counted are those with at least {@code minSupport} postings over the
   * months a test can use (the last {@code recentMonths + baselineMonths}, or all when {@code
   * baselineMonths} is 0), at most {@link #MAX_CANDIDATES}.
   */
  Emerging.Series series(
      Slice slice, String field, int recentMonths, int baselineMonths, long minSupport);

  /**
   * Postings of a slice that do not mention {@code without}, in the recent window and in the
   * baseline, and of those the postings mentioning {@code with}: {@code [recent with, recent,
   * baseline with, baseline]}.
   */
  long[] without(Slice slice, String field, String without, String with, Emerging.Report report);

  /**
   * For each skill, the employers of its recent mentions (distinct count and the top one), and the
   * slice's series without the top employer's postings.
   */
  Map<String, Emerging.EmployerCounts> employers(
      Slice slice, String field, List<String> skills, Emerging.Report report);
}
