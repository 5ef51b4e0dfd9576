package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.update.UpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESCO in an embedded Jena TDB2 database: one named graph per ESCO version, loaded in one write
 * transaction and switched to in the same transaction, so that a load is atomic per version.
 */
public final class TdbEscoStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TdbEscoStore.class);
  private static final Object END = new Object();

  private final Path location;
  private final DatasetGraph dsg;
  private final TdbSkillCatalog catalog;

  private TdbEscoStore(Path location, DatasetGraph dsg) {
    this.location = location;
    this.dsg = dsg;
    this.catalog = new TdbSkillCatalog(dsg);
  }

  /** Opens (creating if need be) the TDB2 database in {@code dir}. */
  public static TdbEscoStore open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EscoStoreException("cannot create the ESCO store folder " + dir, e);
    }
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
    return new TdbEscoStore(dir, dsg);
  }

  public Path location() {
    return location;
  }

  public SkillCatalog catalog() {
    return catalog;
  }

  /** The underlying dataset, for adapters that query it directly (SPARQL, health). */
  public DatasetGraph dataset() {
    return dsg;
  }

  /**
   * Loads one ESCO version from the given files, replacing any earlier load of that version.
   *
   * @param version the version, when the file names do not carry it
   * @throws EscoInputException when the input is unusable; the store is then unchanged
   */
  public LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress) {
    List<Source> sources = SourceDetector.detect(paths);
    EscoVersion v = versionOf(paths, version);
    Instant started = Instant.now();
    LoadLog log = new LoadLog();
    Node graph = VersionRegistry.newDataGraph(v);
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    AtomicLong bytes = new AtomicLong();
    long totalBytes = sources.stream().mapToLong(Source::size).sum();
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
    progress.start("Loading ESCO " + v, "bytes", totalBytes);
    VersionSummary summary;
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
      materializeDirectForms(graph);
      GraphReader g = new GraphReader(dsg, graph);
      List<String> names = sources.stream().map(Source::name).toList();
      summary = count(g, v, names);
      if (summary.skills() + summary.occupations() + summary.iscoGroups() + summary.skillGroups()
          == 0) {
        throw new EscoInputException(
            String.join(", ", names),
            "",
            "no ESCO concepts found (no esco:Skill, esco:Occupation, ISCO group or skill group)");
      }
      VersionRegistry registry = new VersionRegistry(dsg);
      registry.record(graph, summary);
      dsg.commit();
    } catch (Throwable t) {
      dsg.abort();
      reader.interrupt();
      progress.finish("failed: " + t.getMessage());
      if (t instanceof EscoInputException e) {
        throw e;
      }
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EscoStoreException("the ESCO load of " + v + " failed: " + t.getMessage(), t);
    } finally {
      dsg.end();
    }
    Duration took = Duration.between(started, Instant.now());
    progress.finish(
        String.format(
            "ESCO %s loaded: %,d triples read in %.1f s", v, added, took.toMillis() / 1000.0));
    dropUnusedGraphs();
    return new LoadReport(
        v, withCurrent(summary), added, took, log.files(), log.skipped(), log.warnings());
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
    for (Source s : CsvEscoReader.ordered(sources.stream().filter(Source::isCsv).toList())) {
      csv.read(s, counter);
    }
  }

  /**
   * Dumps may give a fact only in its skos-xl, reified or inverse form; the read model uses the
   * plain form, so it is added where missing.
   */
  private void materializeDirectForms(Node graph) {
    String g = "<" + graph.getURI() + ">";
    String prefixes =
        "PREFIX skos: <"
            + Esco.SKOS
            + ">\nPREFIX skosxl: <"
            + Esco.SKOSXL
            + ">\nPREFIX esco: <"
            + Esco.MODEL
            + ">\nPREFIX dct: <"
            + Esco.DCT
            + ">\n";
    StringBuilder u = new StringBuilder(prefixes);
    for (String label : List.of("prefLabel", "altLabel", "hiddenLabel")) {
      u.append(
          String.format(
              "INSERT { GRAPH %1$s { ?c skos:%2$s ?l } } WHERE { GRAPH %1$s { ?c skosxl:%2$s ?x ."
                  + " ?x skosxl:literalForm ?l } } ;\n",
              g, label));
    }
    String rt = "<" + Esco.BASE + "relationship-type/";
    u.append(
        String.format(
            "INSERT { GRAPH %1$s { ?f esco:relatedEssentialSkill ?t } } WHERE { GRAPH %1$s { ?a"
                + " esco:isAssociationFor ?f ; esco:target ?t ; dct:type %2$sessential-skill> } }"
                + " ;\n",
            g, rt));
    u.append(
        String.format(
            "INSERT { GRAPH %1$s { ?f esco:relatedOptionalSkill ?t } } WHERE { GRAPH %1$s { ?a"
                + " esco:isAssociationFor ?f ; esco:target ?t ; dct:type %2$soptional-skill> } }"
                + " ;\n",
            g, rt));
    u.append(
        String.format(
            "INSERT { GRAPH %1$s { ?o esco:relatedEssentialSkill ?s } } WHERE { GRAPH %1$s { ?s"
                + " esco:isEssentialSkillFor ?o } } ;\n",
            g));
    u.append(
        String.format(
            "INSERT { GRAPH %1$s { ?o esco:relatedOptionalSkill ?s } } WHERE { GRAPH %1$s { ?s"
                + " esco:isOptionalSkillFor ?o } }\n",
            g));
    UpdateAction.parseExecute(u.toString(), dsg);
  }

  private static VersionSummary count(GraphReader g, EscoVersion v, List<String> sources) {
    Map<String, ConceptType> types = g.concepts();
    long[] byType = new long[ConceptType.values().length];
    types.values().forEach(t -> byType[t.ordinal()]++);
    long[] knowledge = {0};
    g.each(
        Node.ANY,
        Esco.SKILL_TYPE,
        Esco.KNOWLEDGE,
        q -> {
          if (types.get(q.getSubject().getURI()) == ConceptType.SKILL) {
            knowledge[0]++;
          }
        });
    long[] rel = new long[4]; // occupation essential, occupation optional, skill-skill
    g.each(Node.ANY, Esco.RELATED_ESSENTIAL, Node.ANY, q -> tally(types, q, rel, 0));
    g.each(Node.ANY, Esco.RELATED_OPTIONAL, Node.ANY, q -> tally(types, q, rel, 1));
    long triples = g.count(Node.ANY, Node.ANY, Node.ANY);
    return new VersionSummary(
        v,
        false,
        byType[ConceptType.SKILL.ordinal()],
        knowledge[0],
        byType[ConceptType.OCCUPATION.ordinal()],
        byType[ConceptType.ISCO_GROUP.ordinal()],
        byType[ConceptType.SKILL_GROUP.ordinal()],
        rel[0] + rel[1],
        rel[0],
        rel[2],
        triples,
        List.copyOf(new TreeSet<>(g.languages())),
        Instant.now(),
        sources);
  }

  private static void tally(
      Map<String, ConceptType> types, org.apache.jena.sparql.core.Quad q, long[] rel, int kind) {
    if (!q.getSubject().isURI()) {
      return;
    }
    ConceptType from = types.get(q.getSubject().getURI());
    if (from == ConceptType.OCCUPATION) {
      rel[kind]++;
    } else if (from == ConceptType.SKILL) {
      rel[2]++;
    }
  }

  /** Removes graphs that no version points at: the one just replaced, and any left by a crash. */
  private void dropUnusedGraphs() {
    try {
      List<Node> unused = Txn.calculateRead(dsg, () -> new VersionRegistry(dsg).unusedDataGraphs());
      for (Node g : unused) {
        Txn.executeWrite(dsg, () -> dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
        LOG.info("Removed unused ESCO graph {}", g);
      }
    } catch (RuntimeException e) {
      // The new version is committed; a leftover graph is only disk space, removed next time.
      LOG.warn("Could not remove an unused ESCO graph yet: {}", e.getMessage());
    }
  }

  private static EscoVersion versionOf(List<Path> paths, Optional<EscoVersion> explicit) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    EscoVersion found = null;
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Optional<EscoVersion> v = EscoVersion.inFileName(String.valueOf(abs.getFileName()));
      if (v.isEmpty() && abs.getParent() != null) {
        v = EscoVersion.inFileName(String.valueOf(abs.getParent().getFileName()));
      }
      if (v.isPresent()) {
        if (found != null && !found.equals(v.get())) {
          throw new EscoInputException(
              p.toString(),
              "",
              "its name says ESCO "
                  + v.get()
                  + " but another file says "
                  + found
                  + "; load one version at a time");
        }
        found = v.get();
      }
    }
    if (found == null) {
      throw new EscoInputException(
          paths.get(0).toString(),
          "",
          "the ESCO version is not in the file names; give it with --esco-version (e.g. v1.1.1)");
    }
    return found;
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
    org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
  }
}
