package eu.skillsobservatory.ingest.search;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static eu.skillsobservatory.ingest.search.SearchConnectionTest.es;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole bulk that fails (a node killed under it; a body the client resent half-spent, which the
 * cluster answers with "Malformed action/metadata line") is sent again from the request, and its
 * documents count as written only once acknowledged; after the last attempt they count as failed,
 * never as written. WireMock plays the cluster: a failing node cannot be made to fail on cue.
 */
class BulkWritesTest {
  static final String MALFORMED =
      "{\"error\":{\"root_cause\":[{\"type\":\"illegal_argument_exception\",\"reason\":"
          + "\"Malformed action/metadata line [577], expected field [create], [delete], [index] or"
          + " [update] but found [source]\"}],\"type\":\"illegal_argument_exception\",\"reason\":"
          + "\"Malformed action/metadata line [577], expected field [create], [delete], [index] or"
          + " [update] but found [source]\"},\"status\":400}";

  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static String acknowledged(List<String> ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      if (items.length() > 0) {
        items.append(',');
      }
      items
          .append("{\"index\":{\"_index\":\"x\",\"_id\":\"")
          .append(id)
          .append("\",\"status\":201,\"result\":\"created\",\"_version\":1,")
          .append("\"_shards\":{\"total\":2,\"successful\":2,\"failed\":0},")
          .append("\"_seq_no\":0,\"_primary_term\":1}}");
    }
    return "{\"took\":1,\"errors\":false,\"items\":[" + items + "]}";
  }

  List<String> write(BulkWrites<String> writes, List<String> stored) {
    try (SearchConnection c = SearchConnection.local(wm.baseUrl());
        BulkIngester<String> ingester = writes.ingester(c.client())) {
      for (String id : List.of("a", "b", "c")) {
        ingester.add(op -> op.index(i -> i.index("x").id(id).document(Map.of("id", id))), id);
      }
      ingester.close();
      writes.awaitRetries();
    }
    return stored;
  }

  @Test
  void aFailedBulkIsSentAgainAndItsDocumentsAreStored() {
    wm.stubFor(
        post(urlPathEqualTo("/_bulk"))
            .inScenario("node killed")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(es(400, MALFORMED))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlPathEqualTo("/_bulk"))
            .inScenario("node killed")
            .whenScenarioStateIs("recovered")
            .willReturn(es(200, acknowledged(List.of("a", "b", "c")))));
    List<String> stored = new CopyOnWriteArrayList<>();
    BulkWrites<String> writes = new BulkWrites<>(n -> {}, stored::add, 10);
    write(writes, stored);
    assertThat(writes.failed()).isEmpty();
    assertThat(writes.acknowledged()).isEqualTo(3);
    assertThat(stored).containsExactlyInAnyOrder("a", "b", "c");
    wm.verify(2, postRequestedFor(urlPathEqualTo("/_bulk")));
  }

  @Test
  void aBulkThatKeepsFailingCountsItsDocumentsAsFailedNeverAsWritten() {
    wm.stubFor(post(urlPathEqualTo("/_bulk")).willReturn(es(400, MALFORMED)));
    List<String> stored = new CopyOnWriteArrayList<>();
    BulkWrites<String> writes = new BulkWrites<>(n -> {}, stored::add, 10);
    write(writes, stored);
    assertThat(writes.acknowledged()).isZero();
    assertThat(stored).isEmpty();
    assertThat(writes.failed())
        .hasSize(3)
        .allSatisfy(
            f -> assertThat(f).contains("Malformed action/metadata").contains("sent 6 times"));
    wm.verify(1 + BulkWrites.ATTEMPTS, postRequestedFor(urlPathEqualTo("/_bulk")));
  }
}
