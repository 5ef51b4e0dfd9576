package eu.skillsobservatory.analytics.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Reposts as feeds carry them: the same advert again, or edited as aggregators edit it. */
final class Reposts {
  private Reposts() {}

  /**
   * The same advert on another portal, edited the way aggregators edit ({@link GeneratorCases}).
   */
  static Vacancy editedRepost(Vacancy v, int i, Random r) {
    List<String> others = new ArrayList<>(VacancyGenerator.SOURCES);
    others.add(GeneratorCases.NEW_SOURCE);
    others.remove(v.source());
    return GeneratorCases.repost(v, others.get(r.nextInt(others.size())), "g" + i, r);
  }

  /** The same advert on another portal a few days later, with its own wording around it. */
  static Vacancy repost(Vacancy v, int i, Random r) {
    String other =
        VacancyGenerator.SOURCES.get(
            (VacancyGenerator.SOURCES.indexOf(v.source())
                    + 1
                    + r.nextInt(VacancyGenerator.SOURCES.size() - 1))
                % VacancyGenerator.SOURCES.size());
    String description = v.description();
    if (r.nextBoolean()) {
      description =
          description
              + " "
              + VacancyGenerator.BOILERPLATE[r.nextInt(VacancyGenerator.BOILERPLATE.length)];
    }
    if (r.nextBoolean()) {
      description = description.toUpperCase(Locale.ROOT);
    }
    return new Vacancy(
        other,
        "g" + i,
        v.posted().plusDays(r.nextInt(10)),
        v.country(),
        v.region(),
        v.nace(),
        v.occupation(),
        v.title() + (r.nextBoolean() ? " (m/f/d)" : ""),
        description,
        v.language(),
        v.skills(),
        r.nextBoolean() ? v.employer() : v.employer() + " GmbH");
  }

  static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    return (dot > 0 ? text.substring(0, dot + 1) : text).replace('\n', ' ').strip();
  }

  /** Double spaces and a dropped letter now and then, as in real adverts. */
  static String noise(String text, Random r) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' && r.nextInt(40) == 0) {
        b.append("  ");
      } else if (Character.isLetter(c) && r.nextInt(400) == 0) {
        continue;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
