package eu.skillsobservatory.api.config;

import eu.skillsobservatory.ingest.http.RetryingHttp;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public web services the observatory may call: Eurostat's dissemination API (for {@code ingest
 * statistics --eurostat}) and the ESCO web-service API (a fallback for concepts the local store
 * does not know; off unless enabled).
 */
@ConfigurationProperties("observatory")
public record RemoteSettings(@DefaultValue Eurostat eurostat, @DefaultValue EscoApi escoApi) {

  /**
   * @param url the API's data endpoint
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for a whole answer (large tables take a while)
   * @param retries how often a request is repeated after 429, 502-504, a timeout or a refused
   *     connection, with exponential backoff
   */
  public record Eurostat(
      @DefaultValue("https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/")
          String url,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("120s") Duration requestTimeout,
      @DefaultValue("3") int retries,
      @DefaultValue("1s") Duration backoff) {
    public RetryingHttp.Settings http() {
      return new RetryingHttp.Settings(connectTimeout, requestTimeout, retries, backoff);
    }
  }

  /**
   * @param enabled whether concepts unknown to every loaded ESCO version are looked up there
   * @param url the API's root
   * @param selectedVersion the ESCO version asked for
   * @param cacheSize concepts (and known misses) remembered
   */
  public record EscoApi(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("https://ec.europa.eu/esco/api") String url,
      @DefaultValue("v1.2.0") String selectedVersion,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration requestTimeout,
      @DefaultValue("2") int retries,
      @DefaultValue("500ms") Duration backoff,
      @DefaultValue("10000") int cacheSize) {
    public RetryingHttp.Settings http() {
      return new RetryingHttp.Settings(connectTimeout, requestTimeout, retries, backoff);
    }
  }
}
