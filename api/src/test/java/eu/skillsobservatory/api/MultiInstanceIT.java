package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.esco.EscoService;
import eu.skillsobservatory.api.fixtures.ElasticsearchCluster;
import eu.skillsobservatory.api.fixtures.Json;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import eu.skillsobservatory.api.web.ApiKeyFilter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beyond one machine: a Fuseki server over TDB2 holds ESCO, a cluster of three Elasticsearch nodes
 * (each in a process of its own, one replica per shard) holds the indexes, and two application
 * instances share both. Both instances answer the same; a load run by one is seen whole by the
 * other; a node killed during a load and queries loses nothing; with the whole cluster down the
 * instances answer a problem detail at once, and they recover by themselves when it returns.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {
  static final Path root =
      Path.of("target", "test-homes", "multi-" + System.nanoTime()).toAbsolutePath();
  static final String KEY = "multi-instance-writer-key";
  static final Pattern SKILL =
      Pattern.compile("http://data\\.europa\\.eu/esco/skill/[0-9a-f-]{36}");

  static ElasticsearchCluster cluster;
  static DatasetGraph fusekiData;
  static FusekiServer fuseki;
  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static List<String> skills;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void start() throws IOException {
    cluster = ElasticsearchCluster.start(root.resolve("es"), 3);
    fusekiData = DatabaseMgr.connectDatasetGraph(root.resolve("fuseki").toString());
    fuseki = FusekiServer.create().port(0).loopback(true).add("/esco", fusekiData).build().start();
    Path esco = MiniEscoFolder.in(root);
    skills = skillsOf(esco.resolve("skills_en.csv"));
    // The first instance finds the shared stores empty and loads ESCO into them; the second finds
    // it there.
    a = instance("a", esco);
    b = instance("b", esco);
  }

  static ConfigurableApplicationContext instance(String name, Path esco) {
    Map<String, Object> p = new HashMap<>();
    p.put("server.port", "0");
    p.put("observatory.home", root.resolve("home-" + name).toString());
    p.put("observatory.esco.bundled", esco.toString());
    p.put("observatory.esco.store-url", "http://127.0.0.1:" + fuseki.getHttpPort() + "/esco");
    p.put("observatory.elasticsearch.url", cluster.urls());
    p.put("observatory.elasticsearch.connect-timeout", "2s");
    p.put("observatory.elasticsearch.request-timeout", "20s");
    p.put("observatory.vacancies.load-sample-on-first-start", "false");
    p.put("observatory.offers.load-sample-on-first-start", "false");
    p.put("observatory.statistics.load-on-first-start", "false");
    p.put("observatory.extraction.warm-up", "false");
    p.put("observatory.analytics.warm-up", "false");
    p.put("observatory.extraction.title-meaning", "false");
    p.put("observatory.security.api-keys", "writer:" + ApiKeyFilter.hash(KEY));
    return new SpringApplicationBuilder(ObservatoryApplication.class).properties(p).run();
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
    if (fuseki != null) {
      fuseki.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static List<String> skillsOf(Path csv) throws IOException {
    List<String> out = new ArrayList<>();
    Matcher m = SKILL.matcher(Files.readString(csv));
    while (m.find()) {
      if (!out.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** {@code n} vacancies in sector C over 2024, ids {@code prefix0..}, each naming three skills. */
  static String vacancies(String prefix, int n) {
    StringBuilder out = new StringBuilder();
    String[] countries = {"DE", "AT", "FR"};
    for (int i = 0; i < n; i++) {
      List<String> three = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        three.add("\"" + skills.get((i * 7 + k * 3 + (i / 500)) % skills.size()) + "\"");
      }
      out.append("{\"id\":\"")
          .append(prefix)
          .append(i)
          .append("\",\"posted\":\"2024-")
          .append(String.format("%02d", 1 + i % 12))
          .append("-15\",\"country\":\"")
          .append(countries[i % 3])
          .append("\",\"nace\":\"C\",\"title\":\"metal drawing machine operator\",\"skills\":[")
          .append(String.join(",", three))
          .append("]}\n");
    }
    return out.toString();
  }

  static String port(ConfigurableApplicationContext c) {
    return c.getEnvironment().getProperty("local.server.port");
  }

  HttpResponse<String> get(ConfigurableApplicationContext c, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(c) + path))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(ConfigurableApplicationContext c, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(c) + path))
            .header("Content-Type", "application/x-ndjson")
            .header("X-API-Key", KEY)
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  long vacanciesInTheCluster() throws IOException, InterruptedException {
    cluster.get("/vacancies/_refresh");
    return json.readTree(cluster.get("/vacancies/_count")).get("count").asLong();
  }

  static final List<String> READS =
      List.of(
          "/api/esco/versions",
          "/api/esco/search?q=metal",
          "/api/analytics/demand?sector=C",
          "/api/analytics/demand?sector=C&by=country",
          "/api/analytics/emerging?sector=C",
          "/api/vacancies/stats",
          "/sparql?query="
              + URLEncoder.encode(
                  "SELECT ?type (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a ?type } }"
                      + " GROUP BY ?type ORDER BY ?type",
                  StandardCharsets.UTF_8));

  @Test
  @Order(1)
  void bothInstancesGiveTheSameAnswers() throws Exception {
    HttpResponse<String> loaded =
        post(a, "/api/vacancies?source=multi&wait=true", vacancies("m", 3000));
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
    assertThat(vacanciesInTheCluster()).isEqualTo(3000);
    List<String> reads = new ArrayList<>(READS);
    reads.add("/api/esco/concepts?uri=" + skills.get(0));
    for (String path : reads) {
      HttpResponse<String> fromA = get(a, path);
      HttpResponse<String> fromB = get(b, path);
      assertThat(fromA.statusCode()).as(path + ": " + fromA.body()).isEqualTo(200);
      assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
    }
    assertThat(get(a, "/api/analytics/demand?sector=C").body()).contains(skills.get(0));

    // An answer one instance keeps is not given again once the other has loaded more.
    String all = "/api/analytics/demand?sector=C&includeDuplicates=true";
    long before = postings(get(a, all));
    assertThat(postings(get(a, all))).isEqualTo(before);
    HttpResponse<String> more =
        post(b, "/api/vacancies?source=multi-more&wait=true", vacancies("k", 300));
    assertThat(more.statusCode()).as(more.body()).isEqualTo(200);
    assertThat(postings(get(a, all))).isEqualTo(before + 300);

    // An ESCO load run by one instance is seen, whole, by the other at once.
    EscoVersion next = EscoVersion.parse("v1.1.2");
    b.getBean(EscoService.class)
        .load(List.of(MiniEscoFolder.in(root.resolve("next"))), Optional.of(next), Progress.NONE);
    b.getBean(EscoService.class).index(Optional.of(next), Progress.NONE);
    JsonNode versions = json.readTree(get(a, "/api/esco/versions").body());
    assertThat(versions.findValuesAsString("version")).containsExactly("v1.1.1", "v1.1.2");
    for (String path : List.of("/api/esco/versions", "/api/esco/search?q=metal")) {
      assertThat(get(a, path).body()).as(path).isEqualTo(get(b, path).body());
    }
  }

  long postings(HttpResponse<String> demand) {
    assertThat(demand.statusCode()).as(demand.body()).isEqualTo(200);
    return json.readTree(demand.body()).get("groups").get(0).get("postings").asLong();
  }

  /** Adverts of their own text, {@code n} of them, from one portal; every third reposted. */
  static List<Json.Row> adverts(String source, int n, int firstDay, long seed) {
    Random r = new Random(seed);
    List<Json.Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 50; w++) {
        text.append(w == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(20_000), 36));
      }
      out.add(
          Json.row("id", "x" + i)
              .and("source", source)
              .and("posted", LocalDate.of(2024, 3, 1).plusDays(firstDay + i % 20).toString())
              .and("country", "DE")
              .and("nace", "C")
              .and("title", "Machinist " + i)
              .and("employer", "Employer " + i)
              .and("description", text.toString()));
    }
    return out;
  }

  @Test
  @Order(2)
  void twoInstancesLoadingAtOnceFindTheRepostsThatCrossBetweenThemAndAnswerForEachOthersJobs()
      throws Exception {
    // Portal p on instance a; portal q on instance b reposts every third advert of p, some days
    // before p posted it and some after, beside adverts of its own.
    List<Json.Row> p = adverts("cross-p", 600, 0, 1);
    List<Json.Row> q = new ArrayList<>(adverts("cross-q", 300, 0, 2));
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < p.size(); i += 3) {
      Json.Row copy = new Json.Row();
      copy.putAll(p.get(i));
      copy.put("source", "cross-q");
      copy.put("id", "copy" + i);
      boolean before = i % 2 == 0;
      LocalDate posted = LocalDate.parse((String) p.get(i).get("posted"));
      copy.put("posted", posted.plusDays(before ? -3 : 3).toString());
      copy.put("description", p.get(i).get("description") + " Apply now (m/f/d).");
      q.add(copy);
      // The copy posted first stays the original; the other points to it.
      if (before) {
        expected.put("cross-p/x" + i, "cross-q/copy" + i);
      } else {
        expected.put("cross-q/copy" + i, "cross-p/x" + i);
      }
    }
    HttpResponse<String> fromA = post(a, "/api/vacancies?source=cross-p", Json.lines(p));
    HttpResponse<String> fromB = post(b, "/api/vacancies?source=cross-q", Json.lines(q));
    assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(202);
    assertThat(fromB.statusCode()).as(fromB.body()).isEqualTo(202);
    String locationA = fromA.headers().firstValue("Location").orElseThrow();
    // A job run by one instance is answered by the other too: its record is in the shared store.
    JsonNode jobA = awaitJob(b, locationA);
    JsonNode jobB = awaitJob(a, fromB.headers().firstValue("Location").orElseThrow());
    assertThat(jobA.get("result").get("accepted").asLong()).as(jobA.toString()).isEqualTo(600);
    assertThat(get(b, locationA).body()).isEqualTo(get(a, locationA).body());
    assertThat(jobA.get("state").asString()).as(jobA.toString()).isEqualTo("SUCCEEDED");
    assertThat(jobB.get("state").asString()).as(jobB.toString()).isEqualTo("SUCCEEDED");

    cluster.get("/vacancies/_refresh");
    Map<String, String> marked = new HashMap<>();
    JsonNode hits =
        json.readTree(
                cluster.get(
                    "/vacancies/_search?size=2000&q=duplicate:true%20AND%20source:cross*"
                        + "&_source=source,id,duplicateOf"))
            .get("hits")
            .get("hits");
    for (JsonNode h : hits) {
      JsonNode d = h.get("_source");
      marked.put(
          d.get("source").asString() + "/" + d.get("id").asString(),
          d.get("duplicateOf").asString());
    }
    assertThat(marked).isEqualTo(expected);
  }

  @Test
  @Order(3)
  void killingOneOfThreeNodesDuringALoadAndQueriesLosesNothing() throws Exception {
    cluster.awaitHealth(3, "green");
    long before = vacanciesInTheCluster();
    int rows = 40_000;
    HttpResponse<String> accepted =
        post(b, "/api/vacancies?source=node-loss", vacancies("n", rows));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String job = accepted.headers().firstValue("Location").orElseThrow();

    // Queries on the other instance all the while.
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> failures = new ArrayList<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread reader =
        new Thread(
            () -> {
              int i = 0;
              while (loading.get()) {
                String path = READS.get(i++ % 3 + 1);
                try {
                  HttpResponse<String> r = get(a, path);
                  statuses.merge(r.statusCode(), 1, Integer::sum);
                  if (r.statusCode() != 200) {
                    synchronized (failures) {
                      failures.add(path + " " + r.statusCode() + " " + r.body());
                    }
                  }
                } catch (IOException | InterruptedException e) {
                  synchronized (failures) {
                    failures.add(path + " " + e);
                  }
                }
              }
            });
    reader.start();

    // Once the load is under way, kill the node that holds the vacancies' primary shard.
    awaitProgress(b, job, rows / 10);
    int victim = primaryOfVacancies();
    cluster.kill(victim);
    assertThat(json.readTree(get(b, job).body()).get("state").asString())
        .as("the node died while the load ran")
        .isEqualTo("RUNNING");
    JsonNode done = awaitJob(b, job);
    loading.set(false);
    reader.join();

    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("result").get("accepted").asLong()).isEqualTo(rows);
    assertThat(done.get("result").get("refused")).as(done.toString()).isEmpty();
    assertThat(done.get("result").get("written").asLong()).isEqualTo(rows);
    assertThat(vacanciesInTheCluster()).isEqualTo(before + rows);
    JsonNode stats = json.readTree(get(a, "/api/vacancies/stats").body());
    // The generated rows are alike, so most are marked as duplicates: held, not counted twice.
    assertThat(stats.get("total").asLong() + stats.get("duplicates").asLong())
        .isEqualTo(before + rows);
    assertThat(statuses.getOrDefault(200, 0)).as(failures.toString()).isGreaterThan(0);
    assertThat(statuses.keySet()).as(failures.toString()).containsOnly(200);
    cluster.awaitHealth(2, "yellow");
  }

  @Test
  @Order(4)
  void withTheClusterDownQueriesFailFastAndTheInstancesRecover() throws Exception {
    // Asked of instance b before the outage, of instance a (which has not cached them) during and
    // after it.
    String searchPath = "/api/esco/search?q=ferrous%20processing";
    String demandPath = "/api/analytics/demand?sector=C&country=DE";
    String search = get(b, searchPath).body();
    String demand = get(b, demandPath).body();
    for (int i = 0; i < 3; i++) {
      cluster.kill(i);
    }
    for (String path : List.of(searchPath, demandPath)) {
      Instant t0 = Instant.now();
      HttpResponse<String> r = get(a, path);
      Duration took = Duration.between(t0, Instant.now());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(json.readTree(r.body()).get("detail").asString()).isNotBlank();
      // Fast: a refused connection is not waited on for the 20 s request timeout.
      assertThat(took).as(path).isLessThan(Duration.ofSeconds(15));
    }
    // ESCO itself is in Fuseki, so concept pages still answer.
    assertThat(get(a, "/api/esco/concepts?uri=" + skills.get(0)).statusCode()).isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      cluster.restart(i);
    }
    cluster.awaitHealth(3, "yellow");
    assertThat(eventually(a, searchPath)).isEqualTo(search);
    assertThat(eventually(a, demandPath)).isEqualTo(demand);
  }

  /** The body of the first 200 answer within two minutes. */
  String eventually(ConfigurableApplicationContext c, String path) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    HttpResponse<String> r = get(c, path);
    while (r.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      r = get(c, path);
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  int primaryOfVacancies() throws IOException, InterruptedException {
    for (JsonNode shard :
        json.readTree(cluster.get("/_cat/shards/vacancies?format=json&h=index,prirep,node"))) {
      if ("p".equals(shard.get("prirep").asString())) {
        String node = shard.get("node").asString();
        for (int i = 0; i < 3; i++) {
          if (cluster.nodeName(i).equals(node)) {
            return i;
          }
        }
      }
    }
    throw new IllegalStateException("no primary shard of the vacancies found");
  }

  void awaitProgress(ConfigurableApplicationContext c, String job, long items) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      JsonNode j = json.readTree(get(c, job).body());
      JsonNode p = j.get("progress");
      if (p != null && p.has("items") && p.get("items").asLong() >= items) {
        return;
      }
      assertThat(j.get("state").asString()).as(j.toString()).isIn("QUEUED", "RUNNING");
      Thread.sleep(100);
    }
    throw new AssertionError("the load did not reach " + items + " rows");
  }

  JsonNode awaitJob(ConfigurableApplicationContext c, String job) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
    while (Instant.now().isBefore(deadline)) {
      JsonNode j = json.readTree(get(c, job).body());
      String state = j.get("state").asString();
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return j;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the load did not finish");
  }
}
