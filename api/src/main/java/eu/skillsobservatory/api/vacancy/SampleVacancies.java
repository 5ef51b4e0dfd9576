package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.config.SampleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the first start of a server whose vacancies index is empty, loads the synthetic sample shipped
 * in {@code data/vacancies/} (20,000 vacancies made by {@code generate vacancies}), so that the
 * analytics have data to show from the first run.
 */
@Component
public class SampleVacancies {
  private static final Logger LOG = LoggerFactory.getLogger(SampleVacancies.class);

  private final VacancyService vacancies;
  private final Path sample;
  private final boolean enabled;

  public SampleVacancies(VacancyService vacancies, SampleSettings.Vacancies settings) {
    this.vacancies = vacancies;
    this.sample = settings.samplePath();
    this.enabled = settings.loadSampleOnFirstStart();
  }

  /** The dataset of the sample: synthetic, and removable like any other. */
  public static final String SAMPLE_DATASET = "sample";

  /** Loads the sample when enabled, present, and no vacancy was ever ingested. */
  public void loadIfEmpty() {
    if (!enabled || !Files.exists(sample)) {
      return;
    }
    try {
      var stats = vacancies.stats();
      if (stats.total() + stats.duplicates() > 0 || stats.lastIngest() != null) {
        return;
      }
      LOG.info(
          "First start: loading the synthetic sample vacancies from {}", sample.toAbsolutePath());
      var report =
          vacancies.ingest(
              List.of(sample),
              ExtractionMode.FAST,
              Optional.empty(),
              ConsoleProgress.forStderr(),
              true,
              new VacancyService.DatasetSpec(SAMPLE_DATASET, true));
      LOG.info(
          "Sample vacancies loaded: {} written, {} near-duplicates, {} rejected",
          report.written(),
          report.duplicates(),
          report.rejected());
    } catch (RuntimeException e) {
      LOG.error("The sample vacancies could not be loaded: {}", e.getMessage());
    }
  }
}
