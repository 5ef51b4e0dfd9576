package eu.skillsobservatory.ingest.jobs;

import eu.skillsobservatory.analytics.jobs.JobRecords;
import eu.skillsobservatory.ingest.search.SearchConnection;

/** Job records held in Elasticsearch, shared by every instance of one cluster. */
public final class JobStores {
  private JobStores() {}

  /** The job records in the index {@code observatory-jobs} of this connection. */
  public static JobRecords records(SearchConnection connection) {
    return new JobIndex(connection);
  }
}
