package eu.skillsobservatory.analytics.esco;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

  /**
   * The members of each ESCO collection (digital, green, transversal, ...) in one version, by the
   * collection's name. Reads every document unless a store knows a cheaper way; TDB2 does (a
   * document's labels and descriptions are most of what reading it costs).
   *
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  default Map<String, Set<String>> collections(EscoVersion version) {
    Map<String, Set<String>> out = new TreeMap<>();
    forEachConcept(
        version,
        d ->
            d.collections()
                .forEach(c -> out.computeIfAbsent(c, k -> new HashSet<>()).add(d.uri())));
    return out;
  }

  /**
   * The labels in one language (preferred, alternative, hidden; no description) of the concepts
   * asked for, in one version; none for a concept without a label in that language or not in the
   * version. Reads every document unless a store knows a cheaper way; TDB2 reads only these.
   *
   * @throws UnknownEscoVersionException if that version is not loaded
   */
  default Map<String, ConceptDocument.Labels> labels(
      EscoVersion version, Collection<String> uris, String language) {
    Set<String> wanted = new HashSet<>(uris);
    Map<String, ConceptDocument.Labels> out = new HashMap<>();
    forEachConcept(
        version,
        d -> {
          ConceptDocument.Labels l = d.labels().get(language);
          if (l != null && wanted.contains(d.uri())) {
            out.put(
                d.uri(),
                new ConceptDocument.Labels(l.preferred(), l.alternative(), l.hidden(), ""));
          }
        });
    return out;
  }

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
