package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.api.esco.UnknownConceptException;
import eu.skillsobservatory.api.home.HomeLock;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on standard error and an exit code: 2 when the input
 * or the request was wrong, 1 for anything else.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    Throwable cause = meaningful(ex);
    boolean badInput = isBadInput(cause);
    cmd.getErr().println("error: " + message(cause));
    ObservatoryCommand root =
        cmd.getCommandSpec().root().userObject() instanceof ObservatoryCommand r ? r : null;
    if (root != null && root.verbose) {
      ex.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return badInput ? BAD_INPUT : FAILURE;
  }

  /** The first cause in the chain that the observatory itself raised, else the deepest. */
  static Throwable meaningful(Throwable ex) {
    Throwable t = ex;
    Throwable deepest = ex;
    while (t != null) {
      if (isBadInput(t)
          || t instanceof HomeLock.HomeInUseException
          || t instanceof RemoteServiceException) {
        return t;
      }
      deepest = t;
      t = t.getCause() == t ? null : t.getCause();
    }
    return deepest;
  }

  static boolean isBadInput(Throwable t) {
    return t instanceof EscoInputException
        || t instanceof UnknownEscoVersionException
        || t instanceof UnknownConceptException
        || t instanceof IllegalArgumentException;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
