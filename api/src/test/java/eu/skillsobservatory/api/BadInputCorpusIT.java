package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import eu.skillsobservatory.api.fixtures.TitleMeaningOff;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed-input case the project knows ({@code src/test/resources/bad-input/}, described by
 * its {@code cases.tsv} and made by its {@code make_corpus.py}) is fed through the command line and
 * through the API: each gets a clear error or a rejects report naming what is wrong, exit code 2 or
 * a 4xx problem, and afterwards the stores hold exactly what they held before plus the file's valid
 * rows.
 */
@SpringBootTest(
    classes = ObservatoryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Titles are not its subject, through the command line either (a model for each of its runs).
@ExtendWith(TitleMeaningOff.class)
class BadInputCorpusIT {
  static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");
  static final long RUN = System.nanoTime();
  static final Path home = Path.of("target", "test-homes", "bad-input-api-" + RUN);
  static final Path cliHome = Path.of("target", "test-homes", "bad-input-cli-" + RUN);
  static final String KEY = "bad-input-writer";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry r) {
    r.add("observatory.home", () -> home.toAbsolutePath().toString());
    r.add(
        "observatory.esco.bundled",
        () ->
            MiniEscoFolder.in(Path.of("target", "test-homes", "bad-input-esco-" + RUN)).toString());
    r.add("observatory.extraction.warm-up", () -> "false");
    // Nor what analytics answers need (its reads would take a core while the tests run).
    r.add("observatory.analytics.warm-up", () -> "false");
    // Titles are not its subject: no model for the few the labels code unsurely.
    r.add("observatory.extraction.title-meaning", () -> "false");
    r.add("observatory.vacancies.load-sample-on-first-start", () -> "false");
    r.add("observatory.offers.load-sample-on-first-start", () -> "false");
    r.add("observatory.statistics.load-on-first-start", () -> "false");
    r.add(
        "observatory.security.api-keys",
        () -> "corpus:" + eu.skillsobservatory.api.web.ApiKeyFilter.hash(KEY));
  }

  /** One file of the corpus: what it feeds, how many of its rows are valid, what must be said. */
  record Case(Path file, String kind, int valid, String expect) {
    String name() {
      return file.getFileName().toString();
    }

    /** The source its rows are filed under: the file name up to its first dot, as ingest does. */
    String source() {
      String n = name();
      return n.substring(0, n.indexOf('.'));
    }
  }

  static List<Case> cases() throws Exception {
    List<Case> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(CORPUS.resolve("cases.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t");
      out.add(new Case(CORPUS.resolve(c[0]), c[1], Integer.parseInt(c[2]), c[3]));
    }
    return out;
  }

  @Autowired Environment env;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theCorpusHoldsAtLeastFortyCasesInEveryFormatThatIsRead() throws Exception {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    Set<String> kinds = new TreeSet<>();
    Set<String> formats = new TreeSet<>();
    for (Case c : all) {
      assertThat(c.file()).as(c.name()).exists();
      kinds.add(c.kind());
      String[] parts = c.name().split("\\.");
      formats.add(
          c.name().endsWith(".gz") ? parts[parts.length - 2] + ".gz" : parts[parts.length - 1]);
    }
    assertThat(kinds).containsExactly("esco", "offers", "statistics", "vacancies");
    assertThat(formats).contains("csv", "jsonl", "jsonl.gz", "jsonld", "ttl", "zip", "nt.gz");
  }

  @Test
  void throughTheCommandLineEachIsRefusedOrReportedAndOnlyValidRowsLoad() throws Exception {
    Path esco = MiniEscoFolder.in(Path.of("target", "test-homes", "bad-input-cli-esco-" + RUN));
    CliRun loaded = CliRun.in(cliHome, "ingest", "esco", esco.toString());
    assertThat(loaded.code()).as(loaded.err()).isZero();
    long vacanciesBefore = heldVacancies(cli("vacancies", "stats", "--format", "json"));
    long offersBefore = cli("offers", "stats", "--format", "json").path("offers").asLong();
    String versionsBefore = cliText("esco", "versions", "--format", "json");
    String datasetsBefore = cliText("statistics", "datasets", "--format", "json");

    SoftAssertions soft = new SoftAssertions();
    long validVacancies = 0;
    long validOffers = 0;
    for (Case c : cases()) {
      Path rejects = cliHome.resolve("rejects-" + c.source() + ".csv");
      CliRun r =
          switch (c.kind()) {
            case "vacancies", "offers" ->
                CliRun.in(
                    cliHome,
                    "ingest",
                    c.kind(),
                    "--rejects",
                    rejects.toString(),
                    c.file().toString());
            default -> CliRun.in(cliHome, "ingest", c.kind(), c.file().toString());
          };
      String said = r.out() + r.err() + (Files.exists(rejects) ? Files.readString(rejects) : "");
      soft.assertThat(r.code()).as(c.name() + " exit code; said: " + said).isEqualTo(2);
      soft.assertThat(said).as(c.name() + " names the problem").contains(c.expect());
      soft.assertThat(r.err())
          .as(c.name() + " shows no stack trace")
          .doesNotContain("\tat ")
          .doesNotContain("Exception:");
      validVacancies += c.kind().equals("vacancies") ? c.valid() : 0;
      validOffers += c.kind().equals("offers") ? c.valid() : 0;
    }
    soft.assertThat(heldVacancies(cli("vacancies", "stats", "--format", "json")))
        .as("vacancies held: before plus the valid rows")
        .isEqualTo(vacanciesBefore + validVacancies);
    soft.assertThat(cli("offers", "stats", "--format", "json").path("offers").asLong())
        .as("offers held: before plus the valid rows")
        .isEqualTo(offersBefore + validOffers);
    soft.assertThat(cliText("esco", "versions", "--format", "json"))
        .as("ESCO versions unchanged")
        .isEqualTo(versionsBefore);
    soft.assertThat(cliText("statistics", "datasets", "--format", "json"))
        .as("statistics unchanged")
        .isEqualTo(datasetsBefore);
    soft.assertAll();
  }

  @Test
  void throughTheApiEachIsA4xxOrAFailedJobAndOnlyValidRowsLoad() throws Exception {
    long vacanciesBefore = heldVacancies(json.readTree(get("/api/vacancies/stats").body()));
    long offersBefore = json.readTree(get("/api/offers/stats").body()).path("offers").asLong();
    String versionsBefore = get("/api/esco/versions").body();

    SoftAssertions soft = new SoftAssertions();
    long validVacancies = 0;
    long validOffers = 0;
    for (Case c : cases()) {
      switch (c.kind()) {
        case "vacancies", "offers" -> {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          uri("/api/" + c.kind() + "?wait=true&source=" + c.source()))
                      .header("X-API-Key", KEY)
                      .header("Content-Type", "application/octet-stream")
                      .POST(HttpRequest.BodyPublishers.ofFile(c.file()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          soft.assertThat(r.statusCode()).as(c.name() + ": " + r.body()).isBetween(400, 499);
          soft.assertThat(r.headers().firstValue("Content-Type").orElse(""))
              .as(c.name())
              .startsWith("application/problem+json");
          JsonNode problem = json.readTree(r.body());
          soft.assertThat(problem.path("type").asString()).as(c.name()).startsWith("urn:");
          soft.assertThat(problem.path("detail").asString()).as(c.name()).isNotBlank();
          if (!c.name().contains(c.expect())) {
            // The body is the request's, not a file: a file name cannot be said, the rest can.
            soft.assertThat(r.body()).as(c.name() + " names the problem").contains(c.expect());
          }
          validVacancies += c.kind().equals("vacancies") ? c.valid() : 0;
          validOffers += c.kind().equals("offers") ? c.valid() : 0;
        }
        case "esco" -> {
          HttpResponse<String> r = postFile("/api/esco/versions", c.file());
          soft.assertThat(r.statusCode()).as(c.name() + ": " + r.body()).isEqualTo(202);
          if (r.statusCode() == 202) {
            JsonNode job = finished(r.headers().firstValue("Location").orElseThrow());
            soft.assertThat(job.path("state").asString()).as(c.name()).isEqualTo("FAILED");
            soft.assertThat(job.path("error").asString()).as(c.name()).isNotBlank();
          }
        }
        default -> {
          // statistics are loaded by the command line only
        }
      }
    }
    soft.assertThat(heldVacancies(json.readTree(get("/api/vacancies/stats").body())))
        .as("vacancies held: before plus the valid rows")
        .isEqualTo(vacanciesBefore + validVacancies);
    soft.assertThat(json.readTree(get("/api/offers/stats").body()).path("offers").asLong())
        .as("offers held: before plus the valid rows")
        .isEqualTo(offersBefore + validOffers);
    soft.assertThat(get("/api/esco/versions").body())
        .as("ESCO versions unchanged")
        .isEqualTo(versionsBefore);
    soft.assertAll();
  }

  /** Every vacancy held, near-duplicates included. */
  static long heldVacancies(JsonNode stats) {
    return stats.path("total").asLong() + stats.path("duplicates").asLong();
  }

  JsonNode cli(String... args) {
    return json.readTree(cliText(args));
  }

  String cliText(String... args) {
    CliRun r = CliRun.in(cliHome, args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r.out();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postFile(String path, Path file) throws Exception {
    String boundary = "corpus-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("X-API-Key", KEY)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode finished(String jobUri) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode job = json.readTree(get(jobUri).body());
      String state = job.path("state").asString();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(jobUri + " did not end in a minute");
  }
}
