package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared store against a real Fuseki server over TDB2: it answers exactly what the embedded
 * store answers for the same files, swaps a reloaded version whole, and leaves the server as it was
 * when a load fails.
 */
class FusekiEscoStoreTest {
  static final EscoVersion CSV = EscoVersion.parse("v9.9.1");
  static final EscoVersion RDF = EscoVersion.parse("v9.9.2");

  @TempDir Path dir;
  DatasetGraph served;
  FusekiServer fuseki;
  FusekiEscoStore remote;
  TdbEscoStore local;

  @BeforeEach
  void start() {
    served = DatabaseMgr.connectDatasetGraph(dir.resolve("fuseki").toString());
    fuseki = FusekiServer.create().port(0).loopback(true).add("/esco", served).build().start();
    remote =
        new FusekiEscoStore(
            "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco",
            Duration.ofSeconds(5),
            dir.resolve("scratch"));
    local = TdbEscoStore.open(dir.resolve("local"));
  }

  @AfterEach
  void stop() {
    remote.close();
    local.close();
    fuseki.stop();
  }

  private void loadBoth() {
    for (EscoStore store : List.of(local, remote)) {
      store.load(List.of(MiniEsco.folder()), Optional.of(CSV), Progress.NONE);
      store.load(List.of(MiniEsco.turtle()), Optional.of(RDF), Progress.NONE);
    }
  }

  @Test
  void theSharedStoreAnswersWhatTheEmbeddedOneAnswers() {
    loadBoth();
    assertThat(withoutLoadTimes(remote.catalog().versions()))
        .isEqualTo(withoutLoadTimes(local.catalog().versions()));
    assertThat(remote.catalog().versions())
        .extracting(VersionSummary::current)
        .containsExactly(false, true);
    for (EscoVersion v : List.of(CSV, RDF)) {
      assertThat(remote.catalog().snapshot(v, "en").concepts())
          .isEqualTo(local.catalog().snapshot(v, "en").concepts())
          .isNotEmpty();
      assertThat(remote.catalog().snapshot(v, "en").occupationSkills())
          .isEqualTo(local.catalog().snapshot(v, "en").occupationSkills())
          .hasSize(12);
      assertThat(remote.catalog().broader(v)).isEqualTo(local.catalog().broader(v));
      assertThat(documents(remote, v)).isEqualTo(documents(local, v));
      for (String uri : List.of(MiniEsco.METAL_DRAWING, MiniEsco.ICT_OCCUPATION)) {
        assertThat(remote.catalog().concept(uri, "en", Optional.of(v)))
            .isPresent()
            .isEqualTo(local.catalog().concept(uri, "en", Optional.of(v)));
      }
      assertThat(remote.catalog().concept(MiniEsco.UNKNOWN_OCCUPATION, "en", Optional.of(v)))
          .isEmpty();
    }
    String query =
        "SELECT ?o (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a ?o } } GROUP BY ?o ORDER BY ?o";
    assertThat(
            new String(
                remote.sparql(Duration.ofSeconds(10), 100).query(query, List.of()).body(),
                StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                local.sparql(Duration.ofSeconds(10), 100).query(query, List.of()).body(),
                StandardCharsets.UTF_8))
        .contains("http://data.europa.eu/esco/model#Occupation");
    assertThatThrownBy(
            () ->
                remote
                    .sparql(Duration.ofSeconds(10), 100)
                    .query("DROP GRAPH <urn:skills-observatory:catalog>", List.of()))
        .isInstanceOf(QueryRefusedException.class);
    // A SERVICE hidden in a subquery is refused here, before the query reaches the server.
    assertThatThrownBy(
            () ->
                remote
                    .sparql(Duration.ofSeconds(10), 100)
                    .query(
                        "SELECT * { { SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } } }",
                        List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.SERVICE));
  }

  @Test
  void aReloadSwapsTheVersionToANewGraphAndDropsTheOldOne() {
    loadBoth();
    List<Node> before = graphsOnTheServer();
    assertThat(before).hasSize(3); // the catalog and one graph per version
    Node oldGraph = graphOf(CSV);
    remote.load(List.of(MiniEsco.folder()), Optional.of(CSV), Progress.NONE);
    Node newGraph = graphOf(CSV);
    assertThat(newGraph).isNotEqualTo(oldGraph);
    assertThat(graphsOnTheServer()).hasSize(3).contains(newGraph).doesNotContain(oldGraph);
    assertThat(remote.catalog().snapshot(CSV, "en").concepts())
        .isEqualTo(local.catalog().snapshot(CSV, "en").concepts());
  }

