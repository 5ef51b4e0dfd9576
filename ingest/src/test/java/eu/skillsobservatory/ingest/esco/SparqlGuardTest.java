package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The open SPARQL endpoint stays inside the store and inside its limits, on a real TDB2 dataset,
 * with a listener on 127.0.0.1 that counts every request the engine might send.
 */
class SparqlGuardTest {
  static final String G = "http://data.europa.eu/esco/graph/test";

  HttpServer listener;
  final AtomicInteger requests = new AtomicInteger();
  DatasetGraph dsg;
  String target;

  @BeforeEach
  void start() throws Exception {
    listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          byte[] body =
              "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[{}]}}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    listener.start();
    target = "http://127.0.0.1:" + listener.getAddress().getPort() + "/sparql";
    dsg = DatabaseMgr.createDatasetGraph();
    Txn.executeWrite(
        dsg,
        () -> {
          for (int i = 0; i < 200; i++) {
            dsg.add(
                NodeFactory.createURI(G),
                NodeFactory.createURI("urn:s" + i),
                NodeFactory.createURI("urn:label"),
                NodeFactory.createLiteralString("label number " + i));
          }
        });
  }

  @AfterEach
  void stop() {
    listener.stop(0);
    dsg.close();
  }

  ReadOnlySparql sparql(SparqlLimits limits) {
    return new ReadOnlySparql(dsg, limits);
  }

  ReadOnlySparql sparql() {
    return sparql(SparqlLimits.of(Duration.ofSeconds(10), 10_000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * { SERVICE <%s> { ?s ?p ?o } }",
        "SELECT * { { SELECT * { SERVICE <%s> { ?s ?p ?o } } } }",
        "ASK { FILTER EXISTS { SERVICE <%s> { ?s ?p ?o } } }",
        "SELECT * { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { SERVICE <%s> { ?s ?p ?o } } }",
        "SELECT * { GRAPH ?g { ?s ?p ?o } MINUS { SERVICE <%s> { ?s ?p ?o } } }",
        "SELECT * { GRAPH ?g { ?s ?p ?o } OPTIONAL { SERVICE SILENT <%s> { ?s ?p ?o } } }",
        "SELECT * { { SELECT * { { SELECT * { SERVICE SILENT <%s> { ?s ?p ?o } } } } } }",
        "SELECT * { BIND(EXISTS { SERVICE <%s> { ?s ?p ?o } } AS ?x) }",
        "SELECT * { VALUES ?u { <%s> } SERVICE ?u { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } { SERVICE <%s> { ?s ?p ?o } }",
        "DESCRIBE ?s { SERVICE <%s> { ?s ?p ?o } }",
        "SELECT ?s (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s"
            + " HAVING (EXISTS { SERVICE <%s> { ?s ?p ?o } })",
      })
  void serviceInAnyFormIsRefusedAndNothingIsSent(String form) {
    String query = form.formatted(target);
    assertThatThrownBy(() -> sparql().query(query, List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.SERVICE));
    assertThat(requests.get()).isZero();
  }

  @Test
  void theEngineItselfSendsNothingEvenWhenTheCheckIsPassedBy() {
    var exec =
        QueryExecution.dataset(DatasetFactory.wrap(dsg))
            .query("SELECT * { SERVICE <" + target + "> { ?s ?p ?o } }")
            .build();
    QueryGuard.secure(exec.getContext(), SparqlLimits.of(Duration.ofSeconds(5), 100));
    try (exec) {
      assertThatThrownBy(
              () -> Txn.executeRead(dsg, () -> exec.execSelect().forEachRemaining(r -> {})))
          .isInstanceOf(RuntimeException.class);
    }
    assertThat(requests.get()).isZero();
  }

  @Test
  void aStringDoubledFortyTimesStopsAndTheNextQueryIsAnswered() {
    StringBuilder q = new StringBuilder("SELECT ?b40 { BIND(\"0123456789abcdef\" AS ?b0) ");
    for (int i = 1; i <= 40; i++) {
      q.append("BIND(CONCAT(?b").append(i - 1).append(", ?b").append(i - 1).append(") AS ?b");
      q.append(i).append(") ");
    }
    q.append('}');
    assertThatThrownBy(() -> sparql().query(q.toString(), List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> {
              assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.LIMIT);
              assertThat(e.getMessage()).contains("max-string-length");
            });
    String after =
        new String(
            sparql().query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", List.of()).body(),
            StandardCharsets.UTF_8);
    assertThat(after).contains("\"200\"");
  }

  @Test
  void aStringGrownInsideASubqueryOrExistsStopsToo() {
    StringBuilder chain = new StringBuilder("BIND(\"0123456789abcdef\" AS ?b0) ");
    for (int i = 1; i <= 40; i++) {
      chain.append("BIND(ENCODE_FOR_URI(CONCAT(?b").append(i - 1).append(", ?b");
      chain.append(i - 1).append(")) AS ?b");
      chain.append(i).append(") ");
    }
    for (String q :
        List.of(
            "SELECT * { { SELECT ?b40 { " + chain + "} } }",
            "ASK { FILTER EXISTS { " + chain + "} }")) {
      assertThatThrownBy(() -> sparql().query(q, List.of()))
          .isInstanceOfSatisfying(
              QueryRefusedException.class,
              e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.LIMIT));
    }
  }

