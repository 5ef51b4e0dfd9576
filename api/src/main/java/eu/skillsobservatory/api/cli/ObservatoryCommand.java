package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.api.bench.BenchCommand;
import eu.skillsobservatory.api.evaluation.EvaluateCommand;
import eu.skillsobservatory.api.generate.GenerateCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options and the list of commands. */
@Command(
    name = "skills-observatory",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Skills Observatory: which skills a sector needs, which are emerging, and which training"
          + " closes the gaps, linked to ESCO.",
      "Exit codes: 0 success, 2 bad input or usage, 1 any other failure."
    },
    subcommands = {
      ServeCommand.class,
      IngestCommand.class,
      EscoCommand.class,
      SearchCommand.class,
      ExtractCommand.class,
      EvaluateCommand.class,
      BenchCommand.class,
      VacanciesCommand.class,
      OffersCommand.class,
      StatisticsCommand.class,
      DemandCommand.class,
      EmergingCommand.class,
      GapsCommand.class,
      MatchCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      GenerateCommand.class,
      ApiKeyCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public class ObservatoryCommand implements Runnable {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${env:OBSERVATORY_HOME:-var}",
      description = "Folder that holds all state (default: $OBSERVATORY_HOME, else ./var).")
  public Path home;

  @Option(names = "--verbose", description = "On failure, print the full stack trace.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  public CommandRuntime start(String what, boolean web, Map<String, String> properties) {
    return CommandRuntime.start(home, what, web, properties);
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new ObservatoryCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
