package eu.skillsobservatory.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is. With no URL the application starts a real node inside its own JVM, bound
 * to 127.0.0.1, data under {@code HOME/es}: the embedded default. With a URL it uses that cluster
 * and starts nothing.
 *
 * @param url an external cluster, e.g. {@code https://es.example.org:9200}; empty for embedded
 * @param apiKey an API key for the cluster (the encoded form)
 * @param username a user for basic authentication
 * @param password that user's password
 * @param embeddedPort the embedded node's HTTP port; 0 picks a free one
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param caCertificate a PEM file with the CA certificate of an {@code https} cluster; empty to use
 *     the JVM's trust store
 * @param retries how often a request is repeated after a transient failure (429, 502-504, refused
 *     connection), with exponential backoff
 * @param vacancyShards the primary shards of the vacancies index, set when it is created (a cluster
 *     for hundreds of millions of vacancies wants several: topology.md); an index that exists keeps
 *     its own
 */
@ConfigurationProperties("observatory.elasticsearch")
public record SearchSettings(
    @DefaultValue("") String url,
    @DefaultValue("") String apiKey,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("0") int embeddedPort,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration requestTimeout,
    @DefaultValue("") String caCertificate,
    @DefaultValue("3") int retries,
    @DefaultValue("1") int vacancyShards) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
