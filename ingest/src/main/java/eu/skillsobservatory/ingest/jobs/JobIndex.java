package eu.skillsobservatory.ingest.jobs;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.jobs.JobRecords;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Job records in the index {@code observatory-jobs}: one document per job, its record kept as JSON
 * (not indexed), read back by id in real time (no refresh needed).
 */
final class JobIndex implements JobRecords {
  static final String INDEX = "observatory-jobs";

  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "id":{"type":"keyword"},"updatedAt":{"type":"date"},
        "record":{"type":"keyword","index":false,"doc_values":false}}}}
      """;

  private final SearchConnection connection;
  private final ElasticsearchClient es;
  private volatile boolean ready;

  JobIndex(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
  }

  private void ensure() {
    if (ready) {
      return;
    }
    try {
      connection.createIfMissing(INDEX, MAPPING);
    } catch (ElasticsearchException e) {
      throw new SearchStoreException("cannot create the jobs index: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SearchStoreException("Elasticsearch did not answer: " + e.getMessage(), e);
    }
    ready = true;
  }

  @Override
  public void put(Stored job) {
    ensure();
    Map<String, Object> doc =
        Map.of("id", job.id(), "updatedAt", Instant.now().toString(), "record", job.json());
    try {
      connection.withRetries(
          "writing a job's record", () -> es.index(i -> i.index(INDEX).id(job.id()).document(doc)));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("writing a job's record failed: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Optional<Stored> get(String id) {
    ensure();
    try {
      var r =
          connection.withRetries(
              "reading a job's record", () -> es.get(g -> g.index(INDEX).id(id), Map.class));
      if (!r.found() || r.source() == null) {
        return Optional.empty();
      }
      return Optional.of(new Stored(id, String.valueOf(r.source().get("record"))));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("reading a job's record failed: " + e.getMessage(), e);
    }
  }
}
