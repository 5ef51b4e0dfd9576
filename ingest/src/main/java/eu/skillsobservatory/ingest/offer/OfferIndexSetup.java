package eu.skillsobservatory.ingest.offer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.search.SkillFields;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

/**
 * The offers index's initializer: an empty index behind the alias {@code offers} when there is none
 * (idempotent, safe when two instances race), and the indices of dead loads dropped. Runs once per
 * adapter, again on the next call when Elasticsearch failed.
 */
final class OfferIndexSetup {
  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","_meta":{"mappingVersion":1},"properties":{
        "source":{"type":"keyword"},"id":{"type":"keyword"},
        "provider":{"type":"keyword"},
        "title":{"type":"text","analyzer":"standard","fields":{"raw":{"type":"keyword"}}},
        "description":{"type":"text","index":false},
        "country":{"type":"keyword"},"region":{"type":"keyword"},
        "eqf":{"type":"integer"},"isced":{"type":"keyword"},"mode":{"type":"keyword"},
        "hours":{"type":"float"},"ects":{"type":"float"},
        "cost":{"type":"float"},"currency":{"type":"keyword"},
        "language":{"type":"keyword"},"start":{"type":"date","format":"yyyy-MM-dd"},
        "outcomes":{"type":"object","enabled":false},
        "url":{"type":"keyword","index":false},"format":{"type":"keyword"},
        %s,
        "ingest":{"type":"keyword"},"ingestedAt":{"type":"date"}}}}
      """
          .formatted(SkillFields.MAPPING);

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  OfferIndexSetup(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
  }

  private volatile boolean ready;

  /**
   * The index set-up, once per adapter: creates an empty index behind the alias when there is none
   * and drops dead loads' indices. Retried on the next call when Elasticsearch failed.
   */
  void ensure() {
    if (ready) {
      return;
    }
    setUp();
    ready = true;
  }

  private void setUp() {
    try {
      boolean alias =
          connection.withRetries(
              "checking the offers alias",
              () -> es.indices().existsAlias(a -> a.name(OfferIndex.ALIAS)).value());
      if (!alias) {
        String index = OfferIndex.PREFIX + System.currentTimeMillis();
        es.indices()
            .create(
                c ->
                    c.index(index)
                        .withJson(new StringReader(MAPPING))
                        .aliases(OfferIndex.ALIAS, a -> a));
      }
      dropOrphans();
    } catch (ElasticsearchException e) {
      if (!SearchConnection.alreadyExists(e)) {
        throw new SearchStoreException("cannot create the offers index: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new SearchStoreException("Elasticsearch did not answer: " + e.getMessage(), e);
    }
  }

  private void dropOrphans() throws IOException {
    Set<String> live = es.indices().getAlias(a -> a.name(OfferIndex.ALIAS)).result().keySet();
    long now = System.currentTimeMillis();
    for (String index : es.indices().get(g -> g.index(OfferIndex.PREFIX + "*")).result().keySet()) {
      if (live.contains(index)) {
        continue;
      }
      try {
        long made = Long.parseLong(index.substring(OfferIndex.PREFIX.length()));
        if (now - made > OfferIndex.ORPHAN_AFTER_MS) {
          dropQuietly(index);
        }
      } catch (NumberFormatException e) {
        // not one of ours
      }
    }
  }

  private void dropQuietly(String index) {
    try {
      es.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException ignored) {
      // the index may never have been made
    }
  }
}
