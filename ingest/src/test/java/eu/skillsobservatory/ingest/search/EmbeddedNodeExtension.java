package eu.skillsobservatory.ingest.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real embedded Elasticsearch node per test JVM, started on first use and stopped when the
 * JVM's tests are done. Tests receive a {@link SearchConnection} to it as a parameter.
 *
 * <p>With the system property {@code observatory.it.elasticsearch.url} the same tests run against
 * that node or cluster instead, and nothing is started.
 */
public final class EmbeddedNodeExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(EmbeddedNodeExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    node(context);
  }

  private static Running node(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("node", k -> Running.start(), Running.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == SearchConnection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return node(e).connection;
  }

  /** The node and a connection to it, closed together with the root context. */
  static final class Running implements AutoCloseable {
    final EmbeddedElasticsearch node;
    final SearchConnection connection;

    private Running(EmbeddedElasticsearch node, String url) {
      this.node = node;
      this.connection = SearchConnection.local(url);
    }

    static Running start() {
      String external = System.getProperty("observatory.it.elasticsearch.url");
      if (external != null && !external.isBlank()) {
        return new Running(null, external);
      }
      try {
        Path dir = Files.createTempDirectory("observatory-es-it");
        EmbeddedElasticsearch node = EmbeddedElasticsearch.start(dir, 0);
        return new Running(node, node.url());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      connection.close();
      if (node != null) {
        node.close();
      }
    }
  }
}
