package eu.skillsobservatory.analytics.esco;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What one loaded ESCO version holds, counted when it was loaded.
 *
 * @param version the ESCO version
 * @param current whether it is the version answered when none is asked for (the newest)
 * @param skills concepts typed {@code esco:Skill}
 * @param knowledge of those, the ones whose skill type is knowledge
 * @param occupations concepts typed {@code esco:Occupation}
 * @param iscoGroups ISCO-08 groups
 * @param skillGroups nodes of the skills hierarchy
 * @param occupationSkillRelations distinct occupation-skill links, essential or optional
 * @param essentialRelations of those, the essential ones
 * @param skillSkillRelations distinct skill-skill links
 * @param triples the triples in the version's graph
 * @param languages the languages of the preferred labels
 * @param loadedAt when the load committed
 * @param sources the files it was loaded from
 */
public record VersionSummary(
    EscoVersion version,
    boolean current,
    long skills,
    long knowledge,
    long occupations,
    long iscoGroups,
    long skillGroups,
    long occupationSkillRelations,
    long essentialRelations,
    long skillSkillRelations,
    long triples,
    List<String> languages,
    Instant loadedAt,
    List<String> sources) {

  public VersionSummary {
    Objects.requireNonNull(version, "version");
    languages = List.copyOf(languages);
    sources = List.copyOf(sources);
  }

  /** The same version, its sources named as {@code name} gives them (a file name, say). */
  public VersionSummary withSources(UnaryOperator<String> name) {
    return copy(current, sources.stream().map(name).toList());
  }

  public VersionSummary asCurrent(boolean isCurrent) {
    return copy(isCurrent, sources);
  }

  private VersionSummary copy(boolean isCurrent, List<String> from) {
    return new VersionSummary(
        version,
        isCurrent,
        skills,
        knowledge,
        occupations,
        iscoGroups,
        skillGroups,
        occupationSkillRelations,
        essentialRelations,
        skillSkillRelations,
        triples,
        languages,
        loadedAt,
        from);
  }
}
