package eu.skillsobservatory.api.statistics;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.api.web.CsvText;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the stores hold, as CSV: vacancy and offer statistics in long form (a dimension, a key, the
 * counts), employment per year, and the datasets loaded.
 */
public final class HoldingsCsv {
  private HoldingsCsv() {}

  public static String vacancies(VacancyStore.Stats s) {
    return CsvText.write(
        new String[] {"dimension", "key", "vacancies", "duplicates", "duplicate_rate"},
        p -> {
          p.printRecord("total", "", s.total(), s.duplicates(), "");
          for (VacancyStore.SourceStats x : s.bySource()) {
            p.printRecord("source", x.source(), x.vacancies(), x.duplicates(), x.duplicateRate());
          }
          for (Map.Entry<String, Long> m : new TreeMap<>(s.byMonth()).entrySet()) {
            p.printRecord("month", m.getKey(), m.getValue(), "", "");
          }
        });
  }

  public static String offers(TrainingOffers.Stats s) {
    return CsvText.write(
        new String[] {"dimension", "key", "offers"},
        p -> {
          p.printRecord("total", "", s.offers());
          for (var e :
              Map.of("source", s.bySource(), "country", s.byCountry(), "mode", s.byMode())
                  .entrySet()
                  .stream()
                  .sorted(Map.Entry.comparingByKey())
                  .toList()) {
            for (Map.Entry<String, Long> k : new TreeMap<>(e.getValue()).entrySet()) {
              p.printRecord(e.getKey(), k.getKey(), k.getValue());
            }
          }
          p.printRecord("skills", "given", s.withGivenSkills());
          p.printRecord("skills", "extracted", s.withExtractedSkills());
          p.printRecord("skills", "none", s.withoutSkills());
        });
  }

  public static String employment(EmploymentFigures.Employed e) {
    return CsvText.write(
        new String[] {"year", "employed_thousands", "cells"},
        p -> {
          for (var y : new TreeMap<>(e.thousandsByYear()).entrySet()) {
            p.printRecord(y.getKey(), y.getValue(), e.cells());
          }
        });
  }

  public static String employmentDatasets(List<EmploymentFigures.DatasetSummary> all) {
    return CsvText.write(
        new String[] {
          "dataset", "cells", "from_year", "to_year", "countries", "source", "loaded_at"
        },
        p -> {
          for (var d : all) {
            p.printRecord(
                d.dataset(),
                d.cells(),
                d.fromYear(),
                d.toYear(),
                d.countries(),
                d.source(),
                d.loadedAt());
          }
        });
  }

  public static String datasets(List<Dataset> all) {
    return CsvText.write(
        new String[] {
          "name", "kind", "synthetic", "loaded_at", "esco_version", "extraction", "rows", "files"
        },
        p -> {
          for (Dataset d : all) {
            p.printRecord(
                d.name(),
                d.kind(),
                d.synthetic(),
                d.loadedAt(),
                d.escoVersion(),
                d.extractionMode(),
                d.rows(),
                String.join(" ", d.files()));
          }
        });
  }
}
