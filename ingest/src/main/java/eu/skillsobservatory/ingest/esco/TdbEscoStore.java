package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESCO in an embedded Jena TDB2 database: one named graph per ESCO version, loaded in one write
 * transaction and switched to in the same transaction, so that a load is atomic per version.
 */
public final class TdbEscoStore implements EscoStore {
  private static final Logger LOG = LoggerFactory.getLogger(TdbEscoStore.class);
  private static final Object END = new Object();

  /** The folder, inside the database's, of the concept documents kept once read. */
  static final String DOCUMENTS = "documents";

  private final Path location;
  private final DatasetGraph dsg;
  private final boolean keep;
  private final TdbSkillCatalog catalog;

  private TdbEscoStore(Path location, DatasetGraph dsg, boolean keep) {
    this.location = location;
    this.dsg = dsg;
    this.keep = keep;
    this.catalog = new TdbSkillCatalog(dsg, keep ? location.resolve(DOCUMENTS) : null);
  }

  /** Opens (creating if need be) the TDB2 database in {@code dir}. */
  public static TdbEscoStore open(Path dir) {
    return open(dir, true);
  }

  /**
   * Opens the TDB2 database in {@code dir}; {@code keepDocuments} false for a scratch store, whose
   * concept documents nobody reads again.
   */
  static TdbEscoStore open(Path dir, boolean keepDocuments) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EscoStoreException("cannot create the ESCO store folder " + dir, e);
    }
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
    return new TdbEscoStore(dir, dsg, keepDocuments);
  }

  /** The database folder. */
  public Path folder() {
    return location;
  }

  @Override
  public String location() {
    return location.toString();
  }

  @Override
  public ReadOnlySparql sparql(SparqlLimits limits) {
    return new ReadOnlySparql(dsg, limits);
  }

  @Override
  public SkillCatalog catalog() {
    return catalog;
  }

  /** The underlying dataset, for adapters that query it directly (SPARQL, health). */
  public DatasetGraph dataset() {
    return dsg;
  }

  /** How a load writes into the store. */
  public enum LoadMode {
    /**
     * Jena's parallel bulk loader into a fresh graph: the fastest, but it holds the database
     * exclusively while it runs, so concurrent readers wait. For the command line and for the first
     * start of a server.
     */
    BULK,
    /** One ordinary write transaction: slower, and readers keep reading the old version. */
    TRANSACTIONAL
  }

  /** Loads with {@link LoadMode#BULK}. */
  @Override
  public LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    return load(paths, version, progress, LoadMode.BULK);
  }

  /**
   * Loads one ESCO version from the given files, replacing any earlier load of that version.
   *
   * <p>The data goes into a graph that nothing points at yet; only when it is complete and holds
   * ESCO concepts is the version switched to it, in one small transaction. A failed load leaves the
   * store as it was (its partial graph is removed).
   *
   * @param version the version, when the file names do not carry it
   * @throws EscoInputException when the input is unusable; the store is then unchanged
   */
  public LoadReport load(
      List<Path> paths, Optional<EscoVersion> version, Progress progress, LoadMode mode) {
    List<Source> sources = SourceDetector.detect(paths);
    EscoVersion v = EscoVersions.versionOf(paths, version);
    Instant started = Instant.now();
    LoadLog log = new LoadLog();
    Node graph = VersionRegistry.newDataGraph(v);
    AtomicLong bytes = new AtomicLong();
    long totalBytes = sources.stream().mapToLong(Source::size).sum();
    progress.start("Loading ESCO " + v, "triples", totalBytes);
    Written written;
    try {
      written =
          mode == LoadMode.BULK
              ? bulk(sources, graph, log, bytes, progress)
              : transactional(sources, graph, log, bytes, progress);
    } catch (RuntimeException e) {
      progress.finish("ESCO " + v + " load failed; the store is unchanged");
      dropUnusedGraphs(Progress.NONE);
      throw e;
    }
    LOG.info(
        "ESCO {}: {} triples written in {} ms; counting and switching",
        v,
        written.triples(),
        Duration.between(started, Instant.now()).toMillis());
    VersionSummary summary;
    try {
      summary = Txn.calculateWrite(dsg, () -> switchTo(v, graph, paths, written.facts()));
    } catch (RuntimeException e) {
      progress.finish("ESCO " + v + " load failed; the store is unchanged");
      dropUnusedGraphs(Progress.NONE);
      throw e;
    }
    Duration took = Duration.between(started, Instant.now());
    progress.finish(
        String.format(
            "ESCO %s loaded: %,d triples read in %.1f s",
            v, written.triples(), took.toMillis() / 1000.0));
    dropUnusedGraphs(progress);
    if (keep) {
      keepDocuments(v, progress);
    }
    return new LoadReport(
        v,
        withCurrent(summary),
        written.triples(),
        took,
        log.files(),
        log.skipped(),
        log.warnings());
  }

  /**
   * Reads the new load's concept documents once, so that the commands that read them all (indexing,
   * extraction, coding, generating) find them kept; a failure leaves them to be read from the
   * store.
   */
  private void keepDocuments(EscoVersion v, Progress progress) {
    long start = System.nanoTime();
    progress.start("Keeping the concept documents of ESCO " + v, "concepts", -1);
    long[] n = {0};
    try {
      catalog.forEachConcept(
          v,
          d -> {
            if (++n[0] % 1_000 == 0) {
              progress.advance(n[0], n[0]);
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("ESCO {}: the concept documents were not kept: {}", v, e.getMessage());
    }
    progress.finish(
        String.format(
            "ESCO %s: %,d concept documents kept in %.1f s",
            v, n[0], (System.nanoTime() - start) / 1e9));
  }

  /** Counts the new graph, checks it holds ESCO, and points the version at it. */
  private VersionSummary switchTo(EscoVersion v, Node graph, List<Path> paths, EscoFacts facts) {
    long triples = new GraphReader(dsg, graph).count(Node.ANY, Node.ANY, Node.ANY);
    VersionSummary summary =
        EscoVersions.count(facts, triples, v, paths.stream().map(Path::toString).toList());
    if (summary.skills() + summary.occupations() + summary.iscoGroups() + summary.skillGroups()
        == 0) {
      throw new EscoInputException(
          String.join(", ", paths.stream().map(Path::toString).toList()),
          "",
          "no ESCO concepts found (no esco:Skill, esco:Occupation, ISCO group or skill group)");
    }
    new VersionRegistry(dsg).record(graph, summary);
    return summary;
  }

  /**
   * Streams the sources through Jena's parallel loader. Its pipeline is always finished, also after
   * a failure, so that no loader thread is left behind; the partial graph is then unused and
   * removed.
   */
  private Written bulk(
      List<Source> sources, Node graph, LoadLog log, AtomicLong bytes, Progress progress) {
    DataLoader loader = LoaderFactory.parallelLoader(dsg, graph, (fmt, args) -> {});
    loader.startBulk();
    StreamRDF stream = loader.stream();
    long[] added = {0};
    LoadSink sink =
        new LoadSink(
            batch -> {
              batch.forEach(stream::triple);
              added[0] += batch.size();
              progress.advance(bytes.get(), added[0]);
            });
    RuntimeException failure = null;
    try {
      stream.start();
      readAll(sources, sink, log, bytes::addAndGet);
      sink.flush();
      stream.finish();
    } catch (EscoInputException e) {
      failure = e;
    } catch (IOException | RuntimeException e) {
      failure = new EscoStoreException("the ESCO load failed: " + e.getMessage(), e);
    }
    try {
      loader.finishBulk();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = new EscoStoreException("the ESCO bulk load failed: " + e.getMessage(), e);
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return new Written(added[0], sink.facts());
  }

  /** Reads on one thread and writes on this one, inside one write transaction. */
  private Written transactional(
      List<Source> sources, Node graph, LoadLog log, AtomicLong bytes, Progress progress) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    LoadSink sink = new LoadSink(batch -> put(queue, batch));
    Thread reader =
        new Thread(
            () -> {
              try {
                readAll(sources, sink, log, bytes::addAndGet);
                sink.flush();
                put(queue, END);
              } catch (Throwable t) {
                put(queue, new Failure(t));
              }
            },
            "esco-reader");
    reader.setDaemon(true);
    long added = 0;
    dsg.begin(TxnType.WRITE);
    try {
      reader.start();
      while (true) {
        Object item = queue.take();
        if (item == END) {
          break;
        }
        if (item instanceof Failure f) {
          throw f.error;
        }
        @SuppressWarnings("unchecked")
        List<Triple> batch = (List<Triple>) item;
        for (Triple t : batch) {
          dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
        added += batch.size();
        progress.advance(bytes.get(), added);
      }
      dsg.commit();
      return new Written(added, sink.facts());
    } catch (Throwable t) {
      dsg.abort();
      reader.interrupt();
      if (t instanceof EscoInputException e) {
        throw e;
      }
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EscoStoreException("the ESCO load failed: " + t.getMessage(), t);
    } finally {
      dsg.end();
    }
  }

  private VersionSummary withCurrent(VersionSummary s) {
    return catalog.versions().stream()
        .filter(x -> x.version().equals(s.version()))
        .findFirst()
        .orElse(s);
  }

  private static void readAll(
      List<Source> sources, LoadSink sink, LoadLog log, Source.ByteCounter counter)
      throws IOException {
    RdfEscoReader rdf = new RdfEscoReader(sink, log);
    for (Source s : sources) {
      if (!s.isCsv()) {
        rdf.read(s, counter);
      }
    }
    CsvEscoReader csv = new CsvEscoReader(sink, log);
    for (Source s : CsvEscoFiles.ordered(sources.stream().filter(Source::isCsv).toList())) {
      csv.read(s, counter);
    }
  }

  /** What a load wrote: how many triples, and the facts its counts are made of. */
  private record Written(long triples, EscoFacts facts) {}

  /** Removes graphs that no version points at: the one just replaced, and any left by a crash. */
  private void dropUnusedGraphs(Progress progress) {
    try {
      List<Node> unused = Txn.calculateRead(dsg, () -> new VersionRegistry(dsg).unusedDataGraphs());
      for (Node g : unused) {
        // Deleting is slower than loading in TDB2 (every index is touched), so say so.
        progress.start("Removing the replaced graph " + g.getURI(), "triples", -1);
        Instant start = Instant.now();
        Txn.executeWrite(dsg, () -> dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
        progress.finish(
            "Removed the replaced graph in "
                + Duration.between(start, Instant.now()).toSeconds()
                + " s");
        LOG.info("Removed unused ESCO graph {}", g);
      }
    } catch (RuntimeException e) {
      // The new version is committed; a leftover graph is only disk space, removed next time.
      LOG.warn("Could not remove an unused ESCO graph yet: {}", e.getMessage());
    }
  }

  private static void put(BlockingQueue<Object> queue, Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the ESCO load was cancelled", e);
    }
  }

  private record Failure(Throwable error) {}

  @Override
  public void close() {
    TDBInternal.expel(dsg);
  }
}
