package eu.skillsobservatory.analytics.failures;

/** Why a SPARQL query was not run, or was stopped: its kind names the problem for the client. */
public final class QueryRefusedException extends RuntimeException {
  /** What was wrong. */
  public enum Kind {
    SYNTAX,
    UPDATE,
    SERVICE,
    FORMAT,
    TIMEOUT,
    LIMIT
  }

  public final Kind kind;

  public QueryRefusedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }
}
