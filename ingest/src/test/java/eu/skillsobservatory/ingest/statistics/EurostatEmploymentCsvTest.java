package eu.skillsobservatory.ingest.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EurostatEmploymentCsvTest {
  @Test
  void theShippedTableMapsEveryLabelToACode() {
    var t = EurostatEmploymentCsv.read(Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv"));
    assertThat(t.problems()).isEmpty();
    assertThat(t.cells()).isNotEmpty();
    assertThat(t.cells()).extracting(EmploymentCell::country).contains("EL", "DE", "TR", "BA");
    assertThat(t.cells()).extracting(EmploymentCell::nace).contains("A", "C", "U");
    EmploymentCell first = t.cells().get(0);
    assertThat(first).isEqualTo(new EmploymentCell("A", "1", "BE", 2023, 2.7, "u"));
  }

  @Test
  void anUnknownLabelIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("e.csv"),
            "nace_r2_label,isco08_label,geo_label,year,value_thousand_persons,flag\n"
                + "Manufacturing,Managers,Germany,2024,100.5,\n"
                + "Manufacturing,Wizards,Germany,2024,1,\n"
                + "Manufacturing,Managers,Atlantis,2024,1,\n"
                + "Manufacturing,Managers,France,2024,:,\n");
    var t = EurostatEmploymentCsv.read(f);
    assertThat(t.cells()).containsExactly(new EmploymentCell("C", "1", "DE", 2024, 100.5, ""));
    assertThat(t.problems())
        .containsExactly(
            "line 3: unknown ISCO group 'Wizards'", "line 4: unknown country 'Atlantis'");
  }

  @Test
  void aFileWithoutTheColumnsIsRefused(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
    assertThatThrownBy(() -> EurostatEmploymentCsv.read(f))
        .hasMessageContaining("line 1: no 'nace_r2_label' column");
  }
}
