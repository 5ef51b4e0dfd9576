package eu.skillsobservatory.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** One name for one thing across commands, the old names still read; completion; version. */
class CommandNamesTest {
  static CommandLine.ParseResult parse(String... args) {
    return new CommandLine(new ObservatoryCommand()).parseArgs(args);
  }

  static String help(String... command) {
    CommandLine cl = new CommandLine(new ObservatoryCommand());
    for (String c : command) {
      cl = cl.getSubcommands().get(c);
    }
    return cl.getUsageMessage();
  }

  @Test
  void theExtractionModeIsExtractionEverywhereAndModeStillWorksUnseen() {
    ExtractCommand extract =
        (ExtractCommand)
            parse("extract", "--extraction", "fast").subcommand().commandSpec().userObject();
    assertThat(extract.mode).isEqualTo("fast");
    ExtractCommand old =
        (ExtractCommand) parse("extract", "--mode", "fast").subcommand().commandSpec().userObject();
    assertThat(old.mode).isEqualTo("fast");
    assertThat(help("extract")).contains("--extraction").doesNotContain("--mode");
    assertThat(help("evaluate", "extraction")).contains("--extraction").doesNotContain("--mode");
    assertThat(help("evaluate", "offers")).contains("--extraction").doesNotContain("--mode");
    assertThat(help("bench", "extraction")).contains("--extraction").doesNotContain("--mode");
    assertThat(help("ingest", "vacancies")).contains("--extraction");
    // Both names parse on every command that had --mode for the extraction.
    for (String[] args :
        new String[][] {
          {"evaluate", "extraction", "--mode", "both", "f.csv"},
          {"evaluate", "offers", "--mode", "full", "f.jsonl"},
          {"bench", "extraction", "--mode", "full", "f.txt"}
        }) {
      assertThat(parse(args).hasSubcommand()).isTrue();
    }
  }

  @Test
  void theSectorIsSectorEverywhereAndNaceStillWorksUnseen() {
    var employment =
        (StatisticsCommand.Employment)
            parse("statistics", "employment", "--nace", "J")
                .subcommand()
                .subcommand()
                .commandSpec()
                .userObject();
    assertThat(employment.nace).isEqualTo("J");
    assertThat(help("statistics", "employment")).contains("--sector").doesNotContain("--nace");
  }

  @Test
  void aBashCompletionScriptNamesTheCommandsAndTheirOptions() {
    StringWriter out = new StringWriter();
    int code =
        ObservatoryCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "generate-completion");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("complete -F")
        .contains("ingest")
        .contains("demand")
        .contains("--extraction");
  }
}
