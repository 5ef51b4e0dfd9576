package eu.skillsobservatory.api;

import eu.skillsobservatory.api.cli.ObservatoryCommand;

/**
 * The one executable: {@code java -jar skills-observatory.jar [--home DIR] COMMAND}. Exit codes: 0
 * success, 2 bad input or usage, 1 any other failure.
 */
public final class ObservatoryMain {
  private ObservatoryMain() {}

  public static void main(String[] args) {
    System.exit(ObservatoryCommand.run(args));
  }
}
