package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.text.Choices;

/** The rows of a demand answer: ESCO skills, or their nearest ESCO skill groups. */
public enum DemandLevel {
  SKILL,
  GROUP;

  public String key() {
    return Choices.key(this);
  }

  public static DemandLevel parse(String s) {
    return Choices.parse(DemandLevel.class, "level", s);
  }
}
