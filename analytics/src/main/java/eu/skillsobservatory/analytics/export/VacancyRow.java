package eu.skillsobservatory.analytics.export;

import java.util.List;
import java.util.Map;

/**
 * A vacancy as exported: the row as loaded, its occupation and skills with their ESCO labels, its
 * duplicate mark, and where it came from.
 */
public record VacancyRow(
    String source,
    String id,
    String posted,
    String country,
    String region,
    String nace,
    String naceSection,
    String title,
    String description,
    String employer,
    String language,
    boolean languageDetected,
    Occupation occupation,
    List<SkillOut> skills,
    boolean duplicate,
    String duplicateOf,
    Provenance provenance) {

  /**
   * The vacancy's occupation.
   *
   * @param given the occupation as the row gave it (an ESCO URI or an ISCO code), or null
   * @param uri the ESCO occupation it is filed under: given, or coded from its title
   * @param label that occupation's preferred label in the ESCO version of the labels
   * @param coding how it is known: {@code given}, {@code isco}, {@code title} or {@code none}
   * @param confidence 1 for a given URI, the coder's confidence for a coded one
   * @param isco the ISCO-08 unit group
   * @param unknown the given URI names no occupation of any loaded ESCO version
   */
  public record Occupation(
      String given,
      String uri,
      String label,
      String coding,
      Double confidence,
      String isco,
      boolean unknown) {}

  /**
   * Where a row came from.
   *
   * @param dataset the dataset its load was given, or null
   * @param synthetic whether the dataset is synthetic (generated, not real adverts)
   * @param ingest the ingest run that wrote it
   * @param ingestedAt when
   * @param escoVersion the ESCO version of its labels
   */
  public record Provenance(
      String dataset, boolean synthetic, String ingest, String ingestedAt, String escoVersion) {}

  static VacancyRow of(Map<String, Object> d, RowLabels labels) {
    String uri = text(d, "escoOccupation");
    return new VacancyRow(
        text(d, "source"),
        text(d, "id"),
        text(d, "posted"),
        text(d, "country"),
        text(d, "region"),
        text(d, "nace"),
        text(d, "naceSection"),
        text(d, "title"),
        text(d, "description"),
        text(d, "employer"),
        text(d, "language"),
        Boolean.TRUE.equals(d.get("languageDetected")),
        new Occupation(
            text(d, "occupation"),
            uri,
            labels.occupation(uri),
            text(d, "occupationCoding"),
            d.get("occupationConfidence") instanceof Number n ? n.doubleValue() : null,
            text(d, "isco"),
            Boolean.TRUE.equals(d.get("occupationUnknown"))),
        SkillOut.of(d, labels.skills()),
        Boolean.TRUE.equals(d.get("duplicate")),
        text(d, "duplicateOf"),
        new Provenance(
            text(d, "dataset"),
            Boolean.TRUE.equals(d.get("synthetic")),
            text(d, "ingest"),
            text(d, "ingestedAt"),
            labels.version()));
  }

  static String text(Map<String, Object> d, String field) {
    Object v = d.get(field);
    return v == null ? null : v.toString();
  }
}
