package eu.skillsobservatory.api;

import static eu.skillsobservatory.api.fixtures.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.Json;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ingest vacancies} and {@code vacancies stats} as a user runs them (embedded node). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VacancyCliIT {
  static final String FORENSICS =
      "http://data.europa.eu/esco/skill/118a9b27-1c5a-4214-b685-1a4d9e6365ea";

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();

  static CliRun cli(String... args) {
    return CliRun.in(dir.resolve("home"), args);
  }

  @BeforeAll
  void ingestTheEscoFixture() {
    CliRun r = cli("ingest", "esco", "--no-index", MiniEscoFolder.in(dir).toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void rowsAndRejectsAccountForEveryLineAndAReingestUpdates() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("portal-x.csv"),
            "id;posted;country;title;description;skills\n"
                + "1;2024-01-05;DE;Forensic analyst;Computer forensics and internet governance;\n"
                + "2;2024-13-01;DE;Bad date;x;\n"
                + "3;2024-02-05;FR;Analyst;Some text;"
                + FORENSICS
                + "\n"
                + "4;2024-02-06;QQ;Bad country;x;\n");
    Path rejects = dir.resolve("rejects.csv");
    // The progress lines go to the process's standard error: kept to read what the load did.
    PrintStream stderr = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    CliRun r;
    try {
      r =
          cli(
              "ingest",
              "vacancies",
              "--format",
              "json",
              "--rejects",
              rejects.toString(),
              file.toString());
    } finally {
      System.setErr(stderr);
    }
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    JsonNode report = json.readTree(r.out());
    assertThat(report.get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(2);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines.get(0)).isEqualTo("file,line,field,reason");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).contains(",3,posted,"))
        .anySatisfy(l -> assertThat(l).contains(",5,country,"));
    assertThat(report.get("accepted").asLong() + lines.size() - 1).isEqualTo(4);

    // The load ended by keeping the skills' series of what it wrote.
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("Summary of skill counts:")
        .doesNotContain("not kept");

    CliRun again = cli("ingest", "vacancies", "--rejects", rejects.toString(), file.toString());
    assertThat(again.code()).isEqualTo(2);

    CliRun stats = cli("vacancies", "stats", "--format", "json");
    assertThat(stats.code()).as(stats.err()).isZero();
    JsonNode s = json.readTree(stats.out());
    JsonNode portal = null;
    for (JsonNode x : s.get("bySource")) {
      if (x.get("source").asString().equals("portal-x")) {
        portal = x;
      }
    }
    assertThat(portal).isNotNull();
    assertThat(portal.get("vacancies").asLong()).isEqualTo(2);
    assertThat(s.get("byMonth").get("2024-01").asLong()).isEqualTo(1);
    assertThat(s.get("lastIngest").get("rejected").asLong()).isEqualTo(2);

    // Ingest wrote the skill facets of the current ESCO version: none is missing.
    CliRun facets = cli("vacancies", "facets", "--format", "json");
    assertThat(facets.code()).as(facets.err()).isZero();
    assertThat(json.readTree(facets.out()).get("given").asLong()).isZero();
    assertThat(json.readTree(facets.out()).get("escoVersion").asString()).isEqualTo("v1.1.1");

    // The skills' series kept for emerging skills are also counted again on demand, in cells.
    CliRun summary = cli("vacancies", "summarize", "--format", "json");
    assertThat(summary.code()).as(summary.err()).isZero();
    assertThat(json.readTree(summary.out()).get("cells").asLong()).isPositive();
  }

  @Test
  void exportWritesEveryRowLoadedOnceWithItsSkillsLabelled() throws Exception {
    StringBuilder rows = new StringBuilder("id;posted;country;title;description;skills\n");
    for (int i = 0; i < 12; i++) {
      rows.append(i)
          .append(";2024-03-0")
          .append(1 + i % 9)
          .append(";PT;Forensic analyst ")
          .append(i)
          .append(";\"Computer forensics, \"\"internet governance\"\"; and =SUM(A1)\";")
          .append(i % 3 == 0 ? FORENSICS : "")
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("export-me.csv"), rows.toString());
    CliRun load = cli("ingest", "vacancies", "--dataset", "export-me", file.toString());
    assertThat(load.code()).as(load.err()).isZero();

    Path csv = dir.resolve("out/vacancies.csv");
    Files.createDirectories(csv.getParent());
    CliRun r = cli("export", "vacancies", "--dataset", "export-me", "--output", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("12 vacancies written");
    List<org.apache.commons.csv.CSVRecord> records;
    try (var parser =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(Files.newBufferedReader(csv))) {
      records = parser.getRecords();
    }
    assertThat(records).hasSize(12);
    assertThat(records.stream().map(x -> x.get("source") + "/" + x.get("id")))
        .doesNotHaveDuplicates()
        .allMatch(k -> k.startsWith("export-me/"));
    for (var x : records) {
      // Text that a spreadsheet would run as a formula is kept as text.
      assertThat(x.get("description")).startsWith("Computer forensics, \"internet governance\"");
      assertThat(x.get("dataset")).isEqualTo("export-me");
      assertThat(x.get("synthetic")).isEqualTo("false");
      assertThat(x.get("skills").split("\\|").length)
          .isEqualTo(x.get("skillLabels").split("\\|", -1).length);
    }
    assertThat(records.stream().filter(x -> x.get("skills").contains(FORENSICS)).count())
        .isGreaterThanOrEqualTo(4);
    assertThat(records.get(0).get("skillLabels")).isNotBlank();

    Path jsonl = dir.resolve("out/vacancies.jsonl");
    CliRun j =
        cli(
            "export",
            "vacancies",
            "--dataset",
            "export-me",
            "--format",
            "jsonl",
            "-o",
            jsonl.toString());
    assertThat(j.code()).as(j.err()).isZero();
    List<String> lines = Files.readAllLines(jsonl);
    assertThat(lines).hasSize(12);
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("provenance").get("dataset").asString()).isEqualTo("export-me");
    for (JsonNode skill : first.get("skills")) {
      if (skill.get("origin").asString().equals("extracted")) {
        String text = first.get(skill.get("field").asString()).asString();
        assertThat(skill.get("text").asString())
            .isEqualTo(text.substring(skill.get("start").asInt(), skill.get("end").asInt()));
      }
    }

    // A directory that is not there: exit 2, nothing written.
    CliRun bad = cli("export", "vacancies", "--output", dir.resolve("nowhere/x.csv").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--output");
    CliRun format = cli("export", "vacancies", "--format", "xml", "--output", csv.toString());
    assertThat(format.code()).isEqualTo(2);
    assertThat(Files.readAllLines(csv)).hasSize(13);
  }

  @Test
  void anAdvertInHtmlIsStoredAsTextAndItsSpansPointIntoThatText() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("html-feed.jsonl"),
            Json.lines(
                row("id", "h1")
                    .and("posted", "2024-05-02")
                    .and("country", "IE")
                    .and("title", "Forensic analyst &ndash; <b>Dublin</b>")
                    .and(
                        "description",
                        "<div style=\"color:red\"><p>Your tasks:</p><ul><li>Computer forensics"
                            + " &amp; internet governance</li><li>Court reports</li></ul>"
                            + "<script>x()</script><p>We offer:</p><ul><li>Courses in quality"
                            + " standards</li><li>A bike</li></ul></div>")));
    CliRun load = cli("ingest", "vacancies", "--dataset", "html-feed", file.toString());
    assertThat(load.code()).as(load.err()).isZero();
    Path out = dir.resolve("html-feed-out.jsonl");
    CliRun export =
        cli(
            "export",
            "vacancies",
            "--dataset",
            "html-feed",
            "--format",
            "jsonl",
            "-o",
            out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    JsonNode v = json.readTree(Files.readAllLines(out).get(0));
    String description = v.get("description").asString();
    assertThat(description)
        .isEqualTo(
            "Your tasks:\n- Computer forensics & internet governance\n- Court reports\n"
                + "We offer:\n- Courses in quality standards\n- A bike");
    // The list under "We offer:" names perks, not skills of the job.
    assertThat(v.get("skills").findValuesAsString("uri"))
        .noneMatch(u -> u.startsWith("http://data.europa.eu/esco/skill/8d4271ca"));
    assertThat(v.get("title").asString()).isEqualTo("Forensic analyst – Dublin");
    int extracted = 0;
    for (JsonNode skill : v.get("skills")) {
      if (skill.get("field").asString().equals("description")) {
        extracted++;
        assertThat(skill.get("text").asString())
            .isEqualTo(description.substring(skill.get("start").asInt(), skill.get("end").asInt()));
      }
    }
    assertThat(extracted).as(v.toString()).isPositive();
  }

  @Test
  void aFileWithoutIdColumnLoadsNothingAndExits2() throws Exception {
    Path file = Files.writeString(dir.resolve("noid.csv"), "ref,posted,country\n1,2024-01-01,DE\n");
    CliRun r = cli("ingest", "vacancies", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("the header has no 'id' column");
  }

  @Test
  void theSameAdvertOnTwoPortalsCountsOnceAndAReingestFindsNoNewDuplicates() throws Exception {
    String text =
        "Digital forensic investigator: recover evidence from computers, phones and networks,"
            + " write reports for the court, keep the chain of custody and follow the rules of"
            + " internet governance and data protection in every investigation you run.";
    Path file =
        Files.writeString(
            dir.resolve("two-portals.jsonl"),
            Json.lines(
                row("source", "jobs-one")
                    .and("id", "A")
                    .and("posted", "2024-06-01")
                    .and("country", "NL")
                    .and("employer", "Forensix B.V.")
                    .and("title", "Forensic investigator")
                    .and("description", text),
                row("source", "jobs-two")
                    .and("id", "77")
                    .and("posted", "2024-06-04")
                    .and("country", "NL")
                    .and("employer", "Forensix")
                    .and("title", "FORENSIC INVESTIGATOR (m/f/d)")
                    .and("description", text.toUpperCase() + " Apply now!"),
                row("source", "jobs-two")
                    .and("id", "78")
                    .and("posted", "2024-06-04")
                    .and("country", "NL")
                    .and("employer", "Forensix")
                    .and("title", "Receptionist")
                    .and(
                        "description",
                        "Welcome visitors, answer the phone and keep the front desk tidy.")));
    CliRun r = cli("ingest", "vacancies", "--format", "json", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json.readTree(r.out()).get("duplicates").asLong()).isEqualTo(1);

    CliRun again = cli("ingest", "vacancies", "--format", "json", file.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(json.readTree(again.out()).get("duplicates").asLong()).isEqualTo(1);

    JsonNode s = json.readTree(cli("vacancies", "stats", "--format", "json").out());
    JsonNode two = null;
    for (JsonNode x : s.get("bySource")) {
      if (x.get("source").asString().equals("jobs-two")) {
        two = x;
      }
    }
    assertThat(two).isNotNull();
    assertThat(two.get("vacancies").asLong()).isEqualTo(1);
    assertThat(two.get("duplicates").asLong()).isEqualTo(1);
    assertThat(two.get("duplicateRate").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aGeneratedCorpusIsIngestedAndItsPlantedRepostsAreFound() throws Exception {
    Path corpus = dir.resolve("generated.jsonl.gz");
    CliRun g =
        cli(
            "generate",
            "vacancies",
            "--n",
            "400",
            "--seed",
            "3",
            "--employment",
            Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv").toString(),
            corpus.toString());
    assertThat(g.code()).as(g.err()).isZero();
    assertThat(corpus.resolveSibling("generated.jsonl.gz.truth.json")).exists();
    CliRun i = cli("ingest", "vacancies", corpus.toString());
    assertThat(i.code()).as(i.err() + i.out()).isZero();
    CliRun e = cli("evaluate", "deduplication", "--format", "json", corpus.toString());
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode r = json.readTree(e.out());
    assertThat(r.get("planted").asLong()).isPositive();
    assertThat(r.get("recall").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.get("falseRate").asDouble()).isLessThanOrEqualTo(0.01);
    assertThat(r.get("missing").asLong()).isZero();
  }

  @Test
  void aTitleAloneIsCodedToAnEscoOccupationWithAConfidence() throws Exception {
    String drawer = "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";
    String security = "http://data.europa.eu/esco/occupation/0464b062-cea6-4164-b10d-956c61956ae7";
    Path file =
        Files.writeString(
            dir.resolve("titles.csv"),
            "id,source,posted,country,occupation,title,description\n"
                + "t1,titles,2024-05-01,AT,,Senior Wire Drawer (m/f/d),Draw wire.\n"
                + "t2,titles,2024-05-01,AT,,Network Security Administrator - Vienna,Secure it.\n"
                + "t3,titles,2024-05-01,AT,,Receptionist,Welcome visitors.\n"
                + "t4,titles,2024-05-01,AT,8121,ICT security administrator,Secure it.\n"
                + "t5,titles,2024-05-01,AT,"
                + drawer
                + ",Receptionist,Given wins.\n");
    CliRun r = cli("ingest", "vacancies", file.toString());
    assertThat(r.code()).as(r.err() + r.out()).isZero();

    JsonNode t1 = show("titles", "t1");
    assertThat(t1.get("escoOccupation").asString()).isEqualTo(drawer);
    assertThat(t1.get("occupationCoding").asString()).isEqualTo("title");
    assertThat(t1.get("occupationMatch").asString()).isEqualTo("wire drawer");
    assertThat(t1.get("occupationConfidence").asDouble()).isBetween(0.8, 1.0);
    assertThat(t1.get("isco").asString()).isEqualTo("8121");
    assertThat(t1.get("title").asString()).isEqualTo("Senior Wire Drawer (m/f/d)");

    JsonNode t2 = show("titles", "t2");
    assertThat(t2.get("escoOccupation").asString()).isEqualTo(security);
    assertThat(t2.get("iscoMajor").asString()).isEqualTo("2");

    JsonNode t3 = show("titles", "t3");
    assertThat(t3.get("occupationCoding").asString()).isEqualTo("none");
    assertThat(absent(t3, "escoOccupation")).isTrue();

    // The ISCO code given contradicts the title: the code is kept, the title left uncoded.
    JsonNode t4 = show("titles", "t4");
    assertThat(t4.get("occupationCoding").asString()).isEqualTo("isco");
    assertThat(t4.get("isco").asString()).isEqualTo("8121");
    assertThat(absent(t4, "escoOccupation")).isTrue();

    JsonNode t5 = show("titles", "t5");
    assertThat(t5.get("occupationCoding").asString()).isEqualTo("given");
    assertThat(t5.get("escoOccupation").asString()).isEqualTo(drawer);
    assertThat(t5.get("occupationConfidence").asDouble()).isEqualTo(1.0);

    CliRun missing = cli("vacancies", "show", "titles", "nope");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no vacancy titles/nope");
  }

  static boolean absent(JsonNode n, String field) {
    return n.get(field) == null || n.get(field).isNull();
  }

  JsonNode show(String source, String id) {
    CliRun r = cli("vacancies", "show", source, id);
    assertThat(r.code()).as(r.err()).isZero();
    return json.readTree(r.out());
  }

  @Test
  void datasetsAreRecordedCountedApartAndRemoved() throws Exception {
    Path real =
        Files.writeString(
            dir.resolve("real-adverts.jsonl"),
            Json.lines(
                row("source", "ds")
                    .and("id", "1")
                    .and("posted", "2022-03-01")
                    .and("country", "LU")
                    .and("nace", "J")
                    .and("title", "Analyst")
                    .and("skills", List.of(FORENSICS)),
                row("source", "ds")
                    .and("id", "2")
                    .and("posted", "2022-03-02")
                    .and("country", "LU")
                    .and("nace", "J")
                    .and("title", "Receptionist"),
                row("source", "ds")
                    .and("id", "3")
                    .and("posted", "2022-03-03")
                    .and("country", "LU")
                    .and("nace", "J")
                    .and("title", "Courier")));
    CliRun r =
        cli("ingest", "vacancies", "--dataset", "real-2024", "--format", "json", real.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode loaded = json.readTree(r.out()).get("dataset");
    assertThat(loaded.get("name").asString()).isEqualTo("real-2024");
    assertThat(loaded.get("synthetic").asBoolean()).isFalse();
    assertThat(loaded.get("rows").asLong()).isEqualTo(3);

    // A generated corpus, its truth beside it: named after the file, marked synthetic.
    Path corpus = dir.resolve("synth.jsonl.gz");
    assertThat(
            cli(
                    "generate",
                    "vacancies",
                    "--n",
                    "200",
                    "--seed",
                    "9",
                    "--employment",
                    Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv").toString(),
                    corpus.toString())
                .code())
        .isZero();
    assertThat(cli("ingest", "vacancies", corpus.toString()).code()).isZero();
    JsonNode datasets = json.readTree(cli("vacancies", "datasets", "--format", "json").out());
    Map<String, JsonNode> byName = new HashMap<>();
    datasets.forEach(d -> byName.put(d.get("name").asString(), d));
    assertThat(byName.get("synth").get("synthetic").asBoolean()).isTrue();
    assertThat(byName.get("synth").get("rows").asLong()).isEqualTo(200);
    assertThat(byName.get("synth").get("escoVersion").asString()).isNotBlank();
    assertThat(byName.get("synth").get("extractionMode").asString()).isEqualTo("fast");
    assertThat(byName.get("real-2024").get("synthetic").asBoolean()).isFalse();

    JsonNode realDemand = json.readTree(cli("demand", "--dataset", "real-2024").out());
    assertThat(realDemand.get("synthetic").asBoolean()).isFalse();
    assertThat(realDemand.get("groups").get(0).get("postings").asLong()).isEqualTo(3);
    assertThat(realDemand.get("groups").get(0).get("withoutSkills").asLong()).isEqualTo(2);
    JsonNode p = realDemand.get("provenance");
    assertThat(p.get("withoutSkills").asLong()).isEqualTo(2);
    assertThat(p.get("skillCoverage").asDouble()).isEqualTo(0.3333);
    assertThat(p.get("datasets").findValuesAsString("name")).containsExactly("real-2024");

    JsonNode all = json.readTree(cli("demand").out());
    assertThat(all.get("synthetic").asBoolean()).isTrue();
    assertThat(all.get("provenance").get("datasets").findValuesAsString("name"))
        .contains("synth", "real-2024");
    CliRun csv = cli("demand", "--dataset", "synth", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith(",synthetic,datasets");
    assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).endsWith(",true,synth");

    CliRun deleted = cli("vacancies", "delete", "--dataset", "synth", "--format", "json");
    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(json.readTree(deleted.out()).get("deleted").asLong()).isEqualTo(200);
    assertThat(
            json.readTree(cli("demand", "--dataset", "synth").out())
                .get("groups")
                .get(0)
                .get("postings")
                .asLong())
        .isZero();
    assertThat(
            json.readTree(cli("vacancies", "datasets", "--format", "json").out())
                .findValuesAsString("name"))
        .contains("real-2024")
        .doesNotContain("synth");
    assertThat(cli("vacancies", "delete", "--dataset", "synth").code()).isEqualTo(2);
    CliRun bad = cli("demand", "--dataset", "../etc");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("dataset:");
  }

  @Test
  void demandCountsAgreeWithTheStatsAndWithEachOther() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("demand.jsonl"),
            Json.lines(
                row("source", "d")
                    .and("id", "1")
                    .and("posted", "2024-03-01")
                    .and("country", "AT")
                    .and("nace", "J")
                    .and("title", "Analyst")
                    .and("skills", List.of(FORENSICS)),
                row("source", "d")
                    .and("id", "2")
                    .and("posted", "2024-04-01")
                    .and("country", "AT")
                    .and("nace", "62")
                    .and("title", "Analyst")));
    assertThat(cli("ingest", "vacancies", file.toString()).code()).isZero();
    long total =
        json.readTree(cli("vacancies", "stats", "--format", "json").out()).get("total").asLong();

    JsonNode all = json.readTree(cli("demand").out());
    assertThat(all.get("groups").get(0).get("postings").asLong()).isEqualTo(total);

    long byMonth = 0;
    for (JsonNode g : json.readTree(cli("demand", "--group-by", "month").out()).get("groups")) {
      byMonth += g.get("postings").asLong();
    }
    assertThat(byMonth).isEqualTo(total);

    JsonNode j =
        json.readTree(
            cli(
                    "demand",
                    "--sector",
                    "J",
                    "--country",
                    "AT",
                    "--from",
                    "2024-03",
                    "--to",
                    "2024-04")
                .out());
    JsonNode group = j.get("groups").get(0);
    assertThat(group.get("postings").asLong()).isEqualTo(2); // the section and its division 62
    JsonNode skill = group.get("skills").get(0);
    assertThat(skill.get("uri").asString()).isEqualTo(FORENSICS);
    assertThat(skill.get("postings").asLong()).isEqualTo(1);
    assertThat(skill.get("share").asDouble()).isEqualTo(0.5);
    assertThat(skill.get("low").asDouble()).isLessThan(0.5);
    assertThat(skill.get("high").asDouble()).isGreaterThan(0.5);

    CliRun csv = cli("demand", "--sector", "J", "--country", "AT", "--format", "csv");
    assertThat(csv.out())
        .startsWith("group,postings,uri,label,skill_postings,share,low,high,synthetic,datasets\n");
    assertThat(csv.out()).contains(FORENSICS);

    CliRun emerging = cli("emerging", "--region", "AT13");
    assertThat(emerging.code()).as(emerging.err()).isZero();
    assertThat(emerging.err()).contains("months of postings; emerging skills need");
    assertThat(json.readTree(emerging.out()).get("tested").asInt()).isZero();
    CliRun wide = cli("emerging", "--min-support", "1", "--recent-months", "1");
    assertThat(wide.code()).as(wide.err()).isZero();
    assertThat(json.readTree(wide.out()).get("tested").asInt()).isPositive();

    CliRun bad = cli("demand", "--sector", "ZZ");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("sector: a NACE Rev. 2 section letter");
    assertThat(cli("demand", "--group-by", "planet").code()).isEqualTo(2);
    assertThat(cli("demand", "--from", "2024-13").err()).contains("from: a month as YYYY-MM");
  }
}
