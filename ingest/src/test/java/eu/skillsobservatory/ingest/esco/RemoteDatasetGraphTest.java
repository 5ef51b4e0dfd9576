package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared store's read view against a real Fuseki server: requests counted. */
class RemoteDatasetGraphTest {
  static final Node GRAPH = NodeFactory.createURI("urn:test:version");
  static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");

  DatasetGraph served;
  FusekiServer fuseki;
  RemoteDatasetGraph remote;
  final AtomicInteger requests = new AtomicInteger();

  static Node subject(int i) {
    return NodeFactory.createURI("http://data.europa.eu/esco/skill/s" + i);
  }

  @BeforeEach
  void start() {
    served = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(
        served,
        () -> {
          for (int i = 0; i < 700; i++) {
            served.add(GRAPH, subject(i), LABEL, NodeFactory.createLiteralLang("skill " + i, "en"));
            served.add(GRAPH, subject(i), LABEL, NodeFactory.createLiteralLang("Fähigkeit", "de"));
          }
        });
    fuseki = FusekiServer.create().port(0).loopback(true).add("/esco", served).build().start();
    String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco";
    Function<Function<RDFConnection, Object>, Object> server =
        f -> {
          requests.incrementAndGet();
          try (RDFConnection c = RDFConnection.connect(url)) {
            return f.apply(c);
          }
        };
    remote = new RemoteDatasetGraph(url, server);
  }

  @AfterEach
  void stop() {
    fuseki.stop();
  }

  List<Quad> read(Node s) {
    List<Quad> out = new ArrayList<>();
    remote.find(GRAPH, s, Node.ANY, Node.ANY).forEachRemaining(out::add);
    return out;
  }

  @Test
  void manySubjectsAreFetchedAFewHundredARequestAndThenReadFromTheCache() {
    List<Node> subjects = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      subjects.add(subject(i));
    }
    subjects.add(NodeFactory.createURI("http://data.europa.eu/esco/skill/none"));
    remote.prefetch(GRAPH, subjects);
    assertThat(requests.get()).isEqualTo(3);

    for (int i = 0; i < 700; i++) {
      assertThat(read(subject(i))).hasSize(2);
    }
    assertThat(read(NodeFactory.createURI("http://data.europa.eu/esco/skill/none"))).isEmpty();
    assertThat(read(subject(7)))
        .extracting(q -> q.getObject().getLiteralLexicalForm())
        .containsExactlyInAnyOrder("skill 7", "Fähigkeit");
    remote.prefetch(GRAPH, subjects);
    assertThat(requests.get()).as("all cached: no request").isEqualTo(3);
  }

  @Test
  void withoutAPrefetchEachSubjectIsOneRequest() {
    for (int i = 0; i < 10; i++) {
      assertThat(read(subject(i))).hasSize(2);
    }
    assertThat(requests.get()).isEqualTo(10);
  }
}
