package eu.skillsobservatory.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the observatory keeps its state.
 *
 * @param home the folder holding all state ({@code --home}, {@code OBSERVATORY_HOME})
 */
@ConfigurationProperties("observatory")
public record ObservatorySettings(@DefaultValue("var") String home) {

  /**
   * The home folder. Paths are taken as the file system gives them, relative to the work folder.
   */
  public Path homePath() {
    return Path.of(home);
  }

  /** The Jena TDB2 database with the ESCO versions. */
  public Path tdb2() {
    return homePath().resolve("tdb2");
  }
}
