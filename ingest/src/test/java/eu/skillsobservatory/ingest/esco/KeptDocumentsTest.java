package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concept documents a load keeps beside the TDB2 data are the documents the store holds, are
 * replaced when the version is loaded again, and are read from the store again (and kept anew) when
 * their file is damaged.
 */
class KeptDocumentsTest {
  static final EscoVersion V = EscoVersion.parse("v9.9.1");

  @TempDir Path dir;

  @Test
  void keptDocumentsAreTheStoresAndALoadAgainReplacesThem() throws IOException {
    Path tdb = dir.resolve("tdb2");
    try (TdbEscoStore store = TdbEscoStore.open(tdb)) {
      store.load(List.of(MiniEsco.folder()), Optional.of(V), Progress.NONE);
    }
    List<Path> first = kept(tdb);
    assertThat(first).hasSize(1);
    try (TdbEscoStore store = TdbEscoStore.open(tdb)) {
      List<ConceptDocument> fromFile = documents(store.catalog());
      List<ConceptDocument> fromStore = documents(new TdbSkillCatalog(store.dataset()));
      assertThat(fromFile).hasSize(60).isEqualTo(fromStore);
      assertThat(fromFile)
          .anySatisfy(d -> assertThat(d.labels().get("en").description()).isNotEmpty());

      // What a load killed while keeping its documents leaves, long ago, and just now.
      Path killed =
          Files.writeString(tdb.resolve(TdbEscoStore.DOCUMENTS).resolve("writing-1.tmp"), "x");
      Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
      Path running =
          Files.writeString(tdb.resolve(TdbEscoStore.DOCUMENTS).resolve("writing-2.tmp"), "x");

      store.load(List.of(MiniEsco.turtle()), Optional.of(V), Progress.NONE);
      assertThat(killed).doesNotExist();
      assertThat(running).exists();
      Files.delete(running);
      List<Path> second = kept(tdb);
      assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
      assertThat(documents(store.catalog()))
          .isEqualTo(documents(new TdbSkillCatalog(store.dataset())));
    }
  }

  @Test
  void aDamagedFileIsReadFromTheStoreAndKeptAgain() throws IOException {
    Path tdb = dir.resolve("tdb2");
    try (TdbEscoStore store = TdbEscoStore.open(tdb)) {
      store.load(List.of(MiniEsco.folder()), Optional.of(V), Progress.NONE);
      List<ConceptDocument> expected = documents(new TdbSkillCatalog(store.dataset()));
      Path file = kept(tdb).get(0);
      byte[] whole = Files.readAllBytes(file);

      Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
      assertThat(documents(store.catalog())).isEqualTo(expected);
      assertThat(Files.readAllBytes(kept(tdb).get(0))).isEqualTo(whole);

      byte[] flipped = whole.clone();
      flipped[flipped.length / 2] ^= 0x5a;
      Files.write(file, flipped);
      assertThat(documents(store.catalog())).isEqualTo(expected);
      assertThat(Files.readAllBytes(kept(tdb).get(0))).isEqualTo(whole);
    }
  }

  private static List<ConceptDocument> documents(SkillCatalog catalog) {
    List<ConceptDocument> out = new ArrayList<>();
    catalog.forEachConcept(V, out::add);
    return out;
  }

  private static List<Path> kept(Path tdb) throws IOException {
    try (Stream<Path> files = Files.list(tdb.resolve(TdbEscoStore.DOCUMENTS))) {
      return files.sorted().toList();
    }
  }
}