  @Test
  void replaceThatMultipliesAStringStops() {
    StringBuilder q = new StringBuilder("SELECT ?b8 { BIND(\"xxxxxxxxxxxxxxxx\" AS ?b0) ");
    for (int i = 1; i <= 8; i++) {
      q.append("BIND(REPLACE(?b").append(i - 1).append(", \"x\", ?b").append(i - 1);
      q.append(") AS ?b").append(i).append(") ");
    }
    q.append('}');
    assertThatThrownBy(() -> sparql().query(q.toString(), List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.LIMIT));
  }

  @Test
  void aRegularExpressionThatBacktracksStops() {
    String q =
        "SELECT * { GRAPH ?g { ?s ?p ?l } BIND(CONCAT(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", ?l)"
            + " AS ?t) FILTER(REGEX(?t, \"(.*a){25}\")) }";
    SparqlLimits limits =
        new SparqlLimits(Duration.ofSeconds(60), 10_000, 1_000_000, 100_000, 1L << 30, 1L << 32);
    assertThatThrownBy(() -> sparql(limits).query(q, List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.getMessage()).contains("max-regex-steps"));
  }

  @Test
  void replaceAndRegexKeepTheirMeaning() {
    String q =
        "SELECT ?r ?m { BIND(REPLACE(\"Welding Metal\"@en, \"(m)etal\", \"$1ETAL\", \"i\") AS ?r)"
            + " BIND(REGEX(\"Welding\", \"^weld\", \"i\") AS ?m) }";
    String body = new String(sparql().query(q, List.of()).body(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"Welding METAL\"").contains("\"xml:lang\": \"en\"");
    assertThat(body).contains("\"true\"");
  }

  @Test
  void anAggregateThatGrowsAcrossRowsStopsAtTheMemoryBudget() {
    SparqlLimits small =
        new SparqlLimits(
            Duration.ofSeconds(60), 10_000, 1_000_000, 10_000_000, 1L << 30, 64L << 20);
    String q =
        "SELECT (GROUP_CONCAT(CONCAT(?l1, ?l2, ?l3)) AS ?all)"
            + " { GRAPH ?g { ?a ?p ?l1 . ?b ?p ?l2 . ?c ?p ?l3 } }";
    assertThatThrownBy(() -> sparql(small).query(q, List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.getMessage()).contains("max-allocation"));
  }

  @Test
  void aConstructTemplateIsCappedInTriplesNotRows() {
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      template.append("?s <urn:p").append(i).append("> ?l . ");
    }
    String q = "CONSTRUCT { " + template + "} { GRAPH ?g { ?s ?p ?l } }";
    String body =
        new String(
            sparql(SparqlLimits.of(Duration.ofSeconds(10), 1_000))
                .query(q, List.of(SparqlQueries.Format.NTRIPLES))
                .body(),
            StandardCharsets.UTF_8);
    assertThat(body.lines().count()).isBetween(1L, 1_000L);
  }

  @Test
  void anAnswerPastTheByteLimitStops() {
    SparqlLimits small =
        new SparqlLimits(Duration.ofSeconds(10), 10_000, 1_000_000, 10_000_000, 4_096, 1L << 30);
    assertThatThrownBy(() -> sparql(small).query("SELECT * { GRAPH ?g { ?s ?p ?o } }", List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class, e -> assertThat(e.getMessage()).contains("max-bytes"));
  }
}
