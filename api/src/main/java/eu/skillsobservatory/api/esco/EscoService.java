package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptIndex;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.EscoLoader;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.RemoteConcepts;
import eu.skillsobservatory.analytics.esco.RemoteConcepts.RemoteConcept;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The ESCO use cases shared by the command line and the REST API. */
@Service
public class EscoService {
  private final EscoLoader store;
  private final SkillCatalog catalog;
  private final ObjectProvider<ConceptIndex> search;
  private final ObjectProvider<RemoteConcepts> web;

  /**
   * @param search resolved only when searching or indexing, so that commands that do neither never
   *     start Elasticsearch
   * @param web the ESCO web service, present only when {@code observatory.esco-api.enabled}
   */
  public EscoService(
      EscoLoader store,
      SkillCatalog catalog,
      ObjectProvider<ConceptIndex> search,
      ObjectProvider<RemoteConcepts> web) {
    this.store = store;
    this.catalog = catalog;
    this.search = search;
    this.web = web;
  }

  /**
   * A concept no loaded version knows, from the ESCO web service when that fallback is enabled;
   * empty when it is off or the web service does not know the concept either.
   */
  public Optional<RemoteConcept> remote(String uri, String language) {
    RemoteConcepts service = web.getIfAvailable();
    return service == null ? Optional.empty() : service.concept(uri, language);
  }

  /** Loads a version into TDB2 only; {@link #index} makes it searchable. */
  public LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    return store.load(paths, version, progress);
  }

  /**
   * Builds the search index of a version from TDB2 and swaps it in.
   *
   * @throws IndexingFailedException when Elasticsearch refused documents (named by URI)
   */
  public ConceptIndex.IndexReport index(Optional<EscoVersion> version, Progress progress) {
    EscoVersion v = catalog.resolve(version);
    ConceptIndex.IndexReport report = search.getObject().reindex(catalog, v, progress);
    if (!report.failed().isEmpty()) {
      throw new IndexingFailedException(v, report.failed());
    }
    return report;
  }

  /** Whether the current version is searchable; false when no version was ever indexed. */
  public boolean isIndexed() {
    return search.getObject().isIndexed();
  }

  public ConceptSearch.Page search(ConceptSearch.Query query) {
    return search.getObject().search(query);
  }

  public ConceptSearch.Page suggest(ConceptSearch.Query query) {
    return search.getObject().suggest(query);
  }

  public List<VersionSummary> versions() {
    return catalog.versions();
  }

  /**
   * @throws UnknownConceptException when the version has no such concept
   */
  public Concept concept(String uri, String language, Optional<EscoVersion> version) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("uri: give the ESCO URI of a concept");
    }
    EscoVersion v = catalog.resolve(version);
    Optional<Concept> local = catalog.concept(uri.trim(), language, Optional.of(v));
    if (local.isPresent()) {
      return local.get();
    }
    if (version.isEmpty() && catalog.versions().stream().noneMatch(x -> knows(x, uri.trim()))) {
      Optional<RemoteConcept> r = remote(uri.trim(), language);
      if (r.isPresent()) {
        return asConcept(r.get());
      }
    }
    throw new UnknownConceptException(uri.trim(), v);
  }

  /** The most concepts one call labels. */
  public static final int MAX_LABELS = 200;

  /**
   * Preferred labels in a language, of the current version, for the concepts it holds (others left
   * out): what a dashboard shows in place of the English labels of an answer.
   */
  public Map<String, String> labels(List<String> uris, String language) {
    if (uris.size() > MAX_LABELS) {
      throw new IllegalArgumentException(
          "uri: at most " + MAX_LABELS + " concepts at once, not " + uris.size());
    }
    EscoVersion v = catalog.resolve(Optional.empty());
    Map<String, String> out = new LinkedHashMap<>();
    for (String uri : uris) {
      catalog
          .concept(uri.strip(), language, Optional.of(v))
          .filter(c -> c.preferredLabel() != null && !c.preferredLabel().isBlank())
          .ifPresent(c -> out.put(c.uri(), c.preferredLabel()));
    }
    return out;
  }

  private boolean knows(VersionSummary v, String uri) {
    return catalog.concept(uri, "en", Optional.of(v.version())).isPresent();
  }

  /**
   * A concept of the web service in the shape of a local one; its {@code version} is the one the
   * web service was asked for, which no loaded version has, and its {@code availableLanguages} is
   * the language of its labels only.
   */
  static Concept asConcept(RemoteConcept r) {
    return new Concept(
        r.uri(),
        r.type(),
        EscoVersion.parse(r.version()),
        r.language(),
        r.preferredLabel(),
        r.altLabels().stream().filter(a -> !a.equals(r.preferredLabel())).distinct().toList(),
        List.of(),
        r.description(),
        null,
        null,
        r.code().isEmpty() ? null : r.code(),
        r.iscoGroup(),
        r.broader(),
        List.of(),
        List.of(),
        r.essentialSkills(),
        r.optionalSkills(),
        List.of(),
        List.of(),
        List.of(r.language()));
  }

  public VersionDiff diff(EscoVersion from, EscoVersion to, String language) {
    catalog.resolve(Optional.of(from));
    catalog.resolve(Optional.of(to));
    return catalog.diff(from, to, language);
  }
}
