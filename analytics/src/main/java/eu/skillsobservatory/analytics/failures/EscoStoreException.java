package eu.skillsobservatory.analytics.failures;

/** The ESCO store failed for a reason that is not the input's fault (disk, lock, bug). */
public class EscoStoreException extends RuntimeException {
  public EscoStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
