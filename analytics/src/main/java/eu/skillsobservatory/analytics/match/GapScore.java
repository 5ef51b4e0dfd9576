package eu.skillsobservatory.analytics.match;

/**
 * How a demanded skill's gap is scored, in one place so that every report explains it the same way:
 *
 * <ul>
 *   <li>{@code weight = share x growth factor}: the share of the slice's postings mentioning the
 *       skill, times its lift (recent share / baseline share) clamped to 1..3, or 1 when the trend
 *       is unknown: a rising skill weighs up to three times its share, a falling one its share;
 *   <li>{@code gapScore = weight / (1 + offers)}: the fewer offers in scope teach it, the larger
 *       the gap; a skill no offer teaches keeps its whole weight.
 * </ul>
 */
public final class GapScore {
  private GapScore() {}

  /** The largest growth factor. */
  public static final double MAX_GROWTH = 3.0;

  public static double growthFactor(Double lift) {
    if (lift == null || lift.isNaN()) {
      return 1.0;
    }
    return Math.max(1.0, Math.min(MAX_GROWTH, lift));
  }

  public static double weight(double share, Double lift) {
    return share * growthFactor(lift);
  }

  public static double score(double weight, long offers) {
    return weight / (1.0 + Math.max(0, offers));
  }
}
