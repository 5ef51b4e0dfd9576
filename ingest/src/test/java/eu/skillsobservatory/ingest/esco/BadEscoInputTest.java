package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each unusable input gets a clear error naming the file and, where there is one, the line and
 * field; the version loaded before it stays exactly as it was.
 */
class BadEscoInputTest {
  static final EscoVersion V = EscoVersion.parse("v9.9.1");
  static final Optional<EscoVersion> AS_V = Optional.of(V);

  @TempDir Path dir;
  TdbEscoStore store;
  VersionSummary before;

  @BeforeEach
  void loadAGoodVersion() {
    store = TdbEscoStore.open(dir.resolve("tdb2"));
    store.load(List.of(MiniEsco.folder()), AS_V, Progress.NONE);
    before = store.catalog().versions().get(0);
  }

  @AfterEach
  void theGoodVersionIsIntact() {
    assertThat(store.catalog().versions()).containsExactly(before);
    Concept c =
        store.catalog().concept(MiniEsco.METAL_DRAWING, "en", Optional.empty()).orElseThrow();
    assertThat(c.essentialSkills()).hasSize(4);
    long graphs =
        Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().listGraphNodes()));
    assertThat(graphs).as("the version's graph and the registry, nothing left over").isEqualTo(2);
    store.close();
  }

  @Test
  void aJsonLdFileWithARemoteContextIsRefusedAndNothingIsFetched() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          byte[] ctx =
              "{\"@context\":{\"label\":\"http://www.w3.org/2004/02/skos/core#prefLabel\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/ld+json");
          ex.sendResponseHeaders(200, ctx.length);
          ex.getResponseBody().write(ctx);
          ex.close();
        });
    listener.start();
    Path localContext = Files.writeString(dir.resolve("ctx.jsonld"), "{\"@context\":{}}");
    try {
      for (String context :
          List.of(
              "http://127.0.0.1:" + listener.getAddress().getPort() + "/ctx.jsonld",
              localContext.toUri().toString())) {
        Path file =
            Files.writeString(
                dir.resolve("esco-v9.9.1.jsonld"),
                "{\"@context\": \""
                    + context
                    + "\", \"@id\": \"http://data.europa.eu/esco/skill/x\", \"label\": \"x\"}");
        assertThatThrownBy(() -> store.load(List.of(file), AS_V, Progress.NONE))
            .isInstanceOf(EscoInputException.class)
            .hasMessageContaining("esco-v9.9.1.jsonld")
            .hasMessageContaining("is not fetched");
      }
    } finally {
      listener.stop(0);
    }
    assertThat(requests.get()).isZero();
  }

  @Test
  void anNTriplesLineWithNoEndStopsAtTheLineLimit() throws IOException {
    Path bomb = dir.resolve("esco-v9.9.1.nt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      out.write(
          "<http://data.europa.eu/esco/skill/1> <http://www.w3.org/2004/02/skos/core#prefLabel> \""
              .getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 16];
      Arrays.fill(block, (byte) 'x');
      for (int i = 0; i < 400; i++) {
        out.write(block);
      }
    }
    assertThatThrownBy(() -> store.load(List.of(bomb), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("esco-v9.9.1.nt.gz")
        .hasMessageContaining("observatory.ingest.max-line");
  }

  @Test
  void aZipThatInflatesAHundredfoldStopsAsABomb() throws IOException {
    Path zip = dir.resolve("esco-v9.9.1-rdf.zip");
    byte[] triple =
        ("<http://data.europa.eu/esco/skill/1> <http://www.w3.org/2004/02/skos/core#prefLabel>"
                + " \"weld\"@en .\n")
            .getBytes(StandardCharsets.UTF_8);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("esco.nt"));
      for (int i = 0; i < 800_000; i++) {
        out.write(triple);
      }
      out.closeEntry();
    }
    assertThatThrownBy(() -> store.load(List.of(zip), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("esco.nt")
        .hasMessageContaining("observatory.ingest.max-compression-ratio");
  }

  @Test
  void aTruncatedZipIsNamedAsDamaged() throws IOException {
    Path zip = zipOf(MiniEsco.folder(), dir.resolve("esco-v9.9.1-classification-en-csv.zip"));
    byte[] all = Files.readAllBytes(zip);
    Files.write(zip, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> store.load(List.of(zip), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("esco-v9.9.1-classification-en-csv.zip")
        .hasMessageContaining("truncated or damaged");
  }

  @Test
  void aCsvMissingARequiredColumnIsNamedWithTheColumn() throws IOException {
    Path copy = MiniEsco.csvCopy(dir.resolve("csv"));
    Path skills = copy.resolve("skills_en.csv");
    String text = Files.readString(skills);
    Files.writeString(skills, text.replaceFirst("conceptUri", "conceptURL"));
    assertThatThrownBy(() -> store.load(List.of(copy), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("skills_en.csv")
        .hasMessageContaining("line 1")
        .hasMessageContaining("conceptUri");
  }

  @Test
  void aRowWithAnUnbalancedQuoteIsNamedByItsLine() throws IOException {
    Path copy = MiniEsco.csvCopy(dir.resolve("csv"));
    Path occupations = copy.resolve("occupations_en.csv");
    List<String> lines = Files.readAllLines(occupations);
    int row = lines.size() + 1;
    Files.writeString(
        occupations,
        String.join("\n", lines)
            + "\nOccupation,http://data.europa.eu/esco/occupation/x,8121,\"broken label,,,,\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.load(List.of(copy), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("occupations_en.csv")
        .hasMessageContaining("line " + row)
        .hasMessageContaining("unbalanced quote");
  }

  @Test
  void aRowWithTooFewFieldsIsNamedByItsLine() throws IOException {
    Path copy = MiniEsco.csvCopy(dir.resolve("csv"));
    Path relations = copy.resolve("occupationSkillRelations.csv");
    Files.writeString(
        relations,
        Files.readString(relations) + MiniEsco.METAL_DRAWING + ",essential\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.load(List.of(copy), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("occupationSkillRelations.csv")
        .hasMessageContaining("line 15")
        .hasMessageContaining("expected 4 fields");
  }

  @Test
  void aCsvThatIsNotUtf8IsSaidSo() throws IOException {
    Path copy = MiniEsco.csvCopy(dir.resolve("csv"));
    Path groups = copy.resolve("ISCOGroups_en.csv");
    byte[] bytes = Files.readAllBytes(groups);
    byte[] spoiled = Arrays.copyOf(bytes, bytes.length + 2);
    spoiled[bytes.length] = (byte) 0xC3;
    spoiled[bytes.length + 1] = (byte) 0x28;
    Files.write(groups, spoiled);
    assertThatThrownBy(() -> store.load(List.of(copy), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("ISCOGroups_en.csv")
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void aTurtleSyntaxErrorIsReportedWithItsLine() throws IOException {
    Path ttl = dir.resolve("broken.ttl");
    List<String> lines = Files.readAllLines(MiniEsco.turtle());
    lines.set(9, lines.get(9).replace(" .", " ;; ]"));
    Files.write(ttl, lines);
    assertThatThrownBy(() -> store.load(List.of(ttl), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("broken.ttl")
        .hasMessageContaining("line 10");
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() throws IOException {
    Path empty = Files.createFile(dir.resolve("esco.ttl"));
    assertThatThrownBy(() -> store.load(List.of(empty), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("esco.ttl")
        .hasMessageContaining("empty");
  }

  @Test
  void rdfWithoutEscoConceptsIsRefused() throws IOException {
    Path other = dir.resolve("foaf.ttl");
    Files.writeString(
        other,
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
            + "<http://example.org/alice> a foaf:Person ; foaf:name \"Alice\" .\n");
    assertThatThrownBy(() -> store.load(List.of(other), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("foaf.ttl")
        .hasMessageContaining("no ESCO concepts");
  }

  @Test
  void aFileOfUnknownFormatIsRefusedByName() throws IOException {
    Path doc = dir.resolve("skills.docx");
    Files.writeString(doc, "not ESCO");
    assertThatThrownBy(() -> store.load(List.of(doc), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("skills.docx")
        .hasMessageContaining("unknown format");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.zip");
    assertThatThrownBy(() -> store.load(List.of(missing), AS_V, Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("nowhere.zip")
        .hasMessageContaining("no such file");
  }

  @Test
  void aVersionNeitherNamedNorGivenIsAskedFor() {
    assertThatThrownBy(
            () -> store.load(List.of(MiniEsco.folder()), Optional.empty(), Progress.NONE))
        .isInstanceOf(EscoInputException.class)
        .hasMessageContaining("--esco-version");
  }

  @Test
  void aRelationNamingAnUnknownConceptIsSkippedAndCounted() {
    LoadReport report = store.load(List.of(MiniEsco.folder()), AS_V, Progress.NONE);
    assertThat(report.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).endsWith("occupationSkillRelations.csv");
              assertThat(s.count()).isEqualTo(1);
              assertThat(s.examples().get(0))
                  .contains("line 14")
                  .contains("occupationUri")
                  .contains(MiniEsco.UNKNOWN_OCCUPATION);
            });
    assertThat(report.summary().occupationSkillRelations()).isEqualTo(12);
    before = store.catalog().versions().get(0);
  }

  @Test
  void invisibleCharactersAndDuplicateLabelsAreCleanedNotRefused() {
    Concept dirty =
        store
            .catalog()
            .concept(
                "http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2", "en", AS_V)
            .orElseThrow();
    assertThat(dirty.preferredLabel())
        .isEqualTo(dirty.preferredLabel().strip())
        .doesNotContain("\u200b");
    assertThat(dirty.altLabels())
        .contains("spaced out label", "worker\u2019s tool")
        .doesNotContain(dirty.preferredLabel())
        .doesNotHaveDuplicates()
        .allSatisfy(l -> assertThat(l).doesNotContain("  ", "\u00a0", "\u200b"));
  }

  private static Path zipOf(Path folder, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      try (var files = Files.list(folder)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
          z.putNextEntry(new ZipEntry(f.getFileName().toString()));
          Files.copy(f, z);
          z.closeEntry();
        }
      }
    }
    return zip;
  }
}
