package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.esco.LoadReport;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import eu.skillsobservatory.ingest.search.EscoSearchIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The ESCO use cases shared by the command line and the REST API. */
@Service
public class EscoService {
  private final TdbEscoStore store;
  private final SkillCatalog catalog;
  private final ObjectProvider<EscoSearchIndex> search;

  /**
   * @param search resolved only when searching or indexing, so that commands that do neither never
   *     start Elasticsearch
   */
  public EscoService(
      TdbEscoStore store, SkillCatalog catalog, ObjectProvider<EscoSearchIndex> search) {
    this.store = store;
    this.catalog = catalog;
    this.search = search;
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
  public EscoSearchIndex.IndexReport index(Optional<EscoVersion> version, Progress progress) {
    EscoVersion v = catalog.resolve(version);
    EscoSearchIndex.IndexReport report = search.getObject().reindex(catalog, v, progress);
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
    return catalog
        .concept(uri.trim(), language, Optional.of(v))
        .orElseThrow(() -> new UnknownConceptException(uri.trim(), v));
  }

  public VersionDiff diff(EscoVersion from, EscoVersion to, String language) {
    catalog.resolve(Optional.of(from));
    catalog.resolve(Optional.of(to));
    return catalog.diff(from, to, language);
  }
}
