package eu.skillsobservatory.ingest.vacancy;

import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.SearchConnection;

/** The vacancies and the datasets held in Elasticsearch. */
public final class VacancyStores {
  private VacancyStores() {}

  /** The vacancies behind the alias {@code vacancies} of this connection. */
  public static VacancyStore vacancies(SearchConnection connection) {
    return new VacancyIndex(connection);
  }

  /** The same, as the index adapter, for the other adapters over the vacancies index. */
  public static VacancyIndex index(SearchConnection connection) {
    return new VacancyIndex(connection);
  }

  /** The datasets recorded in the index {@code datasets} of this connection. */
  public static Datasets datasets(SearchConnection connection) {
    return new DatasetIndex(connection);
  }
}
