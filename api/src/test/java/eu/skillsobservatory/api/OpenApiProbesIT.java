package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import eu.skillsobservatory.api.web.ApiKeyFilter;
import eu.skillsobservatory.api.web.RequestLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.FormContentFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open API tried as an attacker would, on a running server: hidden {@code SERVICE}, strings
 * that double, oversized and odd requests, too many expensive reads at once, and what an anonymous
 * reader is shown. A listener on 127.0.0.1 counts every request the server might send out.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiProbesIT {
  static final long RUN = System.nanoTime();
  static final Path home = Path.of("target", "test-homes", "probes-" + RUN);
  static final String KEY = "probe-writer";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add(
        "observatory.esco.bundled",
        () -> MiniEscoFolder.in(Path.of("target", "test-homes", "probes-esco-" + RUN)).toString());
    r.add("observatory.extraction.warm-up", () -> "false");
    // Nor what analytics answers need (its reads would take a core while the tests run).
    r.add("observatory.analytics.warm-up", () -> "false");
    // Titles are not its subject: no model for the few the labels code unsurely.
    r.add("observatory.extraction.title-meaning", () -> "false");
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
    r.add("observatory.statistics.load-on-first-start", () -> "false");
    r.add("observatory.security.api-keys", () -> "probe:" + ApiKeyFilter.hash(KEY));
    r.add("observatory.http.max-request", () -> "1MB");
    r.add("observatory.http.max-concurrent", () -> "1");
    r.add("observatory.http.busy-wait", () -> "200ms");
    r.add("observatory.sparql.timeout", () -> "4s");
    r.add("observatory.curricula.max-outcomes", () -> "50");
  }

  @Autowired Environment env;
  @Autowired ApplicationContext context;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();
  HttpServer listener;
  final AtomicInteger received = new AtomicInteger();
  String target;

  @BeforeAll
  void listen() throws Exception {
    listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/",
        ex -> {
          received.incrementAndGet();
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    listener.start();
    target = "http://127.0.0.1:" + listener.getAddress().getPort();
  }

  @AfterAll
  void stop() {
    listener.stop(0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  HttpResponse<String> sparql(String query) throws Exception {
    return get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  String type(HttpResponse<String> r) {
    return json.readTree(r.body()).path("type").asString();
  }

  @Test
  void hiddenServiceIsRefusedWith400AndNothingLeavesTheServer() throws Exception {
    for (String q :
        List.of(
            "SELECT * { { SELECT * { SERVICE <%s/x> { ?s ?p ?o } } } }",
            "ASK { FILTER EXISTS { SERVICE <%s/y> { ?s ?p ?o } } }",
            "SELECT * { ?s ?p ?o MINUS { SERVICE SILENT <%s/z> { ?s ?p ?o } } }",
            "SELECT * { OPTIONAL { { SELECT * { SERVICE <%s/w> { ?s ?p ?o } } } } }")) {
      HttpResponse<String> r = sparql(q.formatted(target));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(type(r)).isEqualTo("urn:skills-observatory:problem:sparql-service-refused");
    }
    assertThat(received.get()).isZero();
  }

  @Test
  void aStringDoublingQueryIs422AndTheServerGoesOnAnswering() throws Exception {
    StringBuilder q = new StringBuilder("SELECT ?b40 { BIND(\"0123456789abcdef\" AS ?b0) ");
    for (int i = 1; i <= 40; i++) {
      q.append("BIND(CONCAT(?b%d, ?b%d) AS ?b%d) ".formatted(i - 1, i - 1, i));
    }
    HttpResponse<String> r = sparql(q.append('}').toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(type(r)).isEqualTo("urn:skills-observatory:problem:sparql-limit-exceeded");
    HttpResponse<String> after = sparql("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(get("/api/esco/versions").statusCode()).isEqualTo(200);
  }

  @Test
  void aSecondExpensiveReadWhileOneRunsIs429WithRetryAfter() throws Exception {
    // A cross product of the whole store runs until the 4 s timeout or the memory budget.
    CompletableFuture<HttpResponse<String>> slow =
        http.sendAsync(
            HttpRequest.newBuilder(
                    uri(
                        "/sparql?query="
                            + URLEncoder.encode(
                                "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?h"
                                    + " ?i ?j } }",
                                StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(700);
    HttpResponse<String> r = sparql("ASK { ?s ?p ?o }");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(type(r)).isEqualTo("urn:skills-observatory:problem:busy");
    assertThat(slow.get().statusCode()).isIn(422, 503);
    assertThat(sparql("ASK { ?s ?p ?o }").statusCode()).isEqualTo(200);
  }

  @Test
  void aCurriculumOfTooManyOutcomesIs400() throws Exception {
    StringBuilder outcomes = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      outcomes.append(i == 0 ? "" : ",").append("\"weld steel parts ").append(i).append('"');
    }
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri("/api/curricula/align"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"outcomes\":" + outcomes + "],\"sector\":\"C\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("observatory.curricula.max-outcomes");
  }

  @Test
  void aFullExtractionOfAVeryLongTextIs400() throws Exception {
    String text = "Weld steel frames. ".repeat(12_000);
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri("/api/extract"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("observatory.extraction.max-full-text");
  }

  @Test
  void noFilterReadsAFormBodyBeforeTheLimits() {
    assertThat(context.getBeansOfType(FormContentFilter.class)).isEmpty();
    Order order = AnnotationUtils.findAnnotation(RequestLimits.class, Order.class);
    assertThat(order.value()).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void anOversizedChunkedSparqlBodyIs413() throws Exception {
    byte[] big = ("SELECT * { ?s ?p \"" + "x".repeat(2_000_000) + "\" }").getBytes();
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> (InputStream) new ByteArrayInputStream(big))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
  }

  @Test
  void requestsPastTheirBoundsAre400NotServerErrors() throws Exception {
    assertThat(get("/api/esco/search?q=weld&offset=9990&limit=20").statusCode()).isEqualTo(400);
    assertThat(get("/api/analytics/emerging?sector=C&recentMonths=2147483647").statusCode())
        .isEqualTo(400);
    assertThat(get("/api/analytics/emerging?sector=C&baselineMonths=2147483647").statusCode())
        .isEqualTo(400);
    String boundary = "probe-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"/\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri("/api/esco/versions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
  }

  @Test
  void whatTheContainerRefusesIsAProblemDocumentToo() throws Exception {
    HttpResponse<String> trace =
        send(
            HttpRequest.newBuilder(uri("/api/esco/versions"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
    assertThat(trace.statusCode()).isEqualTo(405);
    assertThat(trace.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(type(trace)).isEqualTo("urn:skills-observatory:problem:method-not-allowed");
    assertThat(json.readTree(trace.body()).path("status").asInt()).isEqualTo(405);
    assertThat(trace.body()).doesNotContain("timestamp").doesNotContain("exception");
    HttpResponse<String> direct = get("/error");
    assertThat(direct.statusCode()).isEqualTo(404);
    assertThat(type(direct)).isEqualTo("urn:skills-observatory:problem:not-found");
  }

  @Test
  void anAnonymousReaderSeesNoJobListNoReasonAndNoServerPath() throws Exception {
    String boundary = "probe-boundary";
    String file =
        "{\"@context\": \""
            + target
            + "/ctx.jsonld\", \"@id\": \"http://data.europa.eu/esco/skill/1\"}\n";
    HttpResponse<String> posted =
        send(
            HttpRequest.newBuilder(uri("/api/esco/versions?version=v9.9.7"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", KEY)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\";"
                            + " filename=\"esco-v9.9.7.jsonld\"\r\n"
                            + "Content-Type: application/ld+json\r\n\r\n"
                            + file
                            + "\r\n--"
                            + boundary
                            + "--\r\n")));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String job = posted.headers().firstValue("Location").orElseThrow();
    JsonNode anonymous = null;
    for (int i = 0; i < 300; i++) {
      anonymous = json.readTree(get(job).body());
      if (anonymous.get("state").asString().equals("FAILED")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(anonymous.get("state").asString()).isEqualTo("FAILED");
    assertThat(anonymous.get("error").asString()).doesNotContain("fetched").contains("API key");
    JsonNode keyed = json.readTree(get(job, "X-API-Key", KEY).body());
    assertThat(keyed.get("error").asString())
        .contains("is not fetched")
        .contains("esco-v9.9.7.jsonld");
    List<String> bodies = new ArrayList<>();
    bodies.add(get(job).body());
    bodies.add(get(job, "X-API-Key", KEY).body());
    bodies.add(get("/actuator/health").body());
    for (String b : bodies) {
      assertThat(b).doesNotContain(home.toAbsolutePath().toString()).doesNotContain("/uploads/");
    }
    assertThat(received.get()).isZero();
    HttpResponse<String> list = get("/api/jobs");
    assertThat(list.statusCode()).isEqualTo(401);
    assertThat(get("/api/jobs", "X-API-Key", KEY).body()).contains(job.substring(10));
    assertThat(get("/api/jobs", "X-API-Key", "wrong").statusCode()).isEqualTo(403);
  }
}
