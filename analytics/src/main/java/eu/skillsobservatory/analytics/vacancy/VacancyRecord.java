package eu.skillsobservatory.analytics.vacancy;

import java.util.List;

/**
 * A vacancy as kept: the input, and what ingest added to it.
 *
 * @param vacancy the row as read
 * @param language the text's language: given, or detected
 * @param languageDetected whether it was detected
 * @param iscoCode the ISCO-08 code of its occupation, or null
 * @param occupationUnknown the occupation URI names no occupation of any loaded ESCO version, nor
 *     (when that fallback is on) of the ESCO web service
 * @param occupationRemote the occupation URI was resolved through the ESCO web service
 * @param coded the ESCO occupation coded from the title when the vacancy gives none, or null
 * @param skills given and extracted skills, with their provenance
 * @param duplicateOf {@code source/id} of the vacancy this one duplicates, or null
 * @param fingerprint the text's near-duplicate fingerprint ({@link NearDuplicates}), Base64
 * @param ingest the id of the ingest run that wrote it
 * @param phrases candidate terms outside ESCO in its text ({@code Phrases}), English only
 * @param bands the keys an original is found by ({@link BandKeys}); none for a duplicate
 * @param facets the collections and skill groups of its skills, or null where no ESCO version was
 *     at hand to take them from
 */
public record VacancyRecord(
    Vacancy vacancy,
    String language,
    boolean languageDetected,
    String iscoCode,
    boolean occupationUnknown,
    boolean occupationRemote,
    OccupationCoder.Coding coded,
    List<SkillEvidence> skills,
    String duplicateOf,
    String fingerprint,
    String ingest,
    List<String> phrases,
    List<String> bands,
    SkillFacets facets) {
  public VacancyRecord {
    skills = List.copyOf(skills);
    phrases = List.copyOf(phrases);
    bands = List.copyOf(bands);
  }

  /** The ESCO occupation the vacancy is filed under: the URI it gives, else the one coded. */
  public String escoOccupation() {
    String given = vacancy.occupation();
    if (given != null && given.startsWith("http")) {
      return given;
    }
    return coded == null ? null : coded.uri();
  }

  /**
   * How the occupation is known: {@code given}, {@code isco} (a code only), {@code title}, none.
   */
  public String occupationCoding() {
    String given = vacancy.occupation();
    if (given != null && given.startsWith("http")) {
      return "given";
    }
    if (coded != null) {
      return "title";
    }
    return given != null && !given.isBlank() ? "isco" : "none";
  }
}
