package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.esco.EscoService;
import eu.skillsobservatory.api.esco.FirstStartLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest esco PATH... [--esco-version vX.Y.Z]}. */
@Command(
    name = "esco",
    mixinStandardHelpOptions = true,
    description = {
      "Load one ESCO version into the store, replacing any earlier load of that version.",
      "PATH: the official CSV zips (language zip and relations zip, or a v1.2 language zip),"
          + " a folder of unzipped CSVs, or an RDF file of the official dump (Turtle, RDF/XML,"
          + " N-Triples, N-Quads, TriG, JSON-LD; plain, .gz or in a .zip).",
      "Several language zips may be given together. The load is atomic: if it fails, the store"
          + " is left as it was."
    })
public class IngestEscoCommand implements Callable<Integer> {
  @CommandLine.ParentCommand IngestCommand ingest;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "ESCO files or folders.")
  List<Path> paths;

  @Option(
      names = "--esco-version",
      paramLabel = "vX.Y.Z",
      description = "The ESCO version, when the file names do not carry it.")
  String version;

  @Option(
      names = "--no-index",
      description = "Load into TDB2 only; do not index into Elasticsearch (see esco reindex).")
  boolean noIndex;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Report as text or json (default: text).")
  String format;

  @Override
  public Integer call() {
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    Optional<EscoVersion> v =
        version == null ? Optional.empty() : Optional.of(EscoVersion.parse(version));
    String fmt = Output.format(format, "text", "json");
    try (CommandRuntime runtime = root.start("ingest esco", false, Map.of())) {
      EscoService esco = runtime.bean(EscoService.class);
      // A folder of the official download's zips is read as those zips, as on the first start.
      List<Path> inputs = paths.stream().flatMap(p -> FirstStartLoader.inputs(p).stream()).toList();
      LoadReport report = esco.load(inputs, v, ConsoleProgress.forStderr());
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(JsonConfiguration.cliMapper().writeValueAsString(report));
      } else {
        text(report, out);
      }
      if (!noIndex) {
        try {
          var indexed = esco.index(Optional.of(report.version()), ConsoleProgress.forStderr());
          out.printf(
              Locale.ROOT,
              "Indexed into Elasticsearch: %,d concepts in %.1f s%n",
              indexed.documents(),
              indexed.duration().toMillis() / 1000.0);
        } catch (RuntimeException e) {
          out.flush();
          throw new IllegalStateException(
              "ESCO "
                  + report.version()
                  + " is loaded into TDB2, but indexing it failed ("
                  + e.getMessage()
                  + "); run 'esco reindex' when Elasticsearch is reachable",
              e);
        }
      }
      out.flush();
    }
    return 0;
  }

  private static void text(LoadReport r, PrintWriter out) {
    var s = r.summary();
    out.printf(
        Locale.ROOT,
        "ESCO %s loaded in %.1f s: %,d triples read (%,d/s), %,d in the graph%n",
        r.version(),
        r.duration().toMillis() / 1000.0,
        r.triplesRead(),
        r.triplesPerSecond(),
        s.triples());
    out.printf(
        Locale.ROOT,
        "  %,d skills (%,d knowledge), %,d occupations, %,d ISCO groups, %,d skill groups%n",
        s.skills(),
        s.knowledge(),
        s.occupations(),
        s.iscoGroups(),
        s.skillGroups());
    out.printf(
        Locale.ROOT,
        "  %,d occupation-skill relations (%,d essential), %,d skill-skill relations%n",
        s.occupationSkillRelations(),
        s.essentialRelations(),
        s.skillSkillRelations());
    out.println("  languages: " + String.join(", ", s.languages()));
    for (var k : r.skipped()) {
      out.printf(Locale.ROOT, "  skipped %,d rows of %s: %s%n", k.count(), k.file(), k.reason());
      k.examples().forEach(e -> out.println("    e.g. " + e));
    }
    r.warnings().forEach(w -> out.println("  warning: " + w));
  }
}
