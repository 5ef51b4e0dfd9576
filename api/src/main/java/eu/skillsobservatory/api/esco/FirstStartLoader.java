package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.config.EscoSettings;
import eu.skillsobservatory.api.offer.SampleOffers;
import eu.skillsobservatory.api.statistics.StatisticsService;
import eu.skillsobservatory.api.vacancy.SampleVacancies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * On the first {@code serve} of an empty home, loads the ESCO download shipped in {@code data/} and
 * then the employment statistics, the synthetic sample vacancies and the sample training offers, so
 * that one command gives a working system. It runs before the web server opens its port: no request
 * ever sees a half-loaded store.
 */
@Component
@ConditionalOnWebApplication
public class FirstStartLoader implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(FirstStartLoader.class);

  private final EscoService esco;
  private final EscoSettings settings;
  private final SampleVacancies sample;
  private final StatisticsService statistics;
  private final SampleOffers offers;

  public FirstStartLoader(
      EscoService esco,
      EscoSettings settings,
      SampleVacancies sample,
      StatisticsService statistics,
      SampleOffers offers) {
    this.offers = offers;
    this.esco = esco;
    this.settings = settings;
    this.sample = sample;
    this.statistics = statistics;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!esco.versions().isEmpty()) {
      indexIfMissing();
      statistics.loadShippedIfEmpty();
      sample.loadIfEmpty();
      offers.loadIfEmpty();
      return;
    }
    if (!settings.loadOnFirstStart()) {
      return;
    }
    Path bundled = settings.bundledPath();
    if (!Files.exists(bundled)) {
      LOG.warn(
          "No ESCO version is loaded and {} does not exist: load one with 'ingest esco PATH'",
          bundled.toAbsolutePath());
      return;
    }
    LOG.info("First start: loading ESCO from {}", bundled.toAbsolutePath());
    Progress progress = ConsoleProgress.forStderr();
    LoadReport report = esco.load(inputs(bundled), Optional.empty(), progress);
    LOG.info(
        "ESCO {} loaded: {} skills, {} occupations, {} occupation-skill relations in {} s",
        report.version(),
        report.summary().skills(),
        report.summary().occupations(),
        report.summary().occupationSkillRelations(),
        report.duration().toSeconds());
    report
        .skipped()
        .forEach(s -> LOG.info("Skipped {} rows of {}: {}", s.count(), s.file(), s.reason()));
    indexIfMissing();
    statistics.loadShippedIfEmpty();
    sample.loadIfEmpty();
    offers.loadIfEmpty();
  }

  /**
   * Makes the current version searchable when Elasticsearch has no index of it (a first start, a
   * new cluster). A search failure is logged once and does not stop the server: the ESCO endpoints
   * that need only TDB2 keep working.
   */
  private void indexIfMissing() {
    try {
      if (!esco.isIndexed()) {
        var report = esco.index(Optional.empty(), ConsoleProgress.forStderr());
        LOG.info(
            "ESCO {} indexed into Elasticsearch: {} concepts in {} s",
            report.version(),
            report.documents(),
            report.duration().toSeconds());
      }
    } catch (RuntimeException e) {
      LOG.error(
          "Elasticsearch is not usable ({}); search is unavailable until it is."
              + " ESCO versions and concepts are still served.",
          e.getMessage());
    }
  }

  /** A folder of the official zips loads all of them; anything else is one input. */
  public static List<Path> inputs(Path bundled) {
    if (!Files.isDirectory(bundled)) {
      return List.of(bundled);
    }
    try (Stream<Path> files = Files.list(bundled)) {
      List<Path> zips = files.filter(f -> f.toString().endsWith(".zip")).sorted().toList();
      return zips.isEmpty() ? List.of(bundled) : zips;
    } catch (IOException e) {
      return List.of(bundled);
    }
  }
}
