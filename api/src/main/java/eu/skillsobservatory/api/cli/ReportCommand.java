package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.report.SectorReport;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.report.SectorReportHtml;
import eu.skillsobservatory.api.report.SectorReportPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: a sector's skill needs as one self-contained HTML file (or its JSON). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "A sector report to hand on: summary, demand over time, the most demanded skills with their",
      "intervals, digital and green shares, emerging skills with their evidence, gaps and the",
      "offers that close them, methods and caveats, and the data's provenance. One HTML file,",
      "charts inline, no external asset; it prints on A4. --format pdf gives it as PDF, json its",
      "figures."
    })
public class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin SliceOptions slice;

  @Option(
      names = "--format",
      defaultValue = "html",
      description = "html (default), pdf (the same, laid out for A4) or json.")
  String format;

  @CommandLine.Mixin ExportCommand.OutputOption file;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "html", "json", "pdf");
    if (fmt.equals("pdf") && file.output.equals("-")) {
      throw new IllegalArgumentException("--output: a PDF goes to a file, not to standard output");
    }
    var s = slice.slice();
    if (s.sector().isEmpty()) {
      throw new IllegalArgumentException("--sector: a sector report needs a sector (C, or 25)");
    }
    return ExportCommand.write(
        spec,
        file.output,
        (runtime, out) -> {
          SectorReport.Report r = runtime.bean(SectorReport.class).of(s);
          if (fmt.equals("pdf")) {
            SectorReportPdf.write(r, out);
            return 1;
          }
          String text =
              fmt.equals("html")
                  ? SectorReportHtml.render(r)
                  : JsonConfiguration.cliMapper().writeValueAsString(r) + "\n";
          try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return 1;
        },
        "sector report");
  }
}
