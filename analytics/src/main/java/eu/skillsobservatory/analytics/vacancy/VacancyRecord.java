package eu.skillsobservatory.analytics.vacancy;

import java.util.List;

/**
 * A vacancy as kept: the input, and what ingest added to it.
 *
 * @param vacancy the row as read
 * @param language the text's language: given, or detected
 * @param languageDetected whether it was detected
 * @param iscoCode the ISCO-08 code of its occupation, or null
 * @param occupationUnknown the occupation URI names no occupation of any loaded ESCO version
 * @param skills given and extracted skills, with their provenance
 * @param duplicateOf {@code source/id} of the vacancy this one duplicates, or null
 * @param fingerprint the text's near-duplicate fingerprint ({@link NearDuplicates}), Base64
 * @param ingest the id of the ingest run that wrote it
 */
public record VacancyRecord(
    Vacancy vacancy,
    String language,
    boolean languageDetected,
    String iscoCode,
    boolean occupationUnknown,
    List<SkillEvidence> skills,
    String duplicateOf,
    String fingerprint,
    String ingest) {
  public VacancyRecord {
    skills = List.copyOf(skills);
  }
}
