package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.offer.OfferService;
import eu.skillsobservatory.api.offer.SampleOffers;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest offers PATH...}: training offers into the offers index. */
@Command(
    name = "offers",
    mixinStandardHelpOptions = true,
    description = {
      "Load training offers into the offers index: European Learning Model v3 JSON-LD",
      "(learning opportunities, credentials, specifications), or CSV / JSON Lines in the schema",
      "of src/docs/offer-schema.md; plain or .gz. Skills not given with a learning outcome are",
      "extracted from its text. The same source and id again replaces the offer. The load is",
      "one swap: readers see all of it or none. A file that cannot be read to its end loads",
      "nothing; rejected offers go to a rejects file (file, line, field, reason). Exit code 0",
      "when every offer loaded, 2 when one was rejected or a file is unusable."
    })
public class IngestOffersCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Offer files, or folders (their European Learning Model .jsonld files).")
  List<Path> paths;

  @Option(
      names = "--extraction",
      defaultValue = "fast",
      description = "fast (labels, default) or full (labels and meaning; slower).")
  String extraction;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Where rejected offers go (default: HOME/rejects/INGEST-ID.csv).")
  Path rejects;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "text", "json");
    ExtractionMode mode = ExtractionMode.parse(extraction);
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> in = SampleOffers.expand(List.of(p));
        if (in.isEmpty()) {
          throw new IllegalArgumentException(p + ": a folder without .jsonld files");
        }
        files.addAll(in);
      } else {
        files.add(p);
      }
    }
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start("ingest offers", false, Map.of())) {
      OfferService.IngestReport r =
          runtime
              .bean(OfferService.class)
              .ingest(files, mode, Optional.ofNullable(rejects), ConsoleProgress.forStderr());
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(r));
      } else {
        for (ReadReport f : r.files()) {
          out.printf(
              Locale.ROOT,
              "%s: %,d offers, %,d accepted, %,d rejected%n",
              f.name(),
              f.rows(),
              f.accepted(),
              f.rejected());
          f.problem().ifPresent(p -> out.println("  nothing loaded from it: " + p));
        }
        out.printf(
            Locale.ROOT,
            "%s: %,d training offers written (%,d replacing offers held), %,d held now, in %.1f s;"
                + " skills given for %,d, extracted for %,d, none found for %,d%n",
            r.ingest(),
            r.written(),
            r.replaced(),
            r.held(),
            r.seconds(),
            r.skillsGiven(),
            r.skillsExtracted(),
            r.withoutSkills());
        if (r.repeated() > 0) {
          out.printf(
              Locale.ROOT,
              "%,d offers named a source and id that came again later in the load (the later"
                  + " one was kept)%n",
              r.repeated());
        }
        if (r.rejects() != null) {
          out.printf(Locale.ROOT, "%,d offers rejected: see %s%n", r.rejected(), r.rejects());
        }
      }
      out.flush();
      return r.complete() ? 0 : 2;
    }
  }
}
