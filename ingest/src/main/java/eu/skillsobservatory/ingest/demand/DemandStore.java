package eu.skillsobservatory.ingest.demand;

import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.ingest.search.SearchConnection;

/** The demand counts of the vacancies held in Elasticsearch. */
public final class DemandStore {
  private DemandStore() {}

  /** Counts by aggregations over the vacancies index of this connection. */
  public static DemandCounts counts(SearchConnection connection) {
    return new ElasticDemandCounts(connection);
  }
}
