package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoStoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The ESCO graphs of a SPARQL server seen as a read-only dataset, so that the catalog reads a
 * shared store with the same code as the embedded one. Every look-up is a SPARQL query to the
 * server's query endpoint.
 *
 * <p>A read transaction takes one copy of the small catalog graph (which version is in which
 * graph), so a reader sees one consistent answer to that question for its whole transaction.
 * Version graphs are never changed once the catalog points at them (a reload writes a new graph),
 * so look-ups in them are cached: all triples of a subject at once, all links into a concept at
 * once, and whole patterns up to a size; a reader that knows which subjects it will read next has
 * them fetched a few hundred a request ({@link #prefetch}).
 */
final class RemoteDatasetGraph extends DatasetGraphBaseFind {
  private static final int CACHE_TRIPLES = 500_000;
  private static final int LARGEST_CACHED_PATTERN = 100_000;
  private static final int PREFETCH_BATCH = 300;

  private final String location;
  private final Function<Function<RDFConnection, Object>, Object> server;
  private final ThreadLocal<Graph> catalog = new ThreadLocal<>();
  private final Cache cache = new Cache(CACHE_TRIPLES);

  /**
   * @param server runs a function with a connection to the server and closes it; failures come out
   *     as {@link EscoStoreException}
   */
  RemoteDatasetGraph(String location, Function<Function<RDFConnection, Object>, Object> server) {
    this.location = location;
    this.server = server;
  }

  @SuppressWarnings("unchecked")
  private <T> T call(Function<RDFConnection, T> f) {
    return (T) server.apply(c -> f.apply(c));
  }

  /** A fresh copy of the catalog graph. */
  Graph fetchCatalog() {
    return call(
        c -> {
          Graph g = GraphFactory.createDefaultGraph();
          c.queryConstruct(
                  "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH "
                      + NodeFmtLib.strNT(VersionRegistry.GRAPH)
                      + " { ?s ?p ?o } }")
              .getGraph()
              .find()
              .forEach(g::add);
          return g;
        });
  }

  private Graph catalogGraph() {
    Graph g = catalog.get();
    return g != null ? g : fetchCatalog();
  }

  @Override
  protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
    if (g.equals(VersionRegistry.GRAPH)) {
      return catalogGraph().find(s, p, o).mapWith(t -> new Quad(g, t)).toList().iterator();
    }
    List<Triple> triples;
    if (s.isConcrete()) {
      triples =
          cache
              .get(new Pattern(g, s, Node.ANY, Node.ANY), k -> select(g, s, Node.ANY, Node.ANY))
              .stream()
              .filter(t -> matches(p, t.getPredicate()) && matches(o, t.getObject()))
              .toList();
    } else if (o.isURI() && p.isConcrete()) {
      // Every link into a concept at once: a page asks for several kinds of them in a row.
      triples =
          cache
              .get(new Pattern(g, Node.ANY, Node.ANY, o), k -> select(g, Node.ANY, Node.ANY, o))
              .stream()
              .filter(t -> p.equals(t.getPredicate()))
              .toList();
    } else {
      triples = cache.get(new Pattern(g, s, p, o), k -> select(g, s, p, o));
    }
    return triples.stream().map(t -> new Quad(g, t)).iterator();
  }

  /**
   * Reads the triples of many subjects of a version graph at once, a few hundred a query, into the
   * cache, so that a page naming fifty skills costs one request instead of fifty. Subjects already
   * cached are not asked again.
   */
  void prefetch(Node g, Collection<Node> subjects) {
    List<Node> wanted = new ArrayList<>();
    for (Node s : new LinkedHashSet<>(subjects)) {
      if (s.isURI() && !cache.has(new Pattern(g, s, Node.ANY, Node.ANY))) {
        wanted.add(s);
      }
    }
    for (int from = 0; from < wanted.size(); from += PREFETCH_BATCH) {
      List<Node> batch = wanted.subList(from, Math.min(wanted.size(), from + PREFETCH_BATCH));
      Map<Node, List<Triple>> found = new HashMap<>();
      batch.forEach(s -> found.put(s, new ArrayList<>()));
      StringBuilder q = new StringBuilder("SELECT ?s ?p ?o WHERE { GRAPH ");
      q.append(NodeFmtLib.strNT(g)).append(" { VALUES ?s {");
      batch.forEach(s -> q.append(' ').append(NodeFmtLib.strNT(s)));
      q.append(" } ?s ?p ?o } }");
      call(
          c -> {
            c.querySelect(
                q.toString(),
                row -> {
                  Node s = row.get("s").asNode();
                  found
                      .computeIfAbsent(s, k -> new ArrayList<>())
                      .add(Triple.create(s, row.get("p").asNode(), row.get("o").asNode()));
                });
            return null;
          });
      found.forEach((s, triples) -> cache.get(new Pattern(g, s, Node.ANY, Node.ANY), k -> triples));
    }
  }

  private static boolean matches(Node pattern, Node n) {
    return !pattern.isConcrete() || pattern.equals(n);
  }

  private List<Triple> select(Node g, Node s, Node p, Node o) {
    String query =
        "SELECT * WHERE { GRAPH "
            + NodeFmtLib.strNT(g)
            + " { "
            + term(s, "?s")
            + " "
            + term(p, "?p")
            + " "
            + term(o, "?o")
            + " } }";
    return call(
        c -> {
          List<Triple> out = new ArrayList<>();
          c.querySelect(
              query,
              row ->
                  out.add(
                      Triple.create(
                          s.isConcrete() ? s : row.get("s").asNode(),
                          p.isConcrete() ? p : row.get("p").asNode(),
                          o.isConcrete() ? o : row.get("o").asNode())));
          return out;
        });
  }

  private static String term(Node n, String variable) {
    return n.isConcrete() ? NodeFmtLib.strNT(n) : variable;
  }

  @Override
  protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
    return Collections.emptyIterator();
  }

  @Override
  protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
    throw new UnsupportedOperationException("the shared ESCO store is read one graph at a time");
  }

  @Override
  public Iterator<Node> listGraphNodes() {
    return call(
        c -> {
          List<Node> out = new ArrayList<>();
          c.querySelect(
              "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", row -> out.add(row.get("g").asNode()));
          return out.iterator();
        });
  }

  @Override
  public Graph getDefaultGraph() {
    return GraphView.createDefaultGraph(this);
  }

  @Override
  public Graph getGraph(Node graphNode) {
    return GraphView.createNamedGraph(this, graphNode);
  }

  @Override
  public void addGraph(Node graphName, Graph graph) {
    throw readOnly();
  }

  @Override
  public void removeGraph(Node graphName) {
    throw readOnly();
  }

  @Override
  public void add(Quad quad) {
    throw readOnly();
  }

  @Override
  public void delete(Quad quad) {
    throw readOnly();
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException(
        "the shared ESCO store at " + location + " is written by loads, not through this view");
  }

  @Override
  public PrefixMap prefixes() {
    return PrefixMapFactory.emptyPrefixMap();
  }

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public void begin(TxnType type) {
    if (type != TxnType.READ) {
      throw readOnly();
    }
    catalog.set(fetchCatalog());
  }

  @Override
  public void begin(ReadWrite mode) {
    begin(TxnType.convert(mode));
  }

  @Override
  public boolean promote(Promote mode) {
    return false;
  }

  @Override
  public void commit() {
    catalog.remove();
  }

  @Override
  public void abort() {
    catalog.remove();
  }

  @Override
  public void end() {
    catalog.remove();
  }

  @Override
  public ReadWrite transactionMode() {
    return isInTransaction() ? ReadWrite.READ : null;
  }

  @Override
  public TxnType transactionType() {
    return isInTransaction() ? TxnType.READ : null;
  }

  @Override
  public boolean isInTransaction() {
    return catalog.get() != null;
  }

  private record Pattern(Node g, Node s, Node p, Node o) {}

  /** Least recently used look-ups, bounded by the number of triples held. */
  private static final class Cache {
    private final int capacity;
    private final LinkedHashMap<Pattern, List<Triple>> entries =
        new LinkedHashMap<>(1024, 0.75f, true);
    private long held;

    Cache(int capacity) {
      this.capacity = capacity;
    }

    synchronized boolean has(Pattern key) {
      return entries.containsKey(key);
    }

    List<Triple> get(Pattern key, Function<Pattern, List<Triple>> load) {
      synchronized (this) {
        List<Triple> hit = entries.get(key);
        if (hit != null) {
          return hit;
        }
      }
      List<Triple> loaded = List.copyOf(load.apply(key));
      if (loaded.size() <= LARGEST_CACHED_PATTERN) {
        synchronized (this) {
          if (entries.put(key, loaded) == null) {
            held += loaded.size();
          }
          Iterator<Map.Entry<Pattern, List<Triple>>> it = entries.entrySet().iterator();
          while (held > capacity && it.hasNext()) {
            held -= it.next().getValue().size();
            it.remove();
          }
        }
      }
      return loaded;
    }
  }
}
