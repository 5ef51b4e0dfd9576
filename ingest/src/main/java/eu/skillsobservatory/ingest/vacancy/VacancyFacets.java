package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
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
      SearchConnection connection,
      VacancyBands bands,
      String escoVersion,
      Function<List<String>, SkillFacets> facetsOf,
      LongConsumer done) {
    ElasticsearchClient es = connection.client();
    Query lacking =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.mustNot(
                            m -> m.term(t -> t.field("skillFactsVersion").value(escoVersion)))));
    long given = 0;
    long leftBefore = Long.MAX_VALUE;
    // A scan in index order may miss documents a merge moved while it ran: again until none is
    // left, or a pass leaves as many as before (what it cannot change).
    while (true) {
      long before = given;
      long pass =
          bands.updateEach(
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
              n -> done.accept(before + n));
      given += pass;
      try {
        es.indices().refresh(r -> r.index(VacancyIndex.ALIAS));
        connection.dataChanged();
        long left =
            connection
                .withRetries(
                    "counting vacancies without skill facets",
                    () -> es.count(c -> c.index(VacancyIndex.ALIAS).query(lacking)))
                .count();
        if (pass == 0 || left == 0 || left >= leftBefore) {
          return given;
        }
        leftBefore = left;
      } catch (IOException | ElasticsearchException e) {
        throw new SearchStoreException("writing skill facets failed: " + e.getMessage(), e);
      }
    }
  }
}
