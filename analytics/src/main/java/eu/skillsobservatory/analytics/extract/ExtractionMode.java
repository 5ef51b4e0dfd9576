package eu.skillsobservatory.analytics.extract;

import java.util.Locale;

/**
 * {@code FAST}: label matching with cheap disambiguation, for bulk ingest. {@code FULL}: adds the
 * ranking by meaning with a sentence-embedding model. Both give the same kind of output.
 */
public enum ExtractionMode {
  FAST,
  FULL;

  public static ExtractionMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode: fast or full, not '" + s + "'");
    }
  }
}
