package eu.skillsobservatory.ingest.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers of ESCO searches, kept per index behind the alias (ESCO does not change between
 * reindexes): the indices are re-read at most every few seconds, and when they change (a reindex
 * here or in another process) the answers are dropped.
 */
final class SearchAnswers {
  private record Key(String indices, String kind, ConceptSearch.Query query) {}

  private record Generation(String indices, long checkedAt) {}

  private final long aliasCheckNanos;
  private final Supplier<String> indicesBehindAlias;
  private final Cache<Key, ConceptSearch.Page> cache =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterAccess(Duration.ofHours(1)).build();
  private volatile Generation generation = new Generation("", 0);

  /**
   * @param aliasCheck how long an answer may be served after another process moved the alias
   * @param indicesBehindAlias the indices behind the alias, sorted and joined; empty for none
   */
  SearchAnswers(Duration aliasCheck, Supplier<String> indicesBehindAlias) {
    this.aliasCheckNanos = aliasCheck.toNanos();
    this.indicesBehindAlias = indicesBehindAlias;
  }

  /** The answer of one kind of search, computed once per normalized query and index. */
  ConceptSearch.Page get(
      String kind,
      ConceptSearch.Query q,
      Function<ConceptSearch.Query, ConceptSearch.Page> compute) {
    ConceptSearch.Query normal =
        new ConceptSearch.Query(
            q.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT),
            q.language().toLowerCase(Locale.ROOT),
            q.type(),
            q.collection(),
            q.limit(),
            q.offset());
    String indices = currentIndices();
    if (indices.isEmpty()) {
      return compute.apply(normal); // nothing indexed: let Elasticsearch say so
    }
    return cache.get(new Key(indices, kind, normal), k -> compute.apply(k.query()));
  }

  private String currentIndices() {
    Generation g = generation;
    long now = System.nanoTime();
    if (!g.indices().isEmpty() && now - g.checkedAt() < aliasCheckNanos) {
      return g.indices();
    }
    String indices = indicesBehindAlias.get();
    if (!indices.equals(g.indices())) {
      cache.invalidateAll();
    }
    generation = new Generation(indices, now);
    return indices;
  }

  /** Drops every answer and re-reads the indices at the next search (after a reindex here). */
  void clear() {
    cache.invalidateAll();
    generation = new Generation("", 0);
  }

  /** How many answers are cached. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
