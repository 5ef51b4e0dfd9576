package eu.skillsobservatory.analytics.failures;

/** Elasticsearch could not be reached, started or used; the cause is kept. */
public class SearchStoreException extends RuntimeException {
  public SearchStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public SearchStoreException(String message) {
    super(message);
  }
}
