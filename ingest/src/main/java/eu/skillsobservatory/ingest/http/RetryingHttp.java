package eu.skillsobservatory.ingest.http;

import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GET requests to a public web service with a connect timeout, a request timeout, and retries with
 * exponential backoff and jitter for what may pass: 429, 502, 503, 504, timeouts and refused
 * connections. A {@code Retry-After} of up to 30 seconds is honoured. Other answers, 4xx included,
 * are returned as they are, for the caller to explain.
 */
public final class RetryingHttp {
  /**
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for a whole answer
   * @param retries how often a failed request is repeated
   * @param backoff the first wait before a repeat; each next one doubles
   */
  public record Settings(
      Duration connectTimeout, Duration requestTimeout, int retries, Duration backoff) {
    public Settings {
      if (retries < 0) {
        throw new IllegalArgumentException("retries: 0 or more, not " + retries);
      }
    }
  }

  /** An answer: its status and body. */
  public record Answer(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String service;
  private final Settings settings;
  private final HttpClient client;

  /**
   * @param service the service's name, for messages ("the Eurostat API")
   */
  public RetryingHttp(String service, Settings settings) {
    this.service = service;
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * @throws RemoteServiceException when every try failed with a transient failure
   */
  public Answer get(URI uri, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", accept)
            .header("User-Agent", "skills-observatory")
            .GET()
            .build();
    Duration wait = settings.backoff();
    for (int attempt = 0; ; attempt++) {
      String failure;
      int status = 0;
      Exception cause = null;
      Duration retryAfter = null;
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        if (status != 429 && status != 502 && status != 503 && status != 504) {
          return new Answer(status, r.body());
        }
        failure = "HTTP " + status;
        retryAfter =
            r.headers().firstValue("Retry-After").flatMap(RetryingHttp::seconds).orElse(null);
      } catch (HttpTimeoutException e) {
        failure = "no answer within " + settings.requestTimeout().toMillis() + " ms";
        cause = e;
      } catch (ConnectException e) {
        failure = "connection refused or not made (" + e.getMessage() + ")";
        cause = e;
      } catch (IOException e) {
        failure = "the connection failed (" + e.getMessage() + ")";
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RemoteServiceException(service + ": interrupted", 0, e);
      }
      if (attempt >= settings.retries()) {
        throw new RemoteServiceException(
            service
                + " at "
                + uri.getScheme()
                + "://"
                + uri.getAuthority()
                + ": "
                + failure
                + (attempt == 0 ? "" : " (" + (attempt + 1) + " tries)"),
            status,
            cause);
      }
      Duration pause =
          retryAfter != null
              ? retryAfter
              : wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1));
      sleep(pause);
      wait = wait.multipliedBy(2);
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.strip());
      return s >= 0 && s <= 30 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteServiceException(service + ": interrupted", 0, e);
    }
  }
}
