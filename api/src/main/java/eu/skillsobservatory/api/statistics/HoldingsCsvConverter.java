package eu.skillsobservatory.api.statistics;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.web.CsvConverter;
import org.springframework.stereotype.Component;

/** The statistics and stats answers as CSV over HTTP: the tables of {@link HoldingsCsv}. */
@Component
public class HoldingsCsvConverter extends CsvConverter {
  public HoldingsCsvConverter() {
    super(
        new Tables()
            .add(VacancyStore.Stats.class, HoldingsCsv::vacancies)
            .add(TrainingOffers.Stats.class, HoldingsCsv::offers)
            .add(EmploymentFigures.Employed.class, HoldingsCsv::employment)
            .addList(EmploymentFigures.DatasetSummary.class, HoldingsCsv::employmentDatasets)
            .addList(Dataset.class, HoldingsCsv::datasets));
  }
}
