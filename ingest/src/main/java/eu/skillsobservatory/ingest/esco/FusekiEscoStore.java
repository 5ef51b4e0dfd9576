package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryException;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESCO in a shared SPARQL server (Apache Jena Fuseki, or any server with the SPARQL 1.1 query,
 * update and Graph Store Protocol endpoints), so that several application instances read the same
 * versions. Reads are SPARQL queries to the query endpoint. A load is read, checked and counted in
 * a scratch TDB2 database on this machine exactly as the embedded store does it; its graph is then
 * sent whole to a new named graph with one Graph Store Protocol {@code PUT}, and one SPARQL update
 * points the version at it (the swap). A reader on any instance sees the old graph or the new one,
 * never a part; a load that fails before the swap leaves the catalog unchanged.
 */
public final class FusekiEscoStore implements EscoStore {
  private static final Logger LOG = LoggerFactory.getLogger(FusekiEscoStore.class);

  /** A graph of ours that no version points at is removed once it is this old (a crashed load). */
  private static final Duration ORPHAN_AGE = Duration.ofHours(6);

  private final String url;
  private final HttpClient client;
  private final Path scratch;
  private final RemoteDatasetGraph dsg;
  private final TdbSkillCatalog catalog;

  /**
   * @param datasetUrl the dataset's URL, e.g. {@code http://fuseki:3030/esco}; its endpoints are
   *     Fuseki's {@code query}, {@code update} and {@code data}
   * @param scratch a folder for the scratch database of a load (removed after each load)
   */
  public FusekiEscoStore(String datasetUrl, Duration connectTimeout, Path scratch) {
    this.url =
        datasetUrl.endsWith("/") ? datasetUrl.substring(0, datasetUrl.length() - 1) : datasetUrl;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // HTTP/2 by upgrade (the JDK client's default) can leave a POST unanswered by Jetty.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.scratch = scratch;
    this.dsg = new RemoteDatasetGraph(url, this::call);
    this.catalog = new TdbSkillCatalog(dsg);
  }

  private RDFConnection connect() {
    return RDFConnectionRemote.newBuilder()
        .destination(url)
        .queryEndpoint("query")
        .updateEndpoint("update")
        .gspEndpoint("data")
        .httpClient(client)
        .build();
  }

  /**
   * Runs {@code f} on a fresh connection; a failure of the server is an {@link EscoStoreException}.
   */
  private Object call(Function<RDFConnection, Object> f) {
    try (RDFConnection c = connect()) {
      return f.apply(c);
    } catch (HttpException | QueryException e) {
      throw new EscoStoreException("the ESCO store at " + url + " failed: " + describe(e), e);
    }
  }

  private static String describe(RuntimeException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public SkillCatalog catalog() {
    return catalog;
  }

  @Override
  public ReadOnlySparql sparql(SparqlLimits limits) {
    return ReadOnlySparql.remote(url + "/query", client, limits);
  }

  @Override
  public String location() {
    return url;
  }

  /**
   * Loads a version; one load at a time across every instance that shares the server ({@link
   * FusekiLease}): a second waits for the first, up to {@link #LEASE_WAIT}.
   */
  @Override
  public LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    try (FusekiLease lease = FusekiLease.take(leases, "esco-load", holder, LEASE_WAIT, progress)) {
      Path dir = createScratch();
      try {
        return loadVia(dir, paths, version, progress);
      } finally {
        deleteTree(dir);
      }
    }
  }

  /** How long a load waits at most for another instance's to end. */
  static final Duration LEASE_WAIT = Duration.ofHours(1);

  private final String holder = FusekiLease.INSTANCE + "/" + HOLDERS.incrementAndGet();
  private static final AtomicInteger HOLDERS = new AtomicInteger();

  /** The leases, in the server (package-private for tests of a second instance). */
  final FusekiLease.Server leases = FusekiLease.over(this::call);

