package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.cache.AnswerCache;
import eu.skillsobservatory.analytics.cache.DataVersion;
import eu.skillsobservatory.analytics.curriculum.CurriculumAlignment;
import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillFacts;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.export.RowExport;
import eu.skillsobservatory.analytics.extract.Extractions;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.report.SectorReport;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The use cases of the core over the ports. The Elasticsearch-backed ports are injected lazily: a
 * use case is made at start, but the node starts only when one first counts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestSettings.Analytics.class)
public class UseCaseConfiguration {

  @Bean
  AnswerCache answerCache(@Lazy DataVersion version, RequestSettings.Analytics settings) {
    return new AnswerCache(version, settings.cacheBytes());
  }

  /** The skills' facts of the current ESCO version, read once for demand and ingest alike. */
  @Bean
  SkillFacts.Current skillFacts(SkillCatalog catalog) {
    return new SkillFacts.Current(catalog);
  }

  @Bean
  DemandReport demandReport(
      @Lazy DemandCounts counts,
      SkillCatalog catalog,
      @Lazy EmploymentFigures employment,
      SkillFacts.Current facts) {
    return new DemandReport(counts, catalog, employment, facts);
  }

  @Bean
  EmergingReport emergingReport(
      @Lazy DemandCounts counts, DemandReport demand, SkillCatalog catalog, WordForms forms) {
    return new EmergingReport(counts, demand, catalog, forms);
  }

  @Bean
  SkillRelations skillRelations(
      @Lazy DemandCounts counts, DemandReport demand, SkillCatalog catalog) {
    return new SkillRelations(counts, demand, catalog);
  }

  @Bean
  GapAnalysis gapAnalysis(
      DemandReport demand,
      EmergingReport emerging,
      SkillCatalog catalog,
      @Lazy TrainingOffers offers,
      @Lazy DemandCounts counts) {
    return new GapAnalysis(demand, emerging, catalog, offers, counts);
  }

  @Bean
  OfferMatching offerMatching(GapAnalysis gaps, DemandReport demand, @Lazy TrainingOffers offers) {
    return new OfferMatching(gaps, demand, offers);
  }

  @Bean
  RowExport rowExport(
      @Lazy VacancyStore vacancies,
      @Lazy TrainingOffers offers,
      SkillFacts.Current facts,
      SkillCatalog catalog) {
    return new RowExport(vacancies, offers, facts, catalog);
  }

  @Bean
  SectorReport sectorReport(
      DemandReport demand,
      EmergingReport emerging,
      GapAnalysis gaps,
      OfferMatching matching,
      @Lazy Datasets datasets) {
    return new SectorReport(demand, emerging, gaps, matching, datasets, Instant::now);
  }

  @Bean
  CurriculumAlignment curriculumAlignment(
      DemandReport demand,
      EmergingReport emerging,
      SkillRelations relations,
      Extractions extraction,
      SkillCatalog catalog) {
    return new CurriculumAlignment(demand, emerging, relations, extraction, catalog);
  }
}
