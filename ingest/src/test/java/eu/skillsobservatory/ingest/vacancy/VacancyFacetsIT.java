package eu.skillsobservatory.ingest.vacancy;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vacancies held without the facets of the current ESCO version are given them in place. */
@ExtendWith(EmbeddedNodeExtension.class)
class VacancyFacetsIT {
  static final String WELD = "http://data.europa.eu/esco/skill/weld";

  static final Function<List<String>, SkillFacets> FACTS =
      skills ->
          new SkillFacets("v2", skills.contains(WELD) ? List.of("green") : List.of(), List.of());

  long count(SearchConnection es, String field, String value) throws Exception {
    es.client().indices().refresh(r -> r.index(VacancyIndex.ALIAS));
    return es.client()
        .count(
            c ->
                c.index(VacancyIndex.ALIAS)
                    .query(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))))
        .count();
  }

  @Test
  void theVacanciesWithoutFacetsOfTheVersionAreGivenThemAndNoOther(SearchConnection es)
      throws Exception {
    es.client().indices().delete(d -> d.index("vacancies-v1").ignoreUnavailable(true));
    VacancyStore store = VacancyStores.vacancies(es);
    try (VacancyStore.Writer w = store.writer("facets", false)) {
      for (int i = 0; i < 2_500; i++) {
        List<SkillEvidence> skills = new ArrayList<>();
        if (i % 2 == 0) {
          skills.add(SkillEvidence.given(WELD));
        }
        // A third already current (and claiming nothing, to show they are left alone), a third
        // of an older version, a third with none.
        SkillFacets facets =
            switch (i % 3) {
              case 0 -> new SkillFacets("v2", List.of(), List.of());
              case 1 -> new SkillFacets("v1", List.of("green"), List.of());
              default -> null;
            };
        w.write(vacancy("f", "v" + i).evidence(skills).facets(facets).record());
      }
    }
    String before = es.dataVersion().current();
    AtomicLong told = new AtomicLong();
    long given = store.addMissingFacets("v2", FACTS, told::set);
    assertThat(given).isEqualTo(2_500 - 834);
    assertThat(told.get()).isBetween(1_000L, given);
    assertThat(count(es, "skillFactsVersion", "v2")).isEqualTo(2_500);
    // Green: the vacancies given facets that name the skill; the current ones kept theirs.
    long expected = 0;
    for (int i = 0; i < 2_500; i++) {
      if (i % 3 != 0 && i % 2 == 0) {
        expected++;
      }
    }
    assertThat(count(es, "skillCollections", "green")).isEqualTo(expected);
    assertThat(es.dataVersion().current()).isNotEqualTo(before);
    assertThat(store.addMissingFacets("v2", FACTS, n -> {})).isZero();
  }
}
