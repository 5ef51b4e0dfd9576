package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.esco.LoadReport;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The ESCO use cases shared by the command line and the REST API. */
@Service
public class EscoService {
  private final TdbEscoStore store;
  private final SkillCatalog catalog;

  public EscoService(TdbEscoStore store, SkillCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  public LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    return store.load(paths, version, progress);
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
