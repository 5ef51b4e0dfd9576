package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.cli.ObservatoryCommand;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract} and {@code evaluate extraction} as a user runs them, on the small ESCO fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractCliIT {
  static final String NON_FERROUS =
      "http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2";

  @TempDir static Path home;
  final JsonMapper json = JsonMapper.builder().build();

  record Run(int code, String out, String err) {}

  static Run cli(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.resolve("home").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      int code =
          ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @BeforeAll
  void ingestTheFixture() {
    Run r = cli(new byte[0], "ingest", "esco", "--no-index", MiniEscoFolder.in(home).toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void eachLineGetsOneJsonLineAndBadLinesAreNamed() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(
        "We need experience in processing non-ferrous metals.\n".getBytes(StandardCharsets.UTF_8));
    in.write("\n".getBytes(StandardCharsets.UTF_8));
    in.write("{\"text\": \"metal\"}\n".getBytes(StandardCharsets.UTF_8));
    in.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
    in.write("computer forensics".getBytes(StandardCharsets.UTF_8));
    Run r = cli(in.toByteArray(), "extract", "--mode", "fast", "--top", "3");
    assertThat(r.code()).isEqualTo(2);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(5);
    JsonNode first = json.readTree(lines[0]);
    JsonNode skill = first.get("skills").get(0);
    assertThat(skill.get("uri").asString()).isEqualTo(NON_FERROUS);
    int start = skill.get("span").get("start").asInt();
    int end = skill.get("span").get("end").asInt();
    assertThat(first.get("text").asString().substring(start, end))
        .isEqualTo("processing non-ferrous metals");
    assertThat(json.readTree(lines[1]).get("skills")).isEmpty();
    assertThat(json.readTree(lines[2]).get("error").asString()).contains("JSON");
    assertThat(json.readTree(lines[3]).get("error").asString()).contains("UTF-8");
    assertThat(json.readTree(lines[4]).get("skills").get(0).get("label").asString())
        .isEqualTo("computer forensics");
    assertThat(r.err()).contains("stdin: line 3:").contains("stdin: line 4: not valid UTF-8");
  }

  @Test
  void aFolderOfTheDownloadsZipsIsLoadedAsThoseZips() throws Exception {
    Path zips = Files.createDirectories(home.resolve("zips"));
    Path csv = MiniEscoFolder.in(home.resolve("zip-source"));
    try (ZipOutputStream zip =
            new ZipOutputStream(
                Files.newOutputStream(zips.resolve("esco-v9.9.7-classification-en-csv.zip")));
        var files = Files.list(csv)) {
      for (Path f : files.sorted().toList()) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ObservatoryCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--home",
            home.resolve("zips-home").toString(),
            "ingest",
            "esco",
            "--no-index",
            "--format",
            "json",
            zips.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(json.readTree(out.toString()).get("version").asString()).isEqualTo("v9.9.7");
  }

  @Test
  void benchEscoMeasuresReadsOfTheConfiguredStore() {
    Run r = cli(new byte[0], "bench", "esco", "--seconds", "1", "--warmup", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("store " + home.resolve("home").resolve("tdb2"))
        .containsPattern("snapshot of [\\d,]+ concepts")
        .containsPattern("concept page +[\\d,]+ reads in 1 s: +[\\d,.]+ reads/s +p50 [\\d.]+ ms")
        .containsPattern("SPARQL SELECT +[\\d,]+ reads in 1 s");
    assertThat(cli(new byte[0], "bench", "esco", "--seconds", "0").code()).isEqualTo(2);
  }

  @Test
  void fullModeRanksByMeaningAndKeepsTheLabelVectorsInTheHome() throws Exception {
    Run r =
        cli(
            "You will keep customers' identities safe on the internet\n"
                .getBytes(StandardCharsets.UTF_8),
            "extract",
            "--top",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode skills = json.readTree(r.out()).get("skills");
    assertThat(skills.get(0).get("label").asString()).contains("privacy");
    try (var files = Files.list(home.resolve("home").resolve("vectors"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("v1.1.1-all-minilm-l6-v2-q+bge-small-en-v1.5-q-en.vectors");
    }
  }

  @Test
  void evaluateScoresABenchmarkFile() throws Exception {
    Path file =
        Files.writeString(
            home.resolve("bench.csv"),
            "sentence,span,sub_span,label\n"
                + "\"processing of non-ferrous metals\",x,,non-ferrous metal processing\n"
                + "\"computer forensics and internet governance\",x,,computer forensics\n"
                + "\"computer forensics and internet governance\",x,,internet governance\n"
                + "\"nothing here\",x,,LABEL NOT PRESENT\n");
    Run r =
        cli(
            new byte[0],
            "evaluate",
            "extraction",
            "--mode",
            "fast",
            "--format",
            "json",
            file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode scores = json.readTree(r.out()).get("scores");
    assertThat(scores.get("sentences").asInt()).isEqualTo(2);
    assertThat(scores.get("rp5").asDouble()).isEqualTo(100.0);
    assertThat(scores.get("mrr").asDouble()).isEqualTo(1.0);

    // Cross-validated over two files: every sentence in one fold, settings chosen on the others.
    Path second =
        Files.writeString(
            home.resolve("bench2.csv"),
            "sentence,span,sub_span,label\n"
                + "\"we process ferrous metals\",x,,ferrous metal processing\n"
                + "\"apply digital security measures daily\",x,,apply digital security measures\n");
    Run folds =
        cli(
            new byte[0],
            "evaluate",
            "extraction",
            "--extraction",
            "fast",
            "--folds",
            "2",
            "--grid",
            "lexical=0.45|0.6;genericWord=0.15|0.3",
            "--format",
            "json",
            file.toString(),
            second.toString());
    assertThat(folds.code()).as(folds.err()).isZero();
    JsonNode cv = json.readTree(folds.out());
    assertThat(cv.get("sentences").asInt()).isEqualTo(4);
    assertThat(cv.get("perFold")).hasSize(2);
    assertThat(cv.get("wholeRp5").size()).isEqualTo(4);
    assertThat(cv.get("mostChosen").asString()).startsWith("lexical=");
    Run bad = cli(new byte[0], "evaluate", "extraction", "--folds", "9", file.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("folds");
  }

  @Test
  void aFileThatIsNotABenchmarkIsNamedWithExitCode2() throws Exception {
    Path file = Files.writeString(home.resolve("wrong.csv"), "text,skill\nsome text,x\n");
    Run r = cli(new byte[0], "evaluate", "extraction", "--mode", "fast", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("wrong.csv: line 1: no 'sentence' column");
  }
}
