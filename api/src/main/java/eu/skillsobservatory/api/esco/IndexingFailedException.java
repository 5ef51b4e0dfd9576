package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import java.util.List;

/** Elasticsearch refused some concepts of a version; the aliases were left where they were. */
public class IndexingFailedException extends RuntimeException {
  private final List<String> failed;

  public IndexingFailedException(EscoVersion version, List<String> failed) {
    super(
        "Elasticsearch refused "
            + failed.size()
            + " concepts of ESCO "
            + version
            + "; the search index was not switched. First: "
            + String.join("; ", failed.subList(0, Math.min(5, failed.size()))));
    this.failed = List.copyOf(failed);
  }

  public List<String> failed() {
    return failed;
  }
}
