package eu.skillsobservatory.api.health;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.offer.OfferService;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/info}: the application's version, the ESCO versions loaded with their
 * counts, and how many vacancies and training offers are held (or why that is not known now).
 */
@Component
public class ObservatoryInfo implements InfoContributor {
  private final SkillCatalog catalog;
  private final VacancyService vacancies;
  private final OfferService offers;

  public ObservatoryInfo(SkillCatalog catalog, VacancyService vacancies, OfferService offers) {
    this.catalog = catalog;
    this.vacancies = vacancies;
    this.offers = offers;
  }

  @Override
  public void contribute(Info.Builder builder) {
    String version = ObservatoryInfo.class.getPackage().getImplementationVersion();
    builder.withDetail("version", version == null ? "development build" : version);
    List<Map<String, Object>> esco = new ArrayList<>();
    for (VersionSummary v : catalog.versions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version().toString());
      m.put("current", v.current());
      m.put("skills", v.skills());
      m.put("occupations", v.occupations());
      m.put("occupationSkillRelations", v.occupationSkillRelations());
      esco.add(m);
    }
    builder.withDetail("escoVersions", esco);
    Map<String, Object> held = new LinkedHashMap<>();
    try {
      var s = vacancies.stats();
      held.put("vacancies", s.total());
      held.put("vacancyDuplicates", s.duplicates());
      held.put("offers", offers.stats().offers());
    } catch (RuntimeException e) {
      held.put("unavailable", "Elasticsearch did not answer: " + e.getMessage());
    }
    builder.withDetail("held", held);
  }
}
