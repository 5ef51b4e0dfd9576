package eu.skillsobservatory.ingest.offer;

import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.ingest.search.SearchConnection;

/** The training offers held in Elasticsearch. */
public final class OfferStore {
  private OfferStore() {}

  /** The offers behind the alias {@code offers} of this connection. */
  public static TrainingOffers offers(SearchConnection connection) {
    return new OfferIndex(connection);
  }
}
