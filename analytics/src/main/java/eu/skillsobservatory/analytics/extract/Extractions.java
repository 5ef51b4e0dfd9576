package eu.skillsobservatory.analytics.extract;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import java.util.Optional;

/** Skill extraction from one text over a loaded ESCO version: what a use case asks of it. */
public interface Extractions {
  /**
   * @param language the text's language, or null to guess it
   * @param top at most this many skills
   * @param version the ESCO version, or empty for the current one
   */
  Extraction extract(
      String text, String language, ExtractionMode mode, int top, Optional<EscoVersion> version);
}
