package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ESCO classification as loaded into the observatory: every loaded version, its concepts and
 * their relations. Labels are asked for in one language and fall back to English.
 */
public interface SkillCatalog {

  /** The loaded versions, oldest first; the newest is marked current. */
  List<VersionSummary> versions();

  /** The newest loaded version, if any is loaded. */
  Optional<EscoVersion> currentVersion();

  /**
   * One concept of one version.
   *
   * @param version the version to read; empty for the current one
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  Optional<Concept> concept(String uri, String language, Optional<EscoVersion> version);

  /**
   * The concepts and occupation-skill links of one version, for comparing versions.
   *
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  VersionSnapshot snapshot(EscoVersion version, String language);

  /**
   * Every concept of one version with its labels in all languages, for indexing.
   *
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  void forEachConcept(EscoVersion version, Consumer<ConceptDocument> action);

  /**
   * Every concept's direct parents ({@code skos:broader}) in one version: skills to skill groups or
   * to broader skills, skill groups to skill groups.
   *
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  Map<String, List<String>> broader(EscoVersion version);

  /** The version asked for, or the current one; fails if it is not loaded. */
  default EscoVersion resolve(Optional<EscoVersion> version) {
    List<EscoVersion> loaded = versions().stream().map(VersionSummary::version).toList();
    if (version.isPresent()) {
      if (!loaded.contains(version.get())) {
        throw new UnknownEscoVersionException(version.get().value(), loaded);
      }
      return version.get();
    }
    return currentVersion().orElseThrow(() -> new UnknownEscoVersionException("current", loaded));
  }

  /**
   * The current version as loaded: its summary, whose load time tells a version loaded again under
   * the same name from the one read before. What is kept per version is kept per this.
   *
   * @throws UnknownEscoVersionException if no version is loaded
   */
  default VersionSummary currentLoad() {
    List<VersionSummary> all = versions();
    List<EscoVersion> loaded = all.stream().map(VersionSummary::version).toList();
    EscoVersion v =
        currentVersion().orElseThrow(() -> new UnknownEscoVersionException("current", loaded));
    return all.stream()
        .filter(s -> s.version().equals(v))
        .findFirst()
        .orElseThrow(() -> new UnknownEscoVersionException("current", loaded));
  }

  /** Compares two loaded versions. */
  default VersionDiff diff(EscoVersion from, EscoVersion to, String language) {
    return EscoDiff.compare(snapshot(from, language), snapshot(to, language), language);
  }
}
