package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.text.Choices;

/**
 * What a demand answer is broken down by: NACE section, country, NUTS region, month, ISCO-08 major
 * group, ESCO occupation; {@link #key()} is its name in requests, answers and {@link DemandCounts}.
 */
public enum GroupBy {
  SECTOR,
  COUNTRY,
  REGION,
  MONTH,
  ISCO,
  OCCUPATION;

  public String key() {
    return Choices.key(this);
  }

  /** {@code sector}, {@code country}... in any case; a clear refusal naming the choices. */
  public static GroupBy parse(String s) {
    return Choices.parse(GroupBy.class, "groupBy", s);
  }
}
