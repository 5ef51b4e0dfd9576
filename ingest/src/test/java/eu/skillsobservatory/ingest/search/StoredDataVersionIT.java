package eu.skillsobservatory.ingest.search;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data version analytics answers are kept under, as every instance of a cluster sees it. */
@ExtendWith(EmbeddedNodeExtension.class)
class StoredDataVersionIT {

  @Test
  void everyVisibleWriteGivesANewVersionThatEveryConnectionSees(SearchConnection es)
      throws Exception {
    String start = es.dataVersion().current();
    // Reading changes nothing.
    assertThat(es.dataVersion().current()).isEqualTo(start);
    VacancyStore store = VacancyStores.vacancies(es);
    String opened;
    try (VacancyStore.Writer w = store.writer("versions", false)) {
      opened = es.dataVersion().current();
      w.write(vacancy("dv", "1").record());
      // Written, not yet visible: the version stays.
      assertThat(es.dataVersion().current()).isEqualTo(opened);
      w.sync();
      String synced = es.dataVersion().current();
      assertThat(synced).isNotEqualTo(opened);
      w.write(vacancy("dv", "2").record());
    }
    String closed = es.dataVersion().current();
    assertThat(closed).isNotIn(start, opened);
    // Another instance, through its own connection, sees the same version.
    try (SearchConnection other = SearchConnection.local(es.url().toString())) {
      assertThat(other.dataVersion().current()).isEqualTo(closed);
    }
    assertThat(VacancyStores.datasets(es).delete("versions")).isEqualTo(2);
    assertThat(es.dataVersion().current()).isNotEqualTo(closed);
  }
}
