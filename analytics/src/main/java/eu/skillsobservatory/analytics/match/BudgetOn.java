package eu.skillsobservatory.analytics.match;

import java.util.Locale;

/** What a budget on a set of training offers counts: their cost, or their hours. */
public enum BudgetOn {
  COST,
  HOURS;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BudgetOn parse(String s) {
    for (BudgetOn b : values()) {
      if (b.key().equalsIgnoreCase(s.strip())) {
        return b;
      }
    }
    throw new IllegalArgumentException("budgetOn: cost or hours, not '" + s + "'");
  }
}
