package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages of an index's documents in the order of their {@code source} then {@code id} keywords (see
 * {@link HeldKey}), each page found by {@code search_after} the last key of the page before: no
 * server-side state to keep alive or lose, the same on every instance of a cluster.
 */
public final class HeldPages {
  private HeldPages() {}

  /** The most rows a page may have. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * The page of {@code index}'s documents that {@code query} matches after {@code after}.
   *
   * @param what what is read, for errors
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static HeldPage page(
      SearchConnection connection,
      String index,
      Query query,
      HeldKey after,
      int limit,
      String what) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: 1 to " + MAX_LIMIT + ", not " + limit);
    }
    try {
      SearchResponse<Map> r =
          connection.withRetries(
              what,
              () ->
                  connection
                      .client()
                      .search(
                          s -> {
                            s.index(index)
                                .size(limit + 1)
                                .query(query)
                                .trackTotalHits(t -> t.enabled(false))
                                .sort(o -> o.field(f -> f.field("source").order(SortOrder.Asc)))
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            if (after != null) {
                              s.searchAfter(
                                  FieldValue.of(after.source()), FieldValue.of(after.id()));
                            }
                            return s;
                          },
                          Map.class));
      List<Map<String, Object>> documents = new ArrayList<>(limit);
      var hits = r.hits().hits();
      for (int i = 0; i < Math.min(limit, hits.size()); i++) {
        documents.add((Map<String, Object>) hits.get(i).source());
      }
      return new HeldPage(documents, hits.size() > limit);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(what + " failed: " + e.getMessage(), e);
    }
  }
}
