package eu.skillsobservatory.analytics.extract;

import eu.skillsobservatory.analytics.text.Choices;

/**
 * {@code FAST}: label matching with cheap disambiguation, for bulk ingest. {@code FULL}: adds the
 * ranking by meaning with a sentence-embedding model. Both give the same kind of output.
 */
public enum ExtractionMode {
  FAST,
  FULL;

  public static ExtractionMode parse(String s) {
    return Choices.parse(ExtractionMode.class, "mode", s);
  }
}
