package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/**
 * The one way the observatory reaches Elasticsearch, embedded or a cluster: the official Java
 * client over HTTP, with timeouts on every request.
 */
public final class SearchConnection implements AutoCloseable {
  private final RestClient rest;
  private final ElasticsearchClient client;
  private final URI url;

  private SearchConnection(URI url, RestClient rest) {
    this.url = url;
    this.rest = rest;
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  /**
   * Connects to {@code url}.
   *
   * @param apiKey an API key (the encoded form Elasticsearch gives), if the cluster wants one
   * @param user a user name for basic authentication, with {@code password}
   */
  public static SearchConnection connect(
      URI url,
      Optional<String> apiKey,
      Optional<String> user,
      Optional<String> password,
      Duration connectTimeout,
      Duration requestTimeout) {
    HttpHost host = new HttpHost(url.getHost(), url.getPort(), url.getScheme());
    Header[] headers =
        apiKey
            .map(k -> new Header[] {new BasicHeader("Authorization", "ApiKey " + k)})
            .or(
                () ->
                    user.map(
                        u ->
                            new Header[] {
                              new BasicHeader(
                                  "Authorization",
                                  "Basic "
                                      + Base64.getEncoder()
                                          .encodeToString(
                                              (u + ":" + password.orElse(""))
                                                  .getBytes(
                                                      java.nio.charset.StandardCharsets.UTF_8)))
                            }))
            .orElse(new Header[0]);
    RestClient rest =
        RestClient.builder(host)
            .setDefaultHeaders(headers)
            .setRequestConfigCallback(
                c ->
                    c.setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) requestTimeout.toMillis()))
            .build();
    return new SearchConnection(url, rest);
  }

  /** Connects to a node on this machine with the default timeouts. */
  public static SearchConnection local(String url) {
    return connect(
        URI.create(url),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(60));
  }

  public ElasticsearchClient client() {
    return client;
  }

  public URI url() {
    return url;
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      throw new SearchStoreException("cannot close the connection to " + url, e);
    }
  }
}
