package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Optional;

/**
 * The ESCO web-service API, asked for concepts that no loaded version knows (a newer ESCO's, say);
 * only when that fallback is switched on.
 */
public interface RemoteConcepts {
  /**
   * A concept as the web service gives it.
   *
   * @param version the ESCO version asked for
   * @param code an occupation's ESCO code, or empty
   * @param iscoGroup an occupation's ISCO-08 unit group, or null
   */
  record RemoteConcept(
      String uri,
      ConceptType type,
      String version,
      String language,
      String preferredLabel,
      List<String> altLabels,
      String description,
      String code,
      ConceptRef iscoGroup,
      List<ConceptRef> broader,
      List<ConceptRef> essentialSkills,
      List<ConceptRef> optionalSkills) {

    /** The ISCO-08 unit group code of an occupation ({@code 2512}), or empty. */
    public Optional<String> iscoCode() {
      if (!code.isEmpty()) {
        int dot = code.indexOf('.');
        return Optional.of(dot > 0 ? code.substring(0, dot) : code);
      }
      if (iscoGroup != null) {
        String local = iscoGroup.uri().substring(iscoGroup.uri().lastIndexOf('/') + 1);
        return Optional.of(local.replaceFirst("^C", ""));
      }
      return Optional.empty();
    }
  }

  /**
   * The concept, or empty when the web service does not know it.
   *
   * @throws eu.skillsobservatory.analytics.failures.RemoteServiceException when it did not answer
   */
  Optional<RemoteConcept> concept(String uri, String language);
}
