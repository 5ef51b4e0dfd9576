package eu.skillsobservatory.api.bench;

import eu.skillsobservatory.api.cli.EscoCommand;
import eu.skillsobservatory.api.cli.Output;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench load URL}: many clients at once against a running server, each asking, one request
 * after the other with no pause, a random mix of the reads a dashboard makes (ESCO search, skill
 * demand, emerging skills) over random slices; latency percentiles and errors per kind. With {@code
 * --ingest FILE} a vacancy upload job is started first, so the reads are measured while it loads.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Concurrent read load against a running server: CLIENTS clients each send search, demand and",
      "emerging-skill requests back to back for the measured time, after a warm-up; optionally",
      "while a vacancy upload job (--ingest FILE) runs. Exit code 1 if any request failed."
    })
class LoadBench implements Callable<Integer> {
  /** Words a search box sees: whole words, stems, a few misspelt. */
  static final List<String> SEARCHES =
      List.of(
          "weld",
          "python",
          "customer service",
          "nurse",
          "accounting",
          "forklift",
          "sales",
          "data analysis",
          "teach",
          "cook",
          "electrical",
          "project management",
          "java",
          "cleaning",
          "driving",
          "marketing",
          "carpentry",
          "plumbing",
          "care for elderly",
          "machine learning",
          "bookkeeping",
          "warehouse",
          "logistics",
          "solar panels",
          "recycling",
          "negotiate",
          "first aid",
          "spreadsheet",
          "databse",
          "welidng",
          "maintenence",
          "hygiene",
          "safety",
          "patient",
          "legal",
          "translate",
          "design",
          "install",
          "repair",
          "inspect");

  static final List<String> SECTORS =
      List.of(
          "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
          "S");

  /** No country (all), or one of the larger labour markets. */
  static final List<String> COUNTRIES =
      Arrays.asList(null, "DE", "FR", "IT", "ES", "PL", "NL", "RO", "SE", "BE", "AT");

  /** No period (all months), or one calendar year. */
  static final List<String> YEARS = Arrays.asList(null, "2023", "2024");

  enum Kind {
    SEARCH,
    DEMAND,
    EMERGING
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The server, e.g. http://localhost:8080")
  URI base;

  @Option(names = "--clients", defaultValue = "100", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "60", description = "Measured time.")
  int seconds;

  @Option(names = "--warmup", defaultValue = "10", description = "Warm-up time, seconds.")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random requests.")
  long seed;

  @Option(
      names = "--ingest",
      paramLabel = "FILE",
      description = "Vacancy rows to upload as a job (POST /api/vacancies) before the warm-up.")
  Path ingest;

  @Option(
      names = "--api-key",
      description = "The API key for --ingest (default: $OBSERVATORY_API_KEY).",
      defaultValue = "${env:OBSERVATORY_API_KEY}")
  String apiKey;

  @Option(
      names = "--distinct-slices",
      description =
          "Every demand and emerging request a slice not asked before (sector, country and a"
              + " period of 12 to 24 months of 2023-2024), so no answer can come from a cache.")
  boolean distinctSlices;

  /** The next distinct slice, counted across all clients (warm-up included). */
  private final AtomicLong sliceCounter = new AtomicLong();

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  /** Latencies and failures of one kind of request. */
  record Stats(
      String kind,
      long requests,
      long errors,
      double perSecond,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs) {}

  /** What the upload job did while the reads were measured. */
  record IngestJob(
      String id,
      String stateAtStart,
      String stateAtEnd,
      String progressAtStart,
      String progressAtEnd,
      String finalState,
      Object result) {}

  record Report(
      String url,
      int clients,
      int seconds,
      int warmupSeconds,
      boolean distinctSlices,
      List<Stats> kinds,
      Stats all,
      Map<String, Long> errorsByCause,
      IngestJob ingest) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  public Integer call() throws Exception {
    String fmt = Output.format(format, "text", "json");
    if (clients < 1 || seconds < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "--clients and --seconds: at least 1; --warmup: at least 0");
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("URL: an http or https address, not '" + base + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    String jobId = null;
    if (ingest != null) {
      jobId = startIngest(err);
    }
    err.printf(Locale.ROOT, "Warming up for %d s with %d clients ...%n", warmup, clients);
    err.flush();
    run(warmup, seed ^ 0x5DEECE66DL);
    JsonNode before = jobId == null ? null : job(jobId);
    err.printf(Locale.ROOT, "Measuring for %d s ...%n", seconds);
    err.flush();
    LoadMeasures.Measured m = run(seconds, seed);
    JsonNode after = jobId == null ? null : job(jobId);
    IngestJob ingestJob = null;
    if (jobId != null) {
      err.println("Waiting for the ingest job to end ...");
      err.flush();
      JsonNode last = after;
      while (!last.path("state").asString().equals("SUCCEEDED")
          && !last.path("state").asString().equals("FAILED")) {
        Thread.sleep(1000);
        last = job(jobId);
      }
      ingestJob =
          new IngestJob(
              jobId,
              before.path("state").asString(),
              after.path("state").asString(),
              progress(before),
              progress(after),
              last.path("state").asString(),
              last.has("result") ? json.treeToValue(last.get("result"), Object.class) : null);
    }
    Report report = m.report(this, ingestJob);
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      out.println(EscoCommand.json(report));
    } else {
      LoadMeasures.text(out, report);
    }
    out.flush();
    return report.all().errors() == 0 ? 0 : 1;
  }

