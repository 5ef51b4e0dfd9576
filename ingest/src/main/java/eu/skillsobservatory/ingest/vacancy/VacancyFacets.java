package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The skill facets of vacancies held without those of the current ESCO version (written before
 * facets were, or under another version): taken from their skills, written in place.
 */
final class VacancyFacets {
  private VacancyFacets() {}

  @SuppressWarnings("unchecked")
  static long addMissing(
      VacancyBands bands,
      String escoVersion,
      Function<List<String>, SkillFacets> facetsOf,
      LongConsumer done) {
    Query lacking =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.mustNot(
                            m -> m.term(t -> t.field("skillFactsVersion").value(escoVersion)))));
    return bands.updateUntilNone(
        "writing skill facets",
        lacking,
        List.of("source", "id", "skills"),
        d -> {
          Object skills = d.get("skills");
          SkillFacets f =
              facetsOf.apply(skills instanceof List<?> l ? (List<String>) l : List.of());
          return Map.of(
              "skillCollections", f.collections(),
              "skillGroups", f.groups(),
              "skillFactsVersion", f.escoVersion());
        },
        done);
  }
}
