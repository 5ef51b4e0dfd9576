package eu.skillsobservatory.analytics.vacancy;

import java.util.Random;

/**
 * The wording of generated adverts: titles, and the phrases and boilerplate around their skills.
 */
final class GeneratorText {
  private GeneratorText() {}

  static final String[] TITLE_PREFIXES = {"Senior ", "Junior ", "Experienced "};

  static final String[] TITLE_SUFFIXES = {
    " (m/f/d)", " (m/w/d)", " - full time", " - part time", ", immediate start"
  };

  /**
   * A job title as adverts write them: the preferred label or, a third of the time, an alternative
   * one, now and then with seniority before it or a gender marker or working time after it.
   */
  static String title(VacancyGenerator.OccupationProfile o, Random r) {
    String title = o.label();
    if (!o.alternatives().isEmpty() && r.nextInt(3) == 0) {
      title = o.alternatives().get(r.nextInt(o.alternatives().size()));
    }
    if (r.nextInt(5) == 0) {
      title = TITLE_PREFIXES[r.nextInt(TITLE_PREFIXES.length)] + title;
    }
    if (r.nextInt(4) == 0) {
      title = title + TITLE_SUFFIXES[r.nextInt(TITLE_SUFFIXES.length)];
    }
    return title;
  }
}
