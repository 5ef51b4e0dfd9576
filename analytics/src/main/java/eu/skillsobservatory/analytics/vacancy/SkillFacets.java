package eu.skillsobservatory.analytics.vacancy;

import java.util.List;

/**
 * The ESCO collections and the nearest skill groups of a vacancy's skills, and the ESCO version
 * they were taken from: written at ingest so that a query counts a collection or a group by one
 * term, and trusted only for that version.
 */
public record SkillFacets(String escoVersion, List<String> collections, List<String> groups) {
  public SkillFacets {
    collections = List.copyOf(collections);
    groups = List.copyOf(groups);
  }
}
