package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same ESCO data loaded from the CSV download and from RDF in the official dump's shape, in
 * every syntax and packaging, answers the same for every concept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdfAndCsvAgreeTest {
  static final EscoVersion FROM_CSV = EscoVersion.parse("v9.9.1");

  @TempDir static Path dir;
  TdbEscoStore store;
  SkillCatalog catalog;

  @BeforeAll
  void loadFromCsv() {
    store = TdbEscoStore.open(dir.resolve("tdb2"));
    catalog = store.catalog();
    store.load(List.of(MiniEsco.folder()), Optional.of(FROM_CSV), Progress.NONE);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ttl", "nt", "rdf", "jsonld", "trig", "nq", "ttl.gz", "zip"})
  void everyConceptReadsTheSameAsFromCsv(String packaging) throws IOException {
    EscoVersion fromRdf = EscoVersion.parse("v9.9." + (2 + packaging.hashCode() % 100 + 100));
    Path file = rdfFile(packaging);
    store.load(List.of(file), Optional.of(fromRdf), Progress.NONE);

    VersionSnapshot csv = catalog.snapshot(FROM_CSV, "en");
    VersionSnapshot rdf = catalog.snapshot(fromRdf, "en");
    assertThat(rdf.concepts()).isEqualTo(csv.concepts());
    assertThat(rdf.occupationSkills()).isEqualTo(csv.occupationSkills());
    assertThat(csv.concepts()).hasSize(60);
    assertThat(csv.occupationSkills()).hasSize(12);

    for (String uri : csv.concepts().keySet()) {
      Concept a = catalog.concept(uri, "en", Optional.of(FROM_CSV)).orElseThrow();
      Concept b = catalog.concept(uri, "en", Optional.of(fromRdf)).orElseThrow();
      assertThat(sameVersion(b, a.version())).as(uri).isEqualTo(a);
    }
    VersionSummary s = summary(fromRdf);
    VersionSummary c = summary(FROM_CSV);
    assertThat(List.of(s.skills(), s.occupations(), s.iscoGroups(), s.skillGroups()))
        .isEqualTo(List.of(c.skills(), c.occupations(), c.iscoGroups(), c.skillGroups()));
    assertThat(s.occupationSkillRelations()).isEqualTo(c.occupationSkillRelations()).isEqualTo(12);
    assertThat(s.essentialRelations()).isEqualTo(c.essentialRelations()).isEqualTo(8);
  }

  private VersionSummary summary(EscoVersion v) {
    return catalog.versions().stream().filter(x -> x.version().equals(v)).findFirst().orElseThrow();
  }

  private static Concept sameVersion(Concept c, EscoVersion v) {
    return new Concept(
        c.uri(),
        c.type(),
        v,
        c.language(),
        c.preferredLabel(),
        c.altLabels(),
        c.hiddenLabels(),
        c.description(),
        c.skillType(),
        c.reuseLevel(),
        c.code(),
        c.iscoGroup(),
        c.broader(),
        c.broaderChain(),
        c.collections(),
        c.essentialSkills(),
        c.optionalSkills(),
        c.essentialFor(),
        c.optionalFor(),
        c.availableLanguages());
  }

  private static Path rdfFile(String packaging) throws IOException {
    Dataset ds = DatasetFactory.create();
    RDFDataMgr.read(ds.getDefaultModel(), MiniEsco.turtle().toString());
    Path out = dir.resolve("mini-" + packaging.replace('.', '-'));
    Files.createDirectories(out);
    switch (packaging) {
      case "ttl" -> {
        return MiniEsco.turtle();
      }
      case "ttl.gz" -> {
        Path f = out.resolve("esco.ttl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
          Files.copy(MiniEsco.turtle(), o);
        }
        return f;
      }
      case "zip" -> {
        Path f = out.resolve("esco-rdf.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
          z.putNextEntry(new ZipEntry("esco/esco.ttl"));
          Files.copy(MiniEsco.turtle(), z);
          z.closeEntry();
        }
        return f;
      }
      default -> {
        RDFFormat format =
            switch (packaging) {
              case "nt" -> RDFFormat.NTRIPLES;
              case "rdf" -> RDFFormat.RDFXML;
              case "jsonld" -> RDFFormat.JSONLD;
              case "trig" -> RDFFormat.TRIG;
              case "nq" -> RDFFormat.NQUADS;
              default -> throw new IllegalArgumentException(packaging);
            };
        Path f = out.resolve("esco." + packaging);
        try (OutputStream o = Files.newOutputStream(f)) {
          if (format.getLang().equals(Lang.TRIG) || format.getLang().equals(Lang.NQUADS)) {
            Dataset named = DatasetFactory.create();
            named.addNamedModel("urn:example:esco", ds.getDefaultModel());
            RDFDataMgr.write(o, named, format);
          } else {
            RDFDataMgr.write(o, ds.getDefaultModel(), format);
          }
        }
        return f;
      }
    }
  }
}
