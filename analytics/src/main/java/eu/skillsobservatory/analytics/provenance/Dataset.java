package eu.skillsobservatory.analytics.provenance;

import java.time.Instant;
import java.util.List;

/**
 * A named set of loaded rows: every load of vacancies writes into one, so a user can tell where a
 * figure's data came from, filter on it and remove it.
 *
 * @param name the name given at load (letters, digits, '.', '-', '_')
 * @param kind what it holds: {@code vacancies}
 * @param synthetic made by a generator, not real adverts (the samples, {@code generate vacancies})
 * @param loadedAt when its last load finished
 * @param escoVersion the ESCO version skills and occupations were coded with
 * @param extractionMode the skill extraction mode of the load
 * @param files the files loaded into it
 * @param rows the rows written into it, over all its loads
 */
public record Dataset(
    String name,
    String kind,
    boolean synthetic,
    Instant loadedAt,
    String escoVersion,
    String extractionMode,
    List<String> files,
    long rows) {
  public Dataset {
    files = List.copyOf(files);
  }
}
