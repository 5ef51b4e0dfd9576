package eu.skillsobservatory.analytics.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Vacancies of the hard cases a generated corpus plants (joining portal, campaign, seasonal skills,
 * large employers' shared text).
 */
final class CaseVacancies {
  private CaseVacancies() {}

  /** A vacancy with the hard cases that apply to it. */
  static Vacancy withCases(
      Vacancy v,
      String sector,
      int month,
      int months,
      List<VacancyGenerator.Case> cases,
      Random r) {
    String source = v.source();
    String employer = v.employer();
    StringBuilder text = new StringBuilder(v.description());
    List<String> added = new ArrayList<>();
    if (month >= Math.round(months * GeneratorCases.JOINS_AT)
        && r.nextDouble() < GeneratorCases.NEW_SOURCE_SHARE) {
      source = GeneratorCases.NEW_SOURCE;
      text.append(" Our standard profile:");
      for (VacancyGenerator.Case c : cases) {
        if (c.kind().equals("source-template")) {
          text.append(" Experience with ").append(c.label()).append(" is required.");
          added.add(c.uri());
        }
      }
    }
    for (VacancyGenerator.Case c : cases) {
      if (c.kind().equals("seasonal")
          && c.sector().equals(sector)
          && r.nextDouble()
              < (GeneratorCases.season(v.posted())
                  ? GeneratorCases.SEASON_SHARE
                  : GeneratorCases.OFF_SEASON_SHARE)) {
        text.append(" Knowledge of ").append(c.label()).append('.');
        added.add(c.uri());
      }
    }
    boolean campaign =
        sector.equals(GeneratorCases.CAMPAIGN_SECTOR)
            && month >= months - GeneratorCases.CAMPAIGN_MONTHS
            && r.nextDouble() < GeneratorCases.CAMPAIGN_SHARE;
    if (campaign) {
      employer = GeneratorCases.LARGE_EMPLOYERS[0];
      for (VacancyGenerator.Case c : cases) {
        if (c.kind().equals("employer-campaign")) {
          text.append(" You will work with ").append(c.label()).append('.');
          added.add(c.uri());
        }
      }
    } else if (r.nextDouble() < GeneratorCases.LARGE_EMPLOYERS_SHARE) {
      employer = GeneratorCases.LARGE_EMPLOYERS[r.nextInt(GeneratorCases.LARGE_EMPLOYERS.length)];
    }
    if (!employer.equals(v.employer())) {
      text.append(' ').append(GeneratorCases.companyText(employer));
    }
    List<String> given = v.skills();
    if (!given.isEmpty() && !added.isEmpty()) {
      given = new ArrayList<>(given);
      given.addAll(added);
      given = given.stream().distinct().toList();
    }
    return new Vacancy(
        source,
        v.id(),
        v.posted(),
        v.country(),
        v.region(),
        v.nace(),
        v.occupation(),
        v.title(),
        text.toString(),
        v.language(),
        given,
        employer);
  }
}
