package eu.skillsobservatory.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Loads data into the observatory. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Load data into the observatory.",
    subcommands = {
      IngestEscoCommand.class,
      IngestVacanciesCommand.class,
      IngestOffersCommand.class,
      IngestStatisticsCommand.class
    })
public class IngestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name what to ingest: esco, vacancies, offers, statistics");
  }
}
