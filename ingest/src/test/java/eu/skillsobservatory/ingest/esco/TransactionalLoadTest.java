package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.esco.TdbEscoStore.LoadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load that lets readers go on (one write transaction) gives what the bulk load gives. */
class TransactionalLoadTest {
  static final EscoVersion BULK = EscoVersion.parse("v9.9.1");
  static final EscoVersion TXN = EscoVersion.parse("v9.9.2");

  @TempDir Path dir;

  @Test
  void aTransactionalLoadHoldsTheSameAsABulkLoad() {
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      store.load(List.of(MiniEsco.folder()), Optional.of(BULK), Progress.NONE, LoadMode.BULK);
      LoadReport txn =
          store.load(
              List.of(MiniEsco.folder()), Optional.of(TXN), Progress.NONE, LoadMode.TRANSACTIONAL);
      assertThat(txn.summary().occupationSkillRelations()).isEqualTo(12);
      assertThat(store.catalog().snapshot(TXN, "en").concepts())
          .isEqualTo(store.catalog().snapshot(BULK, "en").concepts());
      assertThat(store.catalog().snapshot(TXN, "en").occupationSkills())
          .isEqualTo(store.catalog().snapshot(BULK, "en").occupationSkills());
    }
  }

  @Test
  void aFailedTransactionalLoadLeavesTheStoreAsItWas() throws IOException {
    Path broken = dir.resolve("broken.ttl");
    List<String> lines = Files.readAllLines(MiniEsco.turtle());
    lines.set(200, lines.get(200).replace(" .", " ;; ]"));
    Files.write(broken, lines);
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      store.load(List.of(MiniEsco.folder()), Optional.of(BULK), Progress.NONE, LoadMode.BULK);
      List<VersionSummary> before = store.catalog().versions();
      assertThatThrownBy(
              () ->
                  store.load(
                      List.of(broken), Optional.of(BULK), Progress.NONE, LoadMode.TRANSACTIONAL))
          .isInstanceOf(EscoInputException.class)
          .hasMessageContaining("line 201");
      assertThat(store.catalog().versions()).isEqualTo(before);
    }
  }
}
