package eu.skillsobservatory.analytics.export;

import static eu.skillsobservatory.analytics.export.VacancyRow.text;

import java.util.List;
import java.util.Map;

/**
 * A training offer as exported: the offer as loaded, the skills it teaches with their ESCO labels
 * (given by its learning outcomes or extracted, with their spans), and where it came from.
 *
 * @param eqf its EQF level, or null
 * @param isced its ISCED-F field, or null
 * @param start its start dates (yyyy-MM-dd)
 * @param format the format it was loaded from ({@code elm}, {@code jsonl}, {@code csv})
 */
public record OfferRow(
    String source,
    String id,
    String title,
    String provider,
    String description,
    String country,
    String region,
    Integer eqf,
    String isced,
    String mode,
    Double hours,
    Double ects,
    Double cost,
    String currency,
    String language,
    List<String> start,
    String url,
    String format,
    List<SkillOut> skills,
    Provenance provenance) {

  /**
   * Where an offer came from.
   *
   * @param ingest the load that wrote it
   * @param ingestedAt when
   * @param escoVersion the ESCO version of its labels
   */
  public record Provenance(String ingest, String ingestedAt, String escoVersion) {}

  static OfferRow of(Map<String, Object> d, RowLabels labels) {
    return new OfferRow(
        text(d, "source"),
        text(d, "id"),
        text(d, "title"),
        text(d, "provider"),
        text(d, "description"),
        text(d, "country"),
        text(d, "region"),
        d.get("eqf") instanceof Number n ? n.intValue() : null,
        text(d, "isced"),
        text(d, "mode"),
        decimal(d.get("hours")),
        decimal(d.get("ects")),
        decimal(d.get("cost")),
        text(d, "currency"),
        text(d, "language"),
        d.get("start") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
        text(d, "url"),
        text(d, "format"),
        SkillOut.of(d, labels.skills()),
        new Provenance(text(d, "ingest"), text(d, "ingestedAt"), labels.version()));
  }

  private static Double decimal(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }
}
