package eu.skillsobservatory.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ESCO at start-up.
 *
 * @param bundled the ESCO download that {@code serve} loads on an empty home (a folder of the
 *     official zips, or a file)
 * @param loadOnFirstStart whether {@code serve} loads it when no ESCO version is loaded yet
 * @param defaultLanguage the label language when a request names none
 * @param storeUrl a shared SPARQL server's dataset (Apache Jena Fuseki, e.g. {@code
 *     http://fuseki:3030/esco}) that holds the ESCO versions instead of the embedded TDB2 database
 *     under the home folder; empty for the embedded one
 * @param storeConnectTimeout how long to wait for a connection to that server
 */
@ConfigurationProperties("observatory.esco")
public record EscoSettings(
    @DefaultValue("data/esco/v1.1.1") String bundled,
    @DefaultValue("true") boolean loadOnFirstStart,
    @DefaultValue("en") String defaultLanguage,
    @DefaultValue("") String storeUrl,
    @DefaultValue("5s") Duration storeConnectTimeout) {

  public Path bundledPath() {
    return Path.of(bundled);
  }
}
