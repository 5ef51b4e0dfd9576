package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.api.web.ApiKeyFilter;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code api-key new NAME}: a new API key for writes, and the line that configures it. */
@Command(
    name = "api-key",
    mixinStandardHelpOptions = true,
    description = "API keys for the REST API's writes.",
    subcommands = {ApiKeyCommand.New.class})
public class ApiKeyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name an api-key command");
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Make a random API key named NAME: prints the key (give it to the client; it is not",
        "stored anywhere) and the setting that makes the server accept it (only its SHA-256)."
      })
  static class New implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Who or what the key is for (letters, digits).")
    String name;

    @Override
    public Integer call() {
      if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "NAME: 1 to 64 letters, digits, '.', '_' or '-', not '" + name + "'");
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      PrintWriter out = spec.commandLine().getOut();
      out.println("key:     " + key);
      out.println(
          "setting: OBSERVATORY_SECURITY_APIKEYS="
              + name
              + ":"
              + ApiKeyFilter.hash(key)
              + "   (add to any keys already there, comma-separated)");
      out.flush();
      return 0;
    }
  }
}
