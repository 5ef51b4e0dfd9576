package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import eu.skillsobservatory.analytics.cache.DataVersion;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.NoHttpResponseException;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the observatory reaches Elasticsearch, embedded or a cluster: the official Java
 * client over HTTP, with timeouts on every request, a connection pool sized for a busy server,
 * optional TLS with a given CA certificate, and retries with backoff for what is worth retrying.
 */
public final class SearchConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchConnection.class);

  private final RestClient rest;
  private final ElasticsearchClient client;
  private final Options options;

  /**
   * How to reach a node or cluster.
   *
   * @param urls the HTTP addresses of the cluster's nodes, {@code http} or {@code https}; requests
   *     go round them, and a node that does not answer is set aside and tried again later
   * @param apiKey an API key (the encoded form Elasticsearch gives), if the cluster wants one
   * @param user a user name for basic authentication, with {@code password}
   * @param password that user's password
   * @param caCertificate a PEM file with the certificate(s) of the CA that signed the cluster's
   *     HTTP certificate; without it an {@code https} URL is checked against the JVM's trust store
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for an answer
   * @param retries how many times a request is repeated after a transient failure (429, 502, 503,
   *     504, refused connection), with exponential backoff from 100 ms
   * @param vacancyShards the primary shards of the vacancies index when it is created (at least 1;
   *     an index that exists keeps its own)
   */
  public record Options(
      List<URI> urls,
      Optional<String> apiKey,
      Optional<String> user,
      Optional<String> password,
      Optional<Path> caCertificate,
      Duration connectTimeout,
      Duration requestTimeout,
      int retries,
      int vacancyShards) {

    public Options {
      urls = List.copyOf(urls);
      if (urls.isEmpty()) {
        throw new SearchStoreException("observatory.elasticsearch.url names no node");
      }
      if (vacancyShards < 1) {
        throw new IllegalArgumentException(
            "observatory.elasticsearch.vacancy-shards: at least 1, not " + vacancyShards);
      }
    }

    /** The first node's address. */
    public URI url() {
      return urls.get(0);
    }

    /** A node on this machine, no authentication, the default timeouts and retries. */
    public static Options of(String url) {
      return new Options(
          List.of(URI.create(url)),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          3,
          1);
    }

    public Options withRetries(int n) {
      return with(caCertificate, n, vacancyShards);
    }

    public Options withCaCertificate(Path pem) {
      return with(Optional.of(pem), retries, vacancyShards);
    }

    public Options withVacancyShards(int shards) {
      return with(caCertificate, retries, shards);
    }

    /** These options with the fields the {@code with...} methods change set anew. */
    private Options with(Optional<Path> ca, int retryCount, int shards) {
      return new Options(
          urls, apiKey, user, password, ca, connectTimeout, requestTimeout, retryCount, shards);
    }
  }

  private SearchConnection(Options options, RestClient rest) {
    this.options = options;
    this.rest = rest;
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  /**
   * Connects (lazily: nothing is sent until the first request).
   *
   * @throws SearchStoreException if the URL or the CA certificate cannot be used
   */
  public static SearchConnection connect(Options o) {
    HttpHost[] hosts = new HttpHost[o.urls().size()];
    for (int i = 0; i < hosts.length; i++) {
      URI url = o.urls().get(i);
      if (url.getHost() == null
          || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
        throw new SearchStoreException(
            "observatory.elasticsearch.url must be http or https URLs with a host, got '"
                + url
                + "'");
      }
      int port = url.getPort() > 0 ? url.getPort() : 9200;
      hosts[i] = new HttpHost(url.getHost(), port, url.getScheme());
    }
    Header[] headers =
        o.apiKey()
            .map(k -> new Header[] {new BasicHeader("Authorization", "ApiKey " + k)})
            .or(
                () ->
                    o.user()
                        .map(
                            u ->
                                new Header[] {
                                  new BasicHeader(
                                      "Authorization",
                                      "Basic "
                                          + Base64.getEncoder()
                                              .encodeToString(
                                                  (u + ":" + o.password().orElse(""))
                                                      .getBytes(StandardCharsets.UTF_8)))
                                }))
            .orElse(new Header[0]);
    Optional<SSLContext> tls = o.caCertificate().map(TrustedCertificates::context);
    RestClientBuilder builder =
        RestClient.builder(hosts)
            .setDefaultHeaders(headers)
            .setRequestConfigCallback(
                c ->
                    c.setConnectTimeout((int) o.connectTimeout().toMillis())
                        .setConnectionRequestTimeout((int) o.connectTimeout().toMillis())
                        .setSocketTimeout((int) o.requestTimeout().toMillis()))
            .setHttpClientConfigCallback(
                h -> {
                  // The low-level client's defaults (10 per route) queue a busy server's searches.
                  h.setMaxConnPerRoute(128).setMaxConnTotal(256);
                  tls.ifPresent(h::setSSLContext);
                  return h;
                });
    return new SearchConnection(o, builder.build());
  }

  /** The primary shards a vacancies index is created with. */
  public int vacancyShards() {
    return options.vacancyShards();
  }

  /** Connects to a node on this machine with the default timeouts. */
  public static SearchConnection local(String url) {
    return connect(Options.of(url));
  }

  public ElasticsearchClient client() {
    return client;
  }

  public URI url() {
    return options.url();
  }

  /** Every node address, separated by commas, as configured. */
  public String nodes() {
    return String.join(",", options.urls().stream().map(URI::toString).toList());
  }

  private final StoredDataVersion dataVersion = new StoredDataVersion(this, StoredDataVersion.ID);
  private final StoredDataVersion vacanciesVersion =
      new StoredDataVersion(this, StoredDataVersion.VACANCIES);

  /**
   * The version of the data held in this cluster, for answers kept by it ({@link
   * eu.skillsobservatory.analytics.cache.AnswerCache}).
   */
  public DataVersion dataVersion() {
    return dataVersion;
  }

  /**
   * Tells every instance sharing the cluster that what queries see has changed: call after a change
   * was made visible (refreshed), never before.
   */
  public void dataChanged() {
    dataVersion.advance();
  }

  /** The version of the vacancies held: what counts kept at ingest were computed from. */
  public DataVersion vacanciesVersion() {
    return vacanciesVersion;
  }

  /**
   * As {@link #dataChanged()}, for a change of the vacancies themselves (written, deleted, marked
   * as duplicates or not): counts kept of them are no longer read.
   */
  public void vacanciesChanged() {
    vacanciesVersion.advance();
    dataVersion.advance();
  }

  /**
   * Puts a freshly loaded index behind an alias in one atomic step, removing the indices that were
   * behind it, and tells every instance the data changed: a whole load becomes visible at once, or
   * nothing does.
   */
  public void swapInto(String alias, String index, Collection<String> previous) throws IOException {
    client
        .indices()
        .updateAliases(
            u -> {
              u.actions(a -> a.add(x -> x.index(index).alias(alias)));
              for (String old : previous) {
                u.actions(a -> a.removeIndex(x -> x.index(old)));
              }
              return u;
            });
    dataChanged();
  }

  /** A request to Elasticsearch that may be repeated without harm. */
  @FunctionalInterface
  public interface Request<T> {
    T send() throws IOException;
  }

  /**
   * Sends an idempotent request, repeating it after a transient failure with exponential backoff
   * and jitter (100 ms, 200 ms, 400 ms, ...). A timeout is not repeated: the caller has waited long
   * enough.
   */
  public <T> T withRetries(String what, Request<T> request) throws IOException {
    long delay = 100;
    for (int attempt = 0; ; attempt++) {
      try {
        return request.send();
      } catch (IOException | ElasticsearchException e) {
        if (attempt >= options.retries() || !isTransient(e)) {
          throw e;
        }
        long wait = delay / 2 + ThreadLocalRandom.current().nextLong(delay);
        LOG.warn(
            "{}: {} ({}); retry {} of {} in {} ms",
            what,
            e.getClass().getSimpleName(),
            e.getMessage(),
            attempt + 1,
            options.retries(),
            wait);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delay *= 2;
      }
    }
  }

  /**
   * Creates an index with its settings and mapping (JSON) unless it exists; another process
   * creating it at the same moment is no failure.
   */
  public void createIfMissing(String index, String mapping) throws IOException {
    boolean exists =
        withRetries(
            "checking the index " + index,
            () -> client.indices().exists(e -> e.index(index)).value());
    if (!exists) {
      try {
        client.indices().create(c -> c.index(index).withJson(new StringReader(mapping)));
      } catch (ElasticsearchException e) {
        if (!alreadyExists(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether Elasticsearch refused to create an index because it exists. */
  public static boolean alreadyExists(ElasticsearchException e) {
    return "resource_already_exists_exception".equals(e.error().type());
  }

  /** Whether a failure is worth one more try: overload, a gateway in trouble, a node restarting. */
  static boolean isTransient(Exception e) {
    if (e instanceof ElasticsearchException ee) {
      return transientStatus(ee.status());
    }
    if (e instanceof TransportException te) {
      return transientStatus(te.statusCode());
    }
    if (e instanceof ResponseException re) {
      return transientStatus(re.getResponse().getStatusLine().getStatusCode());
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof ConnectException || t instanceof NoHttpResponseException) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  private static boolean transientStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      throw new SearchStoreException("cannot close the connection to " + url(), e);
    }
  }
}
