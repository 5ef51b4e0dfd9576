package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads killed with {@code kill -9} in the middle, as a power cut or the OOM killer would: the
 * command runs in a process of its own, is killed once it has written part of its input, and the
 * home is then opened again. TDB2 holds the old ESCO graph or the new one, never a mix; the
 * interrupted vacancy load, run again, leaves every row loaded exactly once; an interrupted offers
 * load leaves the offers held as they were, and its rerun adds every offer once. Tagged {@code
 * faults}: run with {@code ./mvnw -B verify -Pfaults} (as {@code .ci/run} does).
 */
@Tag("faults")
class CrashSafeIngestIT {
  static final long RUN = System.nanoTime();

  /** The shipped ESCO v1.1.0 download, the load that is killed. */
  static final String[] V110 = {
    Path.of("..", "data", "esco", "v1.1.0", "esco-v1.1.0-classification-en-csv.zip").toString(),
    Path.of("..", "data", "esco", "v1.1.0", "esco-v1.1.0-classification-relations-csv.zip")
        .toString()
  };

  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aVacancyLoadKilledMidwayAndRunAgainHoldsEveryRowExactlyOnce() throws Exception {
    Path home = Path.of("target", "test-homes", "crash-vacancies-" + RUN);
    Path esco = MiniEscoFolder.in(Path.of("target", "test-homes", "crash-esco-" + RUN));
    assertThat(CliRun.in(home, "ingest", "esco", esco.toString()).code()).isZero();
    // Enough rows for the load to be killed midway (a resume point is saved about every second,
    // and these short template texts load at about 1,000 a second on 2 cores), not more: the kill
    // comes at the first saved point, many seconds before the end.
    int rows = 20_000;
    Path file = home.resolve("crash.jsonl.gz");
    try (Writer w =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        // Distinct texts: near-duplicates would be kept too, but distinct rows say more.
        w.write(
            "{\"id\":\"c"
                + i
                + "\",\"posted\":\"2024-0"
                + (1 + i % 9)
                + "-1"
                + (i % 9)
                + "\",\"country\":\"DE\",\"description\":\"Reference "
                + (i * 7_919L)
                + " and "
                + (i * 104_729L)
                + " for the warehouse\"}\n");
      }
    }

    // Killed once the load has saved where it is (it does so about every second).
    Path state = home.resolve("ingest-state");
    Killed killed =
        killWhen(
            home,
            line -> line.contains("rows") && savedAPoint(state),
            "ingest",
            "vacancies",
            file.toString());
    assertThat(killed.seen()).as("progress before the kill").isTrue();

    long afterCrash = held(home);
    assertThat(afterCrash).as("vacancies held after the kill").isLessThan(rows);

