package eu.skillsobservatory.analytics.esco;

import eu.skillsobservatory.analytics.progress.Progress;
import java.time.Duration;
import java.util.List;

/**
 * The search index of the ESCO concepts: built from a version of the catalog and swapped in whole,
 * then searched by label in every language loaded.
 */
public interface ConceptIndex {

  /** What an index run did: the documents written, and those refused, named by URI. */
  record IndexReport(
      EscoVersion version, String index, long documents, Duration duration, List<String> failed) {
    public IndexReport {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Builds a fresh index of {@code version} from the catalog and swaps it in; the old index of that
   * version is then dropped. When documents were refused the old index stays in place.
   */
  IndexReport reindex(SkillCatalog catalog, EscoVersion version, Progress progress);

  /** Whether the current version is searchable with the mapping of this code. */
  boolean isIndexed();

  /** Concepts whose labels match the query's words (see {@link ConceptSearch#search}). */
  ConceptSearch.Page search(ConceptSearch.Query query);

  /** Concepts whose labels start with the query's text (see {@link ConceptSearch#suggest}). */
  ConceptSearch.Page suggest(ConceptSearch.Query query);
}
