package eu.skillsobservatory.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  @Test
  void aNoteIsALineOfItsOwnAndTheWorkUnderWayGoesOn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgress p =
        new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    p.start("Reading vacancies", "rows", 100);
    p.advance(40, 40);
    p.note("Preparing the model");
    p.advance(50, 50);
    assertThat(p.line()).startsWith("Reading vacancies [").contains("50 rows");
    p.finish("done");
    // On a terminal the bar's line is cleared before the note, which stands on its own line.
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("\r\u001B[KPreparing the model\n")
        .endsWith("done\n");
  }
}
