package eu.skillsobservatory.analytics.demand;

import java.util.Locale;

/** The rows of a demand answer: ESCO skills, or their nearest ESCO skill groups. */
public enum DemandLevel {
  SKILL,
  GROUP;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DemandLevel parse(String s) {
    for (DemandLevel l : values()) {
      if (l.key().equalsIgnoreCase(s.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException("level: skill or group, not '" + s + "'");
  }
}
