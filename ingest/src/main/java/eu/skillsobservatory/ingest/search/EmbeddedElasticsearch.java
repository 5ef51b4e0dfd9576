package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.analytics.failures.SearchStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real single-node Elasticsearch server inside this JVM, bound to 127.0.0.1, data in a folder of
 * the home. The application talks to it over HTTP with the official client, exactly as it talks to
 * an external cluster.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
  private static final Object LOGGING = new Object();
  private static boolean loggingConfigured;

  private final Node node;
  private final int httpPort;

  private EmbeddedElasticsearch(Node node, int httpPort) {
    this.node = node;
    this.httpPort = httpPort;
  }

  /**
   * Starts a node and waits until it can take requests.
   *
   * @param dir the node's folder (data and logs below it)
   * @param httpPort the HTTP port, or 0 for a free one
   */
  public static EmbeddedElasticsearch start(Path dir, int httpPort) {
    return start(
        dir,
        "observatory-embedded",
        Settings.builder()
            .put("cluster.name", "skills-observatory")
            .put("discovery.type", "single-node")
            .put("http.port", Integer.toString(httpPort))
            .put("transport.port", "0")
            // The node shares the application's heap: its parent breaker would count the
            // application's garbage as the node's and refuse requests (429) whenever the heap fills
            // before a collection, as it does under the parallel collector (seen in a test JVM).
            // The node's own accounting (requests, field data, requests in flight) still applies.
            .put("indices.breaker.total.use_real_memory", false),
        true);
  }

  /**
   * Starts one node of a cluster on this machine's loopback: it finds the others on their transport
   * ports, and the first three named elect the first master. Returns once the node runs, before the
   * cluster has formed.
   *
   * @param seeds the transport ports of every node of the cluster (this one's included)
   * @param masters the names of the nodes that elect the first master
   */
  public static EmbeddedElasticsearch startClusterNode(
      Path dir,
      String cluster,
      String name,
      int httpPort,
      int transportPort,
      List<Integer> seeds,
      List<String> masters) {
    return start(
        dir,
        name,
        Settings.builder()
            .put("cluster.name", cluster)
            .put("http.port", Integer.toString(httpPort))
            .put("transport.port", Integer.toString(transportPort))
            .putList("discovery.seed_hosts", seeds.stream().map(p -> "127.0.0.1:" + p).toList())
            .putList("cluster.initial_master_nodes", masters),
        false);
  }

  private static EmbeddedElasticsearch start(
      Path dir, String name, Settings.Builder specific, boolean waitForYellow) {
    configureLoggingOnce();
    try {
      Files.createDirectories(dir);
      Settings settings =
          specific
              .put("path.home", dir.toString())
              .put("path.data", dir.resolve("data").toString())
              .put("path.logs", dir.resolve("logs").toString())
              .put("node.name", name)
              .put("network.host", "127.0.0.1")
              .put("action.auto_create_index", false)
              // A full disk must not turn a node of ours read-only under the user's feet.
              .put("cluster.routing.allocation.disk.threshold_enabled", false)
              // Elasticsearch starts no merge while less than 5 % of the disk (up to 100 GB) is
              // free: on a 250 GB disk shared with other files merging stopped with 12 GB free,
              // and a forced merge waited until the client gave up, with no word of the disk.
              // Here merging stops only below 2 % or 5 GB free, whichever is less.
              .put("indices.merge.disk.watermark.high", "98%")
              .put("indices.merge.disk.watermark.high.max_headroom", "5gb")
              .build();
      var env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> name);
      Node node =
          new ClasspathPluginsNode(
              env,
              List.of(Netty4Plugin.class, RootInfoPlugin.class, ObservatoryAnalysisPlugin.class));
      node.start();
      if (waitForYellow) {
        node.client()
            .admin()
            .cluster()
            .health(new ClusterHealthRequest(TimeValue.timeValueSeconds(60)).waitForYellowStatus())
            .get(60, TimeUnit.SECONDS);
      }
      int port =
          node.injector()
              .getInstance(HttpServerTransport.class)
              .boundAddress()
              .publishAddress()
              .getPort();
      return new EmbeddedElasticsearch(node, port);
    } catch (IOException e) {
      throw new SearchStoreException("cannot prepare the Elasticsearch folder " + dir, e);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new SearchStoreException(
          "the embedded Elasticsearch node did not start: " + e.getMessage(), e);
    }
  }

  /** Elasticsearch's logging facade must be wired to log4j once per JVM, before any node. */
  private static void configureLoggingOnce() {
    synchronized (LOGGING) {
      if (!loggingConfigured) {
        System.setProperty(
            "org.elasticsearch.nativeaccess.enableVectorLibrary",
            System.getProperty("org.elasticsearch.nativeaccess.enableVectorLibrary", "false"));
        LogConfigurator.configureESLogging();
        loggingConfigured = true;
      }
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  @Override
  public void close() {
    try {
      node.close();
      node.awaitClose(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new SearchStoreException("the embedded Elasticsearch node did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
