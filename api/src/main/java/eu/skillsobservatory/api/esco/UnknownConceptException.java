package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;

/** No concept with that URI in that ESCO version. */
public class UnknownConceptException extends RuntimeException {
  public UnknownConceptException(String uri, EscoVersion version) {
    super("ESCO " + version + " has no skill, occupation, ISCO group or skill group " + uri);
  }
}
