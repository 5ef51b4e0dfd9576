package eu.skillsobservatory.ingest.vacancy;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.fixtures.VacancyBuilder;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.demand.DemandStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Datasets in a real Elasticsearch node: vacancies written into two, the provenance of a slice
 * counted per dataset, one dataset removed with all its vacancies (more than a page of them).
 */
@ExtendWith(EmbeddedNodeExtension.class)
class DatasetIndexIT {
  static VacancyRecord record(String id, boolean withSkill) {
    VacancyBuilder v =
        vacancy("ds-it", id).posted("2020-05-01").country("MT").sector("J").title("title " + id);
    if (withSkill) {
      v.evidence(SkillEvidence.given("http://data.europa.eu/esco/skill/x"));
    }
    return v.description("").ingest("it").record();
  }

  @Test
  void aDatasetIsCountedApartAndRemovedWithItsVacancies(SearchConnection es) {
    VacancyIndex vacancies = new VacancyIndex(es);
    DatasetIndex datasets = new DatasetIndex(es);
    int generated = DatasetIndex.PAGE + 1_200;
    try (VacancyStore.Writer w = vacancies.writer("gen-it", true)) {
      for (int i = 0; i < generated; i++) {
        w.write(record("g" + i, i % 4 != 0));
      }
    }
    try (VacancyStore.Writer w = vacancies.writer("real-it", false)) {
      for (int i = 0; i < 10; i++) {
        w.write(record("r" + i, true));
      }
    }
    datasets.record(
        new Dataset("gen-it", "vacancies", true, Instant.now(), "v1.1.1", "fast", List.of("a"), 1));
    Dataset twice =
        datasets.record(
            new Dataset(
                "gen-it",
                "vacancies",
                false,
                Instant.now(),
                "v1.1.1",
                "fast",
                List.of("b"),
                generated - 1L));
    assertThat(twice.rows()).isEqualTo(generated);
    assertThat(twice.synthetic()).as("once synthetic, always").isTrue();
    assertThat(twice.files()).containsExactly("a", "b");
    datasets.record(
        new Dataset("real-it", "vacancies", false, Instant.now(), "v1.1.1", "full", List.of(), 10));
    assertThat(datasets.list()).extracting(Dataset::name).contains("gen-it", "real-it");

    DemandCounts agg = DemandStore.counts(es);
    Slice malta = Slice.of(null, null, "MT", null, "2020-05", "2020-05", false);
    var p = agg.provenance(malta);
    assertThat(p.synthetic()).isTrue();
    assertThat(p.postings()).isEqualTo(generated + 10L);
    assertThat(p.withoutSkills()).isEqualTo((generated + 3) / 4);
    assertThat(p.datasets())
        .containsExactly(
            new eu.skillsobservatory.analytics.provenance.Provenance.DatasetCount(
                "gen-it", generated, true),
            new eu.skillsobservatory.analytics.provenance.Provenance.DatasetCount(
                "real-it", 10, false));
    var real = agg.provenance(malta.withDataset("real-it"));
    assertThat(real.synthetic()).isFalse();
    assertThat(real.postings()).isEqualTo(10);

    assertThat(datasets.delete("gen-it")).isEqualTo(generated);
    assertThat(datasets.get("gen-it")).isEmpty();
    var after = agg.provenance(malta);
    assertThat(after.synthetic()).isFalse();
    assertThat(after.postings()).isEqualTo(10);
  }
}
