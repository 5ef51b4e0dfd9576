package eu.skillsobservatory.analytics.match;

import eu.skillsobservatory.analytics.text.Choices;

/** What a budget on a set of training offers counts: their cost, or their hours. */
public enum BudgetOn {
  COST,
  HOURS;

  public String key() {
    return Choices.key(this);
  }

  public static BudgetOn parse(String s) {
    return Choices.parse(BudgetOn.class, "budgetOn", s);
  }
}
