package eu.skillsobservatory.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.api.web.CsvText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text cell a spreadsheet would run as a formula is written as text; numbers stay numbers. The
 * rule lives in one writer that every CSV answer goes through.
 */
class CsvInjectionTest {
  @Test
  void aLabelThatStartsAFormulaIsWrittenAsText() {
    String csv =
        AnalyticsCsv.similar(
            new SkillRelations.Similar(
                "urn:o",
                "Welder",
                "v1.1.1",
                List.of(
                    new SkillRelations.SimilarOccupation(
                        "=HYPERLINK(\"http://evil.example\",\"click\")",
                        "+cmd|' /C calc'!A0",
                        0.5,
                        3,
                        List.of("@SUM(1+1)")),
                    new SkillRelations.SimilarOccupation(
                        "urn:x", "-2+3", -0.25, 1, List.of("\tTabbed")))));
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(1))
        .startsWith("\"'=HYPERLINK(")
        .contains("'+cmd|")
        .contains(",0.5,3,")
        .endsWith("'@SUM(1+1)");
    assertThat(lines.get(2)).contains("'-2+3").contains(",-0.25,1,").contains("'\tTabbed");
  }

  @Test
  void numbersAndPlainTextAreLeftAlone() {
    assertThat(CsvText.cell("-12.5")).isEqualTo("-12.5");
    assertThat(CsvText.cell("+3e-4")).isEqualTo("+3e-4");
    assertThat(CsvText.cell("welding")).isEqualTo("welding");
    assertThat(CsvText.cell("")).isEmpty();
    assertThat(CsvText.cell("\rline")).isEqualTo("'\rline");
  }
}
