package eu.skillsobservatory.analytics.esco;

import java.util.List;

/** A request named an ESCO version that is not loaded. */
public class UnknownEscoVersionException extends RuntimeException {
  private final String requested;

  public UnknownEscoVersionException(String requested, List<EscoVersion> loaded) {
    super(
        loaded.isEmpty()
            ? "no ESCO version is loaded (asked for " + requested + "); run 'ingest esco' first"
            : "ESCO version " + requested + " is not loaded; loaded: " + loaded);
    this.requested = requested;
  }

  public String requested() {
    return requested;
  }
}
