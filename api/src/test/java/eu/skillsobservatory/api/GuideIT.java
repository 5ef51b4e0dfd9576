package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code src/docs/guide.md} as a researcher follows it: every command of its {@code bash} blocks
 * run in order, with its exit code as the guide says (0 unless it says {@code # exits N}), the
 * files it shows written where it says, and what it promises checked on what came out.
 */
class GuideIT {
  static final Path GUIDE = Path.of("..", "src", "docs", "guide.md");
  static final String JAR = "java -jar api/target/skills-observatory.jar --home study ";
  static final Pattern EXITS = Pattern.compile("#\\s*exits (\\d)");
  static final Pattern FILE = Pattern.compile("<!-- file: ([\\w.-]+) -->");

  @TempDir Path dir;
  final JsonMapper json = JsonMapper.builder().build();

  /** A command of the guide: its arguments after the home, and the exit code it promises. */
  record Step(List<String> args, int exit, String line) {}

  @Test
  void everyCommandOfTheGuideRunsAsItSays() throws Exception {
    List<String> lines = Files.readAllLines(GUIDE);
    List<Step> steps = new ArrayList<>();
    String fence = null;
    String fileToWrite = null;
    StringBuilder block = new StringBuilder();
    for (String line : lines) {
      Matcher f = FILE.matcher(line);
      if (fence == null && f.find()) {
        fileToWrite = f.group(1);
      } else if (fence == null && line.startsWith("```")) {
        fence = line.substring(3).strip();
        block.setLength(0);
      } else if (fence != null && line.startsWith("```")) {
        if (fileToWrite != null) {
          Files.writeString(dir.resolve(fileToWrite), block.toString());
          fileToWrite = null;
        }
        fence = null;
      } else if (fence != null) {
        block.append(line).append('\n');
        if (fence.equals("bash")) {
          assertThat(line).as("a command of the guide").startsWith(JAR);
          steps.add(step(line));
        }
      }
    }
    assertThat(steps).as("commands in the guide").hasSizeGreaterThanOrEqualTo(15);
    assertThat(steps.stream().map(s -> s.args().get(0)))
        .contains("ingest", "demand", "emerging", "gaps", "export", "report");

    Path home = dir.resolve("study");
    for (Step s : steps) {
      long t0 = System.nanoTime();
      CliRun r = CliRun.in(home, s.args().toArray(String[]::new));
      // What each step took, for whoever trims the suite.
      System.out.printf("Guide step, %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, s.line());
      assertThat(r.code()).as(s.line() + "\n" + r.out() + r.err()).isEqualTo(s.exit());
    }

    // What the guide says came out.
    List<String> rejects = Files.readAllLines(dir.resolve("my-rejects.csv"));
    assertThat(rejects.get(0)).isEqualTo("file,line,field,reason");
    assertThat(rejects).hasSize(2);
    assertThat(rejects.get(1)).contains(",4,posted,");
    assertThat(Files.readAllLines(dir.resolve("my-adverts-out.jsonl"))).hasSize(3);
    List<String> csv = Files.readAllLines(dir.resolve("practice-c.csv"));
    assertThat(csv.get(0)).startsWith("source,id,posted,");
    assertThat(csv.size()).isGreaterThan(100);
    String report = Files.readString(dir.resolve("report-c.html"));
    assertThat(report).contains("Skill needs of sector C").contains("Synthetic data");
    assertThat(Files.readString(dir.resolve("report-c.pdf"), StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
    // The home the guide built has ESCO indexed: title coding on the hand-labelled advert titles
    // holds what matching by meaning brought (74.8 % by the labels alone, 80.2 % with meaning,
    // benchmarks.md), and the same titles with pay, grades, shifts and terms around them are coded
    // as well (80.2 %; 50.0 % before the decorations were taught).
    for (String set : List.of("advert-titles-en.csv", "advert-titles-en-decorated.csv")) {
      Path file = Path.of("..", "data", "occupation-titles", set);
      CliRun titles =
          CliRun.in(home, "evaluate", "occupation-titles", "--format", "json", file.toString());
      assertThat(titles.code()).as(titles.err()).isZero();
      assertThat(json.readTree(titles.out()).get("accuracy").asDouble())
          .as(set)
          .isGreaterThanOrEqualTo(0.78);
    }
    JsonNode datasets =
        json.readTree(CliRun.in(home, "vacancies", "datasets", "--format", "json").out());
    assertThat(datasets.findValuesAsString("name")).containsExactly("my-adverts");
  }

  /** A line of the guide as arguments: the jar and home dropped, files put in the test's folder. */
  Step step(String line) {
    Matcher m = EXITS.matcher(line);
    int exit = m.find() ? Integer.parseInt(m.group(1)) : 0;
    String command = line.replaceFirst("\\s*#.*$", "").substring(JAR.length());
    List<String> args = new ArrayList<>();
    for (String a : command.strip().split("\\s+")) {
      if (a.startsWith("data/")) {
        args.add(Path.of("..").resolve(a).toString());
      } else if (a.matches("[\\w-]+\\.(csv|jsonl|jsonl\\.gz|html|json|pdf)")) {
        args.add(dir.resolve(a).toString());
      } else {
        args.add(a);
      }
    }
    return new Step(args, exit, line);
  }
}
