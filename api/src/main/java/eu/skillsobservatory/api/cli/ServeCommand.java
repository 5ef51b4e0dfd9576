package eu.skillsobservatory.api.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Starts the REST server; on an empty home it first loads the ESCO version shipped in data/. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the REST server (and the dashboard) on the embedded stores under the home folder.",
      "On an empty home it first loads data/esco/v1.1.1, with progress."
    })
public class ServeCommand implements Callable<Integer> {
  @ParentCommand ObservatoryCommand root;

  @Option(
      names = "--port",
      defaultValue = "${env:SERVER_PORT:-8080}",
      description = "HTTP port (default: 8080; 0 picks a free one).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port: 0 to 65535, not " + port);
    }
    CommandRuntime runtime =
        root.start("serve", true, Map.of("server.port", Integer.toString(port)));
    CountDownLatch closed = new CountDownLatch(1);
    runtime
        .context()
        .addApplicationListener(
            e -> {
              if (e instanceof ContextClosedEvent) {
                closed.countDown();
              }
            });
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "observatory-stop"));
    closed.await();
    return 0;
  }
}
