package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import eu.skillsobservatory.analytics.cache.DataVersion;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link DataVersion} kept in Elasticsearch, so that every instance sharing the cluster sees
 * the same: one document whose token is replaced by a new random one each time a writer has made a
 * change visible (after its refresh). Read by id, in real time. Two are kept: {@code data}, of
 * everything queries read, and {@code vacancies}, of the vacancies alone (what counts kept at
 * ingest are stamped with).
 */
final class StoredDataVersion implements DataVersion {
  static final String INDEX = "observatory-state";
  static final String ID = "data";
  static final String VACANCIES = "vacancies";
  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "token":{"type":"keyword","index":false},"changedAt":{"type":"date"}}}}
      """;

  /** The token of a store where nothing was ever written. */
  static final String NONE = "none";

  private final SearchConnection connection;
  private final String id;
  private volatile boolean ready;

  StoredDataVersion(SearchConnection connection, String id) {
    this.connection = connection;
    this.id = id;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public String current() {
    try {
      var r =
          connection.withRetries(
              "reading the data version",
              () -> connection.client().get(g -> g.index(INDEX).id(id), Map.class));
      Object token = r.found() && r.source() != null ? r.source().get("token") : null;
      return token == null ? NONE : token.toString();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return NONE;
      }
      throw new SearchStoreException("cannot read the data version: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SearchStoreException("cannot read the data version: " + e.getMessage(), e);
    }
  }

  /** Gives the data a new version: what was computed before is not given again. */
  void advance() {
    try {
      if (!ready) {
        connection.createIfMissing(INDEX, MAPPING);
        ready = true;
      }
      Map<String, Object> doc =
          Map.of("token", UUID.randomUUID().toString(), "changedAt", Instant.now().toString());
      connection.withRetries(
          "advancing the data version",
          () -> connection.client().index(i -> i.index(INDEX).id(id).document(doc)));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot advance the data version: " + e.getMessage(), e);
    }
  }
}
