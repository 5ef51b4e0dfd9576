package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.api.ObservatoryApplication;
import eu.skillsobservatory.api.home.HomeLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A started application for one command: the home locked for this process, and a Spring context
 * over it (with a web server only for {@code serve}).
 */
public final class CommandRuntime implements AutoCloseable {
  private final HomeLock lock;
  private final ConfigurableApplicationContext context;

  private CommandRuntime(HomeLock lock, ConfigurableApplicationContext context) {
    this.lock = lock;
    this.context = context;
  }

  /**
   * Starts the application.
   *
   * @param what the command, shown to a second process that finds the home taken
   * @param properties settings that win over configuration files and the environment
   */
  public static CommandRuntime start(
      Path home, String what, boolean web, Map<String, String> properties) {
    HomeLock lock = HomeLock.acquire(home, what);
    try {
      SpringApplication app = new SpringApplication(ObservatoryApplication.class);
      app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
      app.setBannerMode(Banner.Mode.OFF);
      app.setLogStartupInfo(web);
      Map<String, Object> defaults = new HashMap<>();
      if (!web) {
        // A command's output is its data; the logs stay quiet unless something goes wrong.
        defaults.put("logging.level.root", "WARN");
        defaults.put("spring.main.lazy-initialization", "true");
        defaults.put("logging.level.eu.skillsobservatory", "WARN");
      }
      app.setDefaultProperties(defaults);
      List<String> args = new ArrayList<>();
      args.add("--observatory.home=" + home.toAbsolutePath().normalize());
      properties.forEach((k, v) -> args.add("--" + k + "=" + v));
      ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
      return new CommandRuntime(lock, ctx);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      lock.close();
    }
  }
}