  private String startIngest(PrintWriter err) throws IOException, InterruptedException {
    if (!Files.isReadable(ingest)) {
      throw new IllegalArgumentException("--ingest: " + ingest + " cannot be read");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "--ingest needs an API key: --api-key KEY or OBSERVATORY_API_KEY");
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/vacancies?source=bench-load"))
                .header("X-API-Key", apiKey)
                .header(
                    "Content-Type",
                    ingest.toString().endsWith(".csv") ? "text/csv" : "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(ingest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException(
          "POST /api/vacancies answered " + r.statusCode() + ": " + r.body());
    }
    String id = json.readTree(r.body()).path("id").asString();
    err.printf(Locale.ROOT, "Ingest job %s started with %s%n", id, ingest);
    // Wait until it reads rows, so the measured reads overlap the load itself.
    for (int i = 0; i < 600; i++) {
      JsonNode j = job(id);
      String state = j.path("state").asString();
      if (state.equals("FAILED") || state.equals("SUCCEEDED")) {
        throw new IllegalStateException("the ingest job ended before the load began: " + j);
      }
      if (state.equals("RUNNING") && j.path("progress").path("done").asLong() > 0) {
        break;
      }
      Thread.sleep(500);
    }
    return id;
  }

  private static String progress(JsonNode job) {
    JsonNode p = job.path("progress");
    return String.format(
        Locale.ROOT,
        "%s, %,d %s",
        p.path("task").asString(),
        p.path("items").asLong(),
        p.path("unit").asString("items"));
  }

  private JsonNode job(String id) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/jobs/" + id)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /api/jobs/" + id + " answered " + r.statusCode());
    }
    return json.readTree(r.body());
  }

  /** One request of a random kind over a random slice. */
  URI next(SplittableRandom random, Kind kind) {
    String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    String year = YEARS.get(random.nextInt(YEARS.size()));
    String sector = SECTORS.get(random.nextInt(SECTORS.size()));
    StringBuilder q = new StringBuilder();
    if (distinctSlices && kind != Kind.SEARCH) {
      String path = kind == Kind.DEMAND ? "/api/analytics/demand" : "/api/analytics/emerging";
      return base.resolve(
          path + "?limit=20" + DistinctSlices.slice(sliceCounter.getAndIncrement()));
    }
    switch (kind) {
      case SEARCH ->
          q.append("/api/esco/search?limit=20&q=")
              .append(
                  URLEncoder.encode(
                      SEARCHES.get(random.nextInt(SEARCHES.size())), StandardCharsets.UTF_8));
      case DEMAND -> q.append("/api/analytics/demand?limit=20&sector=").append(sector);
      case EMERGING -> q.append("/api/analytics/emerging?limit=20&sector=").append(sector);
    }
    if (kind != Kind.SEARCH) {
      if (country != null) {
        q.append("&country=").append(country);
      }
      if (year != null && kind == Kind.DEMAND) {
        q.append("&from=").append(year).append("-01&to=").append(year).append("-12");
      }
    }
    return base.resolve(q.toString());
  }

  private LoadMeasures.Measured run(int secs, long runSeed) throws InterruptedException {
    LoadMeasures.Measured m = new LoadMeasures.Measured(secs);
    long until = System.nanoTime() + secs * 1_000_000_000L;
    SplittableRandom root = new SplittableRandom(runSeed);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      SplittableRandom random = root.split();
      Thread t =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < until) {
                    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                    URI uri = next(random, kind);
                    long start = System.nanoTime();
                    String cause = null;
                    try {
                      HttpResponse<Void> r =
                          http.send(
                              HttpRequest.newBuilder(uri)
                                  .timeout(Duration.ofSeconds(120))
                                  .header("Accept", "application/json")
                                  .build(),
                              HttpResponse.BodyHandlers.discarding());
                      if (r.statusCode() != 200) {
                        cause = "HTTP " + r.statusCode();
                      }
                    } catch (IOException e) {
                      cause = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    m.add(kind, System.nanoTime() - start, cause);
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-client-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    return m;
  }
}
