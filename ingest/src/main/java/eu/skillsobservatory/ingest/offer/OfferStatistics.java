package eu.skillsobservatory.ingest.offer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.offer.TrainingOffers.Stats;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;

/** What the offers index holds: offers by source, country and mode, and how their skills came. */
final class OfferStatistics {
  private OfferStatistics() {}

  static Stats read(SearchConnection connection) {
    ElasticsearchClient es = connection.client();
    try {
      SearchResponse<Void> r =
          connection.withRetries(
              "counting training offers",
              () ->
                  es.search(
                      s ->
                          s.index(OfferIndex.ALIAS)
                              .size(0)
                              .trackTotalHits(t -> t.enabled(true))
                              .aggregations(
                                  "source", a -> a.terms(t -> t.field("source").size(100)))
                              .aggregations(
                                  "country", a -> a.terms(t -> t.field("country").size(100)))
                              .aggregations("mode", a -> a.terms(t -> t.field("mode").size(10)))
                              .aggregations(
                                  "given",
                                  a -> a.filter(f -> f.exists(e -> e.field("skillsGiven"))))
                              .aggregations(
                                  "extracted",
                                  a -> a.filter(f -> f.exists(e -> e.field("skillsExtracted"))))
                              .aggregations(
                                  "none",
                                  a ->
                                      a.filter(
                                          f ->
                                              f.bool(
                                                  b ->
                                                      b.mustNot(
                                                          m -> m.exists(e -> e.field("skills")))))),
                      Void.class));
      return new Stats(
          r.hits().total().value(),
          OfferDocuments.buckets(r.aggregations().get("source")),
          OfferDocuments.buckets(r.aggregations().get("country")),
          OfferDocuments.buckets(r.aggregations().get("mode")),
          r.aggregations().get("given").filter().docCount(),
          r.aggregations().get("extracted").filter().docCount(),
          r.aggregations().get("none").filter().docCount());
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("counting training offers failed: " + e.getMessage(), e);
    }
  }
}
