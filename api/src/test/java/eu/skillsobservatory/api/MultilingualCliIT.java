package eu.skillsobservatory.api;

import static eu.skillsobservatory.api.fixtures.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.cli.ObservatoryCommand;
import eu.skillsobservatory.api.fixtures.Json;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * German and French, end to end: a small hand-made ESCO with German and French labels beside the
 * English ones (as the ESCO download gives each language in files of its own), loaded by {@code
 * ingest esco}; {@code extract} finds skills in German and French sentences, inflected forms
 * included; vacancy ingest extracts them and codes the occupation from a German or French title.
 * Slovak and Ukrainian skill labels too, whose inflected forms only a dictionary stemmer meets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualCliIT {
  static final Path DE_FR = Path.of("..", "ingest", "src", "test", "resources", "esco-mini-de-fr");
  static final String FORENSICS =
      "http://data.europa.eu/esco/skill/118a9b27-1c5a-4214-b685-1a4d9e6365ea";
  static final String QUALITY =
      "http://data.europa.eu/esco/skill/8d4271ca-c9fd-40b3-875f-15f78332a49e";
  static final String PROCESSES_PREFIX = "http://data.europa.eu/esco/skill/3786b61f";
  static final String FERROUS_PREFIX = "http://data.europa.eu/esco/skill/46786464";
  static final String SECURITY_ADMIN_PREFIX = "http://data.europa.eu/esco/occupation/0464b062";

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();

  record Run(int code, String out, String err) {}

  static Run cli(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
    all.addAll(List.of(args));
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int code =
          ObservatoryCommand.run(
              new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @BeforeAll
  void ingestEscoInThreeLanguages() throws Exception {
    Path folder = MiniEscoFolder.in(dir);
    try (var files = Files.list(DE_FR)) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Run r = cli("", "ingest", "esco", "--no-index", folder.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Run v = cli("", "esco", "versions", "--format", "json");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(json.readTree(v.out()).get(0).get("languages").toString())
        .contains("\"de\"")
        .contains("\"fr\"")
        .contains("\"en\"");
  }

  List<String> uris(String line) {
    return json.readTree(line).get("skills").findValuesAsString("uri");
  }

  @Test
  void germanAndFrenchSentencesGiveTheirSkillsInflectedFormsIncluded() {
    Run de =
        cli(
            "Sie arbeiten in der Computerforensik und kennen die Qualitätsstandards.\n"
                + "Erfahrung in der Verarbeitung von Eisenmetallen und mit Fertigungsverfahren.\n",
            "extract",
            "--lang",
            "de",
            "--extraction",
            "fast");
    assertThat(de.code()).as(de.err()).isZero();
    List<String> lines = de.out().lines().toList();
    assertThat(uris(lines.get(0))).contains(FORENSICS, QUALITY);
    assertThat(uris(lines.get(1)))
        .anyMatch(u -> u.startsWith(FERROUS_PREFIX))
        .anyMatch(u -> u.startsWith(PROCESSES_PREFIX));

    // "la norme de qualité": the singular of the label "normes de qualité", found by its stems.
    Run fr =
        cli(
            "Vous appliquez la norme de qualité et maîtrisez l'informatique légale.\n",
            "extract",
            "--lang",
            "fr",
            "--extraction",
            "full");
    assertThat(fr.code()).as(fr.err()).isZero();
    JsonNode x = json.readTree(fr.out().lines().findFirst().orElseThrow());
    assertThat(x.get("skills").findValuesAsString("uri")).contains(QUALITY, FORENSICS);
    // Full mode asked for: the English model does not serve French; the answer says so.
    assertThat(x.get("method").asString()).isEqualTo("labels");
    assertThat(x.get("notices").toString()).contains("English only");
  }

  /** The skill URIs {@code extract --extraction fast} finds in each line, in one language. */
  List<List<String>> fastUris(String lang, String... sentences) {
    Run r =
        cli(String.join("\n", sentences) + "\n", "extract", "--lang", lang, "--extraction", "fast");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().map(this::uris).toList();
  }

  @Test
  void slovakAndUkrainianSentencesGiveTheirSkillsThroughTheirDictionaries() {
    // Every label word in another case than the label's: "normy kvality" (quality standards)
    // as written, "počítačová forenzná analýza" in the instrumental, and so on.
    List<List<String>> sk =
        fastUris(
            "sk",
            "Ovládate normy kvality a máte skúsenosti s počítačovou forenznou analýzou.",
            "Skúsenosti so spracovaním železných kovov a s výrobnými procesmi.");
    List<List<String>> uk =
        fastUris(
            "uk",
            "Ви знаєте стандарти якості та маєте досвід у комп'ютерній криміналістиці.",
            "Досвід обробки чорних металів і знання виробничих процесів.");
    for (List<List<String>> lines : List.of(sk, uk)) {
      assertThat(lines.get(0)).contains(FORENSICS, QUALITY);
      assertThat(lines.get(1))
          .anyMatch(u -> u.startsWith(FERROUS_PREFIX))
          .anyMatch(u -> u.startsWith(PROCESSES_PREFIX));
    }
  }

  @Test
  void germanAndFrenchAdvertsAreCodedAndTheirSkillsExtracted() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("adverts.jsonl"),
            Json.lines(
                row("id", "de1")
                    .and("posted", "2024-03-04")
                    .and("country", "DE")
                    .and("language", "de")
                    .and("title", "IT-Sicherheitsadministrator (m/w/d)")
                    .and(
                        "description",
                        "Sie schützen unsere Netze und bringen Erfahrung in der Computerforensik"
                            + " mit."),
                row("id", "fr1")
                    .and("posted", "2024-03-05")
                    .and("country", "FR")
                    .and("language", "fr")
                    .and("title", "Administrateur de la sécurité informatique H/F")
                    .and(
                        "description",
                        "Vous veillez au respect des normes de qualité et à la gouvernance"
                            + " d'internet.")));
    Run load = cli("", "ingest", "vacancies", "--dataset", "multi", file.toString());
    assertThat(load.code()).as(load.err()).isZero();
    Path out = dir.resolve("multi.jsonl");
    Run export =
        cli(
            "",
            "export",
            "vacancies",
            "--dataset",
            "multi",
            "--format",
            "jsonl",
            "-o",
            out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    for (String line : Files.readAllLines(out)) {
      JsonNode v = json.readTree(line);
      assertThat(v.get("occupation").get("uri").asString())
          .as(v.get("title").asString())
          .startsWith(SECURITY_ADMIN_PREFIX);
      assertThat(v.get("occupation").get("coding").asString()).isEqualTo("title");
      List<String> skills = v.get("skills").findValuesAsString("uri");
      assertThat(skills).as(v.get("title").asString()).isNotEmpty();
      if (v.get("id").asString().equals("de1")) {
        assertThat(skills).contains(FORENSICS);
      } else {
        assertThat(skills).contains(QUALITY);
      }
    }
  }
}
