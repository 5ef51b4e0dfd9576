package eu.skillsobservatory.analytics.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One training offer as ingested (schema: {@code src/docs/offer-schema.md}): a course, programme or
 * qualification a provider runs, with the learning outcomes it promises.
 *
 * @param source the catalogue or file it came from; with {@code id}, its identity
 * @param id its id, unique within the source
 * @param provider the training provider's name
 * @param title its title
 * @param description what it is about, or empty
 * @param country ISO 3166-1 alpha-2 code of where it is given
 * @param region NUTS code, or null
 * @param eqf European Qualifications Framework level 1 to 8, or null
 * @param iscedF ISCED-F 2013 field code, or null
 * @param mode classroom, blended, online or work-based; null when not said
 * @param hours volume of learning in hours, or null
 * @param ects ECTS credits, or null
 * @param cost the fee, or null when not said (0: free)
 * @param currency ISO 4217 code of the fee, or null
 * @param language ISO 639-1 code of the teaching language, or null
 * @param startDates when it starts
 * @param outcomes its learning outcomes
 * @param skills ESCO skill URIs the source gave for the offer as a whole
 * @param url where it is described, or null
 * @param format how it came in: {@code csv}, {@code jsonl} or {@code elm}
 */
public record Offer(
    String source,
    String id,
    String provider,
    String title,
    String description,
    String country,
    String region,
    Integer eqf,
    String iscedF,
    String mode,
    Double hours,
    Double ects,
    Double cost,
    String currency,
    String language,
    List<LocalDate> startDates,
    List<Outcome> outcomes,
    List<String> skills,
    String url,
    String format) {

  /** The modes of delivery the schema knows. */
  public static final List<String> MODES = List.of("classroom", "blended", "online", "work-based");

  /** A learning outcome: its text, and the ESCO skills the source tied to it (empty: extracted). */
  public record Outcome(String text, List<String> skills) {
    public Outcome {
      text = text == null ? "" : text;
      skills = List.copyOf(skills);
    }
  }

  public Offer {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    provider = provider == null ? "" : provider;
    startDates = List.copyOf(startDates);
    outcomes = List.copyOf(outcomes);
    skills = List.copyOf(skills);
  }

  /** The identity: the same source and id is the same offer, replaced by a new ingest. */
  public String key() {
    return source + "/" + id;
  }
}
