package eu.skillsobservatory.analytics.stats;

/**
 * How strongly two skills go together in postings, ranked so that a rare companion seen a few times
 * does not outrank a common one seen hundreds of times. Pointwise mutual information grows without
 * bound as the companion gets rarer; these two measures do not.
 *
 * <ul>
 *   <li>The <b>lower confidence bound of the lift</b>: the lift is P(b | a) / P(b); its bound
 *       divides the lower Wilson bound of P(b | a) by the upper Wilson bound of P(b), both at the
 *       given z, so that a share estimated from few postings counts for what it surely is at least.
 *   <li><b>Normalized PMI</b> (Bouma, 2009): log(P(a, b) / (P(a) P(b))) / -log P(a, b), from -1
 *       (never together) through 0 (independent) to 1 (always together).
 * </ul>
 */
public final class Association {
  private Association() {}

  /**
   * @param both postings with both skills
   * @param withSkill postings with the skill asked about (a)
   * @param withOther postings with the companion (b)
   * @param postings all postings of the slice
   * @param z the normal quantile of each bound ({@link Stats#Z95} for 95 %)
   */
  public static double liftLowerBound(
      long both, long withSkill, long withOther, long postings, double z) {
    check(both, withSkill, withOther, postings);
    double givenA = Stats.wilson(both, withSkill, z).low();
    double b = Stats.wilson(withOther, postings, z).high();
    return b == 0 ? 0 : givenA / b;
  }

  /** Normalized pointwise mutual information, in [-1, 1]; -1 when the two never meet. */
  public static double npmi(long both, long withSkill, long withOther, long postings) {
    check(both, withSkill, withOther, postings);
    if (both == 0) {
      return -1;
    }
    double pab = (double) both / postings;
    double pa = (double) withSkill / postings;
    double pb = (double) withOther / postings;
    if (pab == 1) {
      return 1;
    }
    return Math.log(pab / (pa * pb)) / -Math.log(pab);
  }

  private static void check(long both, long withSkill, long withOther, long postings) {
    if (both < 0
        || both > withSkill
        || both > withOther
        || withSkill > postings
        || withOther > postings) {
      throw new IllegalArgumentException(
          "counts: 0 <= both <= each skill's postings <= all postings, not both="
              + both
              + ", a="
              + withSkill
              + ", b="
              + withOther
              + ", n="
              + postings);
    }
  }
}
