package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ESCO occupations of every loaded version with their ISCO-08 unit group code: to file a
 * vacancy's occupation under its ISCO group, and to tell an occupation URI no loaded version knows.
 */
public final class OccupationTable {
  private final Map<String, String> isco;

  private OccupationTable(Map<String, String> isco) {
    this.isco = Map.copyOf(isco);
  }

  public static OccupationTable of(SkillCatalog catalog) {
    Map<String, String> isco = new HashMap<>();
    for (VersionSummary v : catalog.versions()) {
      catalog.forEachConcept(
          v.version(),
          d -> {
            if (d.type() == ConceptType.OCCUPATION) {
              isco.putIfAbsent(d.uri(), iscoCode(d.code(), d.iscoGroup()));
            }
          });
    }
    return new OccupationTable(isco);
  }

  static String iscoCode(String escoCode, String iscoGroupUri) {
    if (escoCode != null && !escoCode.isBlank()) {
      int dot = escoCode.indexOf('.');
      return dot > 0 ? escoCode.substring(0, dot) : escoCode;
    }
    if (iscoGroupUri != null) {
      String local = iscoGroupUri.substring(iscoGroupUri.lastIndexOf('/') + 1);
      return local.replaceFirst("^C", "");
    }
    return "";
  }

  /** Whether some loaded version has this occupation. */
  public boolean knows(String uri) {
    return isco.containsKey(uri);
  }

  /**
   * The ISCO-08 code of an occupation as a vacancy gives it: an ESCO URI's unit group, or the ISCO
   * code itself; empty when unknown.
   */
  public Optional<String> iscoOf(String occupation) {
    if (occupation == null || occupation.isBlank()) {
      return Optional.empty();
    }
    if (occupation.chars().allMatch(Character::isDigit)) {
      return Optional.of(occupation);
    }
    String code = isco.get(occupation);
    return code == null || code.isEmpty() ? Optional.empty() : Optional.of(code);
  }

  public int size() {
    return isco.size();
  }
}