    CliRun again = CliRun.in(home, "ingest", "vacancies", "--format", "json", file.toString());
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode report = json.readTree(again.out());
    // It resumed: the rows the killed load had stored were skipped, not read into the index again.
    assertThat(report.get("resumed").asLong())
        .as("rows skipped on resuming")
        .isPositive()
        .isLessThanOrEqualTo(afterCrash);
    assertThat(report.get("written").asLong()).isEqualTo(rows - report.get("resumed").asLong());
    assertThat(held(home)).as("every row exactly once").isEqualTo(rows);
    try (var left = Files.list(state)) {
      assertThat(left).as("no resume point once the file loaded whole").isEmpty();
    }
  }

  static boolean savedAPoint(Path state) {
    try (var files = Files.list(state)) {
      return files.anyMatch(f -> f.toString().endsWith(".json"));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void anOffersLoadKilledMidwayLeavesTheOffersHeldAndARerunAddsAllOfThem() throws Exception {
    Path home = Path.of("target", "test-homes", "crash-offers-" + RUN);
    Path esco = MiniEscoFolder.in(Path.of("target", "test-homes", "crash-offers-esco-" + RUN));
    assertThat(CliRun.in(home, "ingest", "esco", esco.toString()).code()).isZero();
    Path first = home.resolve("first.jsonl");
    Files.writeString(
        first,
        "{\"id\":\"f1\",\"title\":\"Welding\",\"country\":\"DE\"}\n"
            + "{\"id\":\"f2\",\"title\":\"Bricklaying\",\"country\":\"AT\"}\n");
    assertThat(CliRun.in(home, "ingest", "offers", first.toString()).code()).isZero();
    assertThat(offers(home)).isEqualTo(2);

    int rows = 200_000;
    Path file = home.resolve("catalogue.jsonl.gz");
    try (Writer w =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        w.write(
            "{\"id\":\"k"
                + i
                + "\",\"title\":\"Course "
                + i
                + "\",\"country\":\"DE\",\"outcomes\":[\"Reference "
                + (i * 7_919L)
                + " in the workshop\"]}\n");
      }
    }
    // Killed while the offers are written into the new index, before the alias swap: the line
    // comes once every offer is read and extracted, and indexing 200,000 takes seconds.
    Killed killed =
        killWhen(
            home,
            line -> line.endsWith("training offers read"),
            "ingest",
            "offers",
            file.toString());
    assertThat(killed.seen()).isTrue();
    assertThat(offers(home)).as("offers held after the kill: the earlier ones only").isEqualTo(2);

    CliRun again = CliRun.in(home, "ingest", "offers", file.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(offers(home)).as("the earlier offers and every row once").isEqualTo(2 + rows);
  }

  long offers(Path home) {
    CliRun r = CliRun.in(home, "offers", "stats", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    return json.readTree(r.out()).path("offers").asLong();
  }

  @Test
  void anEscoLoadKilledMidwayLeavesTheEarlierVersionsAsTheyWere() throws Exception {
    Path home = Path.of("target", "test-homes", "crash-esco-load-" + RUN);
    Path mini = MiniEscoFolder.in(Path.of("target", "test-homes", "crash-esco-mini-" + RUN));
    assertThat(CliRun.in(home, "ingest", "esco", mini.toString()).code()).isZero();
    String before = versions(home);

    Killed killed =
        killWhen(
            home,
            line -> line.contains("triples") && !line.endsWith("..."),
            "ingest",
            "esco",
            "--no-index",
            V110[0],
            V110[1]);
    assertThat(killed.seen()).as("progress before the kill").isTrue();

    // The store opens and holds the earlier versions as they were, and of the version being
    // loaded either nothing or all of it: never a half-written graph.
    String afterCrash = versions(home);
    CliRun again = CliRun.in(home, "ingest", "esco", "--no-index", V110[0], V110[1]);
    assertThat(again.code()).as(again.err()).isZero();
    String complete = versions(home);
    JsonNode all = json.readTree(complete);
    assertThat(all.findValuesAsString("version")).containsExactly("v1.1.0", "v1.1.1");
    assertThat(all.get(0).get("skills").asLong()).isGreaterThan(13_000);
    if (!afterCrash.equals(before)) {
      // The kill came after the commit: then the version is whole, as a clean load makes it.
      assertThat(stable(afterCrash)).isEqualTo(stable(complete));
    }
    assertThat(stable(complete).get(1)).isEqualTo(stable(before).get(0));
  }

  /** Whether the trigger line was seen before the kill. */
  record Killed(boolean seen, List<String> lines) {}

  /**
   * Runs the command line in a process of its own on the home, and kills it (SIGKILL) on the first
   * line of its standard error that matches; fails if the command ends first.
   */
  static Killed killWhen(Path home, Predicate<String> trigger, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("eu.skillsobservatory.api.ObservatoryMain");
    cmd.add("--home");
    cmd.add(home.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    List<String> seen = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < end) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (trigger.test(line.strip())) {
          p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(p.exitValue()).as("killed, not ended").isEqualTo(137);
          return new Killed(true, seen);
        }
      } else if (!p.isAlive()) {
        throw new AssertionError(
            "the command ended (exit " + p.exitValue() + ") before the kill: " + seen);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("no line matched within 3 minutes: " + seen);
  }

  long held(Path home) {
    CliRun stats = CliRun.in(home, "vacancies", "stats", "--format", "json");
    assertThat(stats.code()).as(stats.err()).isZero();
    JsonNode s = json.readTree(stats.out());
    return s.path("total").asLong() + s.path("duplicates").asLong();
  }

  /** The versions without their load times, which a reload changes. */
  JsonNode stable(String versions) {
    JsonNode all = json.readTree(versions);
    all.forEach(
        v -> ((tools.jackson.databind.node.ObjectNode) v).remove(List.of("loadedAt", "current")));
    return all;
  }

  String versions(Path home) {
    CliRun r = CliRun.in(home, "esco", "versions", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }
}
