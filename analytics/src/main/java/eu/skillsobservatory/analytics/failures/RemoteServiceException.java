package eu.skillsobservatory.analytics.failures;

/** A remote service (Eurostat, the ESCO web service) could not give what was asked. */
public class RemoteServiceException extends RuntimeException {
  private final int status;

  public RemoteServiceException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the last answer, or 0 when none came (timeout, refused connection). */
  public int status() {
    return status;
  }
}
