package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a load's files say of their ESCO version, and what a loaded version holds. */
final class EscoVersions {
  private EscoVersions() {}

  /** The counts of a version, from the facts its load gathered. */
  static VersionSummary count(EscoFacts facts, long triples, EscoVersion v, List<String> sources) {
    Map<String, ConceptType> types = facts.conceptTypes();
    long[] byType = new long[ConceptType.values().length];
    types.values().forEach(t -> byType[t.ordinal()]++);
    long[] rel = new long[3]; // occupation essential, occupation optional, skill-skill
    for (EscoFacts.Link l : facts.links()) {
      ConceptType from = types.get(l.from().getURI());
      if (from == ConceptType.OCCUPATION) {
        rel[l.essential() ? 0 : 1]++;
      } else if (from == ConceptType.SKILL) {
        rel[2]++;
      }
    }
    return new VersionSummary(
        v,
        false,
        byType[ConceptType.SKILL.ordinal()],
        facts.knowledgeSkills(),
        byType[ConceptType.OCCUPATION.ordinal()],
        byType[ConceptType.ISCO_GROUP.ordinal()],
        byType[ConceptType.SKILL_GROUP.ordinal()],
        rel[0] + rel[1],
        rel[0],
        rel[2],
        triples,
        List.copyOf(facts.languages()),
        Instant.now(),
        sources);
  }

  static EscoVersion versionOf(List<Path> paths, Optional<EscoVersion> explicit) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    EscoVersion found = null;
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Optional<EscoVersion> v = EscoVersion.inFileName(String.valueOf(abs.getFileName()));
      if (v.isEmpty() && abs.getParent() != null) {
        v = EscoVersion.inFileName(String.valueOf(abs.getParent().getFileName()));
      }
      if (v.isPresent()) {
        if (found != null && !found.equals(v.get())) {
          throw new EscoInputException(
              p.toString(),
              "",
              "its name says ESCO "
                  + v.get()
                  + " but another file says "
                  + found
                  + "; load one version at a time");
        }
        found = v.get();
      }
    }
    if (found == null) {
      throw new EscoInputException(
          paths.get(0).toString(),
          "",
          "the ESCO version is not in the file names; give it with --esco-version (e.g. v1.1.1)");
    }
    return found;
  }
}
