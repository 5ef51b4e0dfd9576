package eu.skillsobservatory.analytics.vacancy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One job advert as ingested (schema: {@code src/docs/vacancy-schema.md}).
 *
 * @param source the portal or dataset it came from; with {@code id}, its identity
 * @param id its id, unique within the source
 * @param posted the day it was posted
 * @param country ISO 3166-1 alpha-2 country code (upper case; {@code EL} and {@code UK} as Eurostat
 *     writes them are accepted)
 * @param region NUTS code, or null
 * @param nace NACE Rev. 2 section letter or division code, or null
 * @param occupation an ESCO occupation URI or an ISCO-08 code, or null
 * @param title the advert's title, or empty
 * @param description its text, or empty
 * @param language ISO 639-1 code of the text, or null to detect
 * @param skills ESCO skill URIs the source gave
 * @param employer the employer's name, or null
 */
public record Vacancy(
    String source,
    String id,
    LocalDate posted,
    String country,
    String region,
    String nace,
    String occupation,
    String title,
    String description,
    String language,
    List<String> skills,
    String employer) {
  public Vacancy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(posted, "posted");
    Objects.requireNonNull(country, "country");
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    skills = List.copyOf(skills);
  }

  /** The identity: the same source and id is the same vacancy, updated by a new ingest. */
  public String key() {
    return source + "\u001f" + id;
  }
}