  private LoadReport loadVia(
      Path dir, List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    Instant started = Instant.now();
    LoadReport local;
    Node graph;
    List<Triple> entry;
    Path nt = dir.resolve("graph.nt");
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"), false)) {
      local = store.load(paths, version, progress);
      DatasetGraph scratchData = store.dataset();
      EscoVersion v = local.version();
      graph =
          Txn.calculateRead(
              scratchData, () -> new VersionRegistry(scratchData).graphOf(v).orElseThrow());
      entry =
          Txn.calculateRead(
              scratchData,
              () -> {
                List<Triple> out = new ArrayList<>();
                scratchData
                    .find(VersionRegistry.GRAPH, VersionRegistry.entry(v), Node.ANY, Node.ANY)
                    .forEachRemaining(q -> out.add(q.asTriple()));
                return out;
              });
      progress.start(
          "Writing ESCO " + v + " for the SPARQL server", "triples", local.summary().triples());
      Txn.executeRead(
          scratchData,
          () -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nt), 1 << 16)) {
              RDFDataMgr.writeTriples(
                  out,
                  Iter.mapWithProgress(
                      scratchData.find(graph, Node.ANY, Node.ANY, Node.ANY), progress));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      progress.finish("Wrote " + nt.getFileName());
    } catch (UncheckedIOException e) {
      throw new EscoStoreException(
          "cannot write the scratch copy in " + dir + ": " + e.getMessage(), e);
    }
    EscoVersion v = local.version();
    long held = send(graph, nt, v, local.summary().triples(), progress);
    progress.finish(String.format("Sent %,d triples to %s", held, url));
    Optional<Node> replaced = Txn.calculateRead(dsg, () -> new VersionRegistry(dsg).graphOf(v));
    swap(v, entry);
    LOG.info("ESCO {} now in graph {} of {}", v, graph, url);
    replaced.filter(g -> !g.equals(graph)).ifPresent(this::dropGraph);
    dropOrphans();
    VersionSummary summary =
        catalog.versions().stream()
            .filter(s -> s.version().equals(v))
            .findFirst()
            .orElse(local.summary());
    return new LoadReport(
        v,
        summary,
        local.triplesRead(),
        Duration.between(started, Instant.now()),
        local.files(),
        local.skipped(),
        local.warnings());
  }

  /**
   * Sends the graph's triples to the server and checks it holds them all; a short graph is dropped
   * and the version is not switched.
   */
  private long send(Node graph, Path nt, EscoVersion v, long triples, Progress progress) {
    long bytes = size(nt);
    progress.start("Sending ESCO " + v + " to " + url, "bytes", bytes);
    call(
        c -> {
          c.put(graph.getURI(), nt.toString());
          return null;
        });
    long held = remoteCount(graph);
    if (held != triples) {
      dropGraph(graph);
      throw new EscoStoreException(
          "the ESCO store at "
              + url
              + " holds "
              + held
              + " triples of the "
              + triples
              + " sent for ESCO "
              + v
              + "; the version was not switched",
          null);
    }
    return held;
  }

  /** Points the version at its new graph: one update, so one transaction on the server. */
  private void swap(EscoVersion v, List<Triple> entry) {
    String g = NodeFmtLib.strNT(VersionRegistry.GRAPH);
    StringBuilder update = new StringBuilder();
    update
        .append("DELETE WHERE { GRAPH ")
        .append(g)
        .append(" { ")
        .append(NodeFmtLib.strNT(VersionRegistry.entry(v)))
        .append(" ?p ?o } } ;\nINSERT DATA { GRAPH ")
        .append(g)
        .append(" {\n");
    for (Triple t : entry) {
      update.append(NodeFmtLib.str(t)).append(" .\n");
    }
    update.append("} }");
    call(
        c -> {
          c.update(update.toString());
          return null;
        });
  }

  private long remoteCount(Node graph) {
    return (Long)
        call(
            c -> {
              long[] n = {-1};
              c.querySelect(
                  "SELECT (COUNT(*) AS ?n) WHERE { GRAPH "
                      + NodeFmtLib.strNT(graph)
                      + " { ?s ?p ?o } }",
                  row -> n[0] = row.getLiteral("n").getLong());
              return n[0];
            });
  }

  private void dropGraph(Node graph) {
    try {
      call(
          c -> {
            c.update("DROP SILENT GRAPH " + NodeFmtLib.strNT(graph));
            return null;
          });
      LOG.info("Removed ESCO graph {} from {}", graph, url);
    } catch (EscoStoreException e) {
      LOG.warn("Could not remove ESCO graph {} yet: {}", graph, e.getMessage());
    }
  }

  /**
   * Removes graphs of ours that no version points at and that are older than {@link #ORPHAN_AGE}:
   * left by a load that stopped between its upload and its swap. A younger one may belong to a load
   * another instance is running now, so it is left alone.
   */
  private void dropOrphans() {
    try {
      List<Node> unused = Txn.calculateRead(dsg, () -> new VersionRegistry(dsg).unusedDataGraphs());
      Instant cutoff = Instant.now().minus(ORPHAN_AGE);
      for (Node g : unused) {
        VersionRegistry.loadedAt(g).filter(t -> t.isBefore(cutoff)).ifPresent(t -> dropGraph(g));
      }
    } catch (EscoStoreException e) {
      LOG.warn("Could not look for unused ESCO graphs: {}", e.getMessage());
    }
  }

  private Path createScratch() {
    try {
      Files.createDirectories(scratch);
      return Files.createTempDirectory(scratch, "esco-load-");
    } catch (IOException e) {
      throw new EscoStoreException("cannot create a scratch folder in " + scratch, e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not remove the scratch folder {}: {}", dir, e.getMessage());
    }
  }

  @Override
  public void close() {
    // Connections are opened per call; nothing is held.
  }

  /** Quads to triples, counting them into a progress. */
  private static final class Iter {
    static Iterator<Triple> mapWithProgress(Iterator<Quad> quads, Progress progress) {
      return new Iterator<>() {
        long n;

        @Override
        public boolean hasNext() {
          return quads.hasNext();
        }

        @Override
        public Triple next() {
          Triple t = quads.next().asTriple();
          if (++n % 100_000 == 0) {
            progress.advance(n, n);
          }
          return t;
        }
      };
    }
  }
}
