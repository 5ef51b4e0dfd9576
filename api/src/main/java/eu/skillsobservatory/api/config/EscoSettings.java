package eu.skillsobservatory.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ESCO at start-up.
 *
 * @param bundled the ESCO download that {@code serve} loads on an empty home (a folder of the
 *     official zips, or a file)
 * @param loadOnFirstStart whether {@code serve} loads it when no ESCO version is loaded yet
 * @param defaultLanguage the label language when a request names none
 */
@ConfigurationProperties("observatory.esco")
public record EscoSettings(
    @DefaultValue("data/esco/v1.1.1") String bundled,
    @DefaultValue("true") boolean loadOnFirstStart,
    @DefaultValue("en") String defaultLanguage) {

  public Path bundledPath() {
    return Path.of(bundled);
  }
}
