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
public record ObservatorySettings(@DefaultValue("var") Path home) {

  /** The Jena TDB2 database with the ESCO versions. */
  public Path tdb2() {
    return home.resolve("tdb2");
  }
}
