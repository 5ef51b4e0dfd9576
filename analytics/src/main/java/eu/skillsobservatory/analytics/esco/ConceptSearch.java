package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Finds ESCO concepts by their labels: full-text search and type-ahead suggestions. */
public interface ConceptSearch {

  /** Typo-tolerant search over preferred, alternative and hidden labels. */
  Page search(Query query);

  /** Type-ahead: concepts whose labels start with the words typed so far. */
  Page suggest(Query query);

  /**
   * What to look for.
   *
   * @param text the words typed
   * @param language the label language; concepts without labels in it are found by English
   * @param type only concepts of this type, if given
   * @param collection only concepts in this ESCO collection (digital, green...), if given
   * @param limit the page size, 1 to 100
   * @param offset how many hits to skip
   */
  record Query(
      String text,
      String language,
      Optional<ConceptType> type,
      Optional<String> collection,
      int limit,
      int offset) {
    public Query {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("q: give some text to search for");
      }
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit: 1 to 100, not " + limit);
      }
      if (offset < 0 || offset > 10_000) {
        throw new IllegalArgumentException("offset: 0 to 10000, not " + offset);
      }
      if (offset + limit > 10_000) {
        // The search window: no page reaches past the 10,000th hit.
        throw new IllegalArgumentException(
            "offset + limit: at most 10000 (the search window), not " + (offset + limit));
      }
      language = language == null || language.isBlank() ? "en" : language;
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(collection, "collection");
    }
  }

  /**
   * One concept found.
   *
   * @param uri the ESCO URI
   * @param label the preferred label in the language asked for, else English
   * @param type the concept's type
   * @param matchedLabel the label the text matched
   * @param matchedField preferred, alternative or hidden
   * @param score the relevance score (comparable within one answer only)
   */
  record Hit(
      String uri,
      String label,
      ConceptType type,
      String matchedLabel,
      String matchedField,
      double score) {}

  /** A page of hits with the total number of matches. */
  record Page(long total, List<Hit> hits) {
    public Page {
      hits = List.copyOf(hits);
    }
  }
}
