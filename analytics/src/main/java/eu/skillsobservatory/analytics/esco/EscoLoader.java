package eu.skillsobservatory.analytics.esco;

import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads ESCO versions into the store, one named graph per version: the official CSV download or RDF
 * dump, zipped or not. A load replaces an earlier load of the same version at once, or changes
 * nothing when it fails.
 */
public interface EscoLoader {
  /**
   * @param version the version the files hold, when their names do not say
   */
  LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress);

  /** Where the store is, for logs and health: a folder, or a SPARQL server's URL. */
  String location();
}
