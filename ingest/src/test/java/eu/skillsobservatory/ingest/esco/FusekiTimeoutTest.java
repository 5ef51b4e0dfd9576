package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuseki bounds a query itself: with the timeout of the configuration the project ships ({@code
 * src/docs/fuseki/esco.ttl}), and with the shorter one the application asks for, so that a query
 * the application gave up on does not go on running on the server.
 */
class FusekiTimeoutTest {
  /** Three times every triple of the mini ESCO: far more rows than a few seconds can count. */
  static final String SLOW =
      "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f }"
          + " GRAPH ?i { ?x ?y ?z } }";

  @TempDir Path dir;
  FusekiServer fuseki;
  FusekiEscoStore remote;

  /** A Fuseki server from the shipped configuration, its database here and its timeout given. */
  FusekiEscoStore serve(String timeoutMillis) throws IOException {
    String config =
        Files.readString(Path.of("..", "src", "docs", "fuseki", "esco.ttl"))
            .replace("tdb2:location \"DB\"", "tdb2:location \"" + dir.resolve("db") + "\"")
            .replace("ja:cxtValue \"30000\"", "ja:cxtValue \"" + timeoutMillis + "\"");
    assertThat(config).contains(timeoutMillis).contains(dir.resolve("db").toString());
    Path file = dir.resolve("esco.ttl");
    Files.writeString(file, config);
    fuseki = FusekiServer.create().port(0).loopback(true).parseConfigFile(file).build().start();
    remote =
        new FusekiEscoStore(
            "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco",
            Duration.ofSeconds(5),
            dir.resolve("scratch"));
    remote.load(
        List.of(MiniEsco.folder()), Optional.of(EscoVersion.parse("v9.9.1")), Progress.NONE);
    return remote;
  }

  @AfterEach
  void stop() {
    if (remote != null) {
      remote.close();
    }
    if (fuseki != null) {
      fuseki.stop();
    }
  }

  @Test
  void theServersOwnTimeoutStopsAQueryTheApplicationWouldHaveWaitedForLonger() throws IOException {
    FusekiEscoStore store = serve("1000");
    long start = System.nanoTime();
    assertThatThrownBy(() -> store.sparql(Duration.ofSeconds(60), 100).query(SLOW, List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void theServerStopsAQueryAtTheApplicationsShorterTimeout() throws IOException {
    FusekiEscoStore store = serve("600000");
    long start = System.nanoTime();
    // The application waits a little longer than it asks the server for: an answer before then
    // is the server's own refusal.
    assertThatThrownBy(() -> store.sparql(Duration.ofSeconds(2), 100).query(SLOW, List.of()))
        .isInstanceOfSatisfying(
            QueryRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(QueryRefusedException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(2).plus(ReadOnlySparql.SERVER_GRACE));
    // The server is free again: a small query is answered at once.
    assertThat(
            store
                .sparql(Duration.ofSeconds(10), 100)
                .query("ASK { GRAPH ?g { ?s ?p ?o } }", List.of())
                .body())
        .isNotEmpty();
  }
}