  @Test
  void aFailedLoadLeavesTheServerAsItWas() throws IOException {
    loadBoth();
    List<VersionSummary> before = remote.catalog().versions();
    List<Node> graphs = graphsOnTheServer();
    long triples = triplesOnTheServer();
    Path broken = dir.resolve("broken.ttl");
    List<String> lines = Files.readAllLines(MiniEsco.turtle());
    lines.set(200, lines.get(200).replace(" .", " ;; ]"));
    Files.write(broken, lines);
    assertThatThrownBy(() -> remote.load(List.of(broken), Optional.of(RDF), Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("line 201");
    assertThat(remote.catalog().versions()).isEqualTo(before);
    assertThat(graphsOnTheServer()).isEqualTo(graphs);
    assertThat(triplesOnTheServer()).isEqualTo(triples);
    try (var scratch = Files.list(dir.resolve("scratch"))) {
      assertThat(scratch).as("scratch folders are removed").isEmpty();
    }
  }

  @Test
  void anUnreachableServerIsAStoreFailureNamingIt() {
    String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco";
    fuseki.stop();
    assertThatThrownBy(() -> remote.catalog().versions())
        .isInstanceOf(EscoStoreException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("connection refused");
  }

  @Test
  void aSecondInstancesLoadWaitsForTheFirstAndThenRuns() throws Exception {
    FusekiEscoStore other = anotherInstance();
    // The other instance holds the lease, as during a load of its own.
    FusekiLease held =
        FusekiLease.take(
            other.leases, "esco-load", "other-instance", Duration.ofSeconds(5), Progress.NONE);
    List<String> said = new CopyOnWriteArrayList<>();
    CompletableFuture<LoadReport> second =
        CompletableFuture.supplyAsync(
            () -> remote.load(List.of(MiniEsco.folder()), Optional.of(CSV), telling(said)));
    Thread.sleep(3_000);
    assertThat(second).as("waiting for the other load").isNotDone();
    assertThat(said).anyMatch(s -> s.contains("Waiting for the ESCO load of other-instance"));
    held.close();
    assertThat(second.get(60, TimeUnit.SECONDS).version()).isEqualTo(CSV);
    assertThat(remote.catalog().versions()).hasSize(1);
    assertThat(graphsOnTheServer()).as("the catalog, the version; no lease left").hasSize(2);
    other.close();
  }

  @Test
  void twoInstancesLoadingOneVersionAtOnceLeaveItWholeOnce() throws Exception {
    FusekiEscoStore other = anotherInstance();
    CompletableFuture<LoadReport> a =
        CompletableFuture.supplyAsync(
            () -> remote.load(List.of(MiniEsco.folder()), Optional.of(CSV), Progress.NONE));
    CompletableFuture<LoadReport> b =
        CompletableFuture.supplyAsync(
            () -> other.load(List.of(MiniEsco.folder()), Optional.of(CSV), Progress.NONE));
    a.get(120, TimeUnit.SECONDS);
    b.get(120, TimeUnit.SECONDS);
    local.load(List.of(MiniEsco.folder()), Optional.of(CSV), Progress.NONE);
    assertThat(graphsOnTheServer()).as("the catalog and one graph of the version").hasSize(2);
    assertThat(remote.catalog().snapshot(CSV, "en").concepts())
        .isEqualTo(local.catalog().snapshot(CSV, "en").concepts());
    other.close();
  }

  @Test
  void aLeaseWhoseHolderDiedIsTakenOver() {
    served.begin(TxnType.WRITE);
    served.add(
        NodeFactory.createURI(FusekiLease.GRAPH),
        NodeFactory.createURI("urn:skills-observatory:lease:esco-load"),
        NodeFactory.createURI("urn:skills-observatory:lease#holder"),
        NodeFactory.createLiteralString("a-dead-instance"));
    served.add(
        NodeFactory.createURI(FusekiLease.GRAPH),
        NodeFactory.createURI("urn:skills-observatory:lease:esco-load"),
        NodeFactory.createURI("urn:skills-observatory:lease#until"),
        NodeFactory.createLiteralDT("2020-01-01T00:00:00Z", XSDDatatype.XSDdateTime));
    served.commit();
    served.end();
    List<String> said = new CopyOnWriteArrayList<>();
    remote.load(List.of(MiniEsco.folder()), Optional.of(CSV), telling(said));
    assertThat(said).noneMatch(s -> s.startsWith("Waiting"));
    assertThat(graphsOnTheServer()).hasSize(2);
  }

  private FusekiEscoStore anotherInstance() {
    return new FusekiEscoStore(
        "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco",
        Duration.ofSeconds(5),
        dir.resolve("scratch-other"));
  }

  private static Progress telling(List<String> said) {
    return new Progress() {
      @Override
      public void start(String task, String itemUnit, long totalWork) {
        said.add(task);
      }

      @Override
      public void advance(long done, long items) {}

      @Override
      public void finish(String summary) {
        said.add(summary);
      }
    };
  }

  private List<Node> graphsOnTheServer() {
    List<Node> out = new ArrayList<>();
    Txn.executeRead(served, () -> served.listGraphNodes().forEachRemaining(out::add));
    out.sort((a, b) -> a.getURI().compareTo(b.getURI()));
    return out;
  }

  private long triplesOnTheServer() {
    return Txn.calculateRead(
        served,
        () -> {
          long[] n = {0};
          served.find().forEachRemaining(q -> n[0]++);
          return n[0];
        });
  }

  private Node graphOf(EscoVersion v) {
    return Txn.calculateRead(served, () -> new VersionRegistry(served).graphOf(v).orElseThrow());
  }

  private static List<ConceptDocument> documents(EscoStore store, EscoVersion v) {
    List<ConceptDocument> out = new ArrayList<>();
    store.catalog().forEachConcept(v, out::add);
    return out;
  }

  private static List<VersionSummary> withoutLoadTimes(List<VersionSummary> versions) {
    return versions.stream()
        .map(
            s ->
                new VersionSummary(
                    s.version(),
                    s.current(),
                    s.skills(),
                    s.knowledge(),
                    s.occupations(),
                    s.iscoGroups(),
                    s.skillGroups(),
                    s.occupationSkillRelations(),
                    s.essentialRelations(),
                    s.skillSkillRelations(),
                    s.triples(),
                    s.languages(),
                    Instant.EPOCH,
                    s.sources()))
        .toList();
  }
}
