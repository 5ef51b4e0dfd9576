package eu.skillsobservatory.analytics.demand;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code sector}, {@code country}... in any case; a clear refusal naming the choices. */
  public static GroupBy parse(String s) {
    for (GroupBy g : values()) {
      if (g.key().equalsIgnoreCase(s.strip())) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "groupBy: one of "
            + Arrays.stream(values()).map(GroupBy::key).sorted().collect(Collectors.joining(", "))
            + ", not '"
            + s
            + "'");
  }
}
