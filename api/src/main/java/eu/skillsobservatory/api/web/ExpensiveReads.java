package eu.skillsobservatory.api.web;

import eu.skillsobservatory.api.config.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * At most {@code observatory.http.max-concurrent} expensive reads of each kind run at once (SPARQL,
 * analytics with curriculum alignment, full-mode extraction); a request beyond waits at most {@code
 * observatory.http.busy-wait} for a place, then gets a 429 problem with {@code Retry-After}. The
 * queue is bounded by that wait: no request is held longer, none is dropped silently.
 */
@Component
@EnableConfigurationProperties(HttpSettings.class)
public class ExpensiveReads implements WebMvcConfigurer {
  /** The kinds of expensive read, each with places of its own. */
  public enum Kind {
    SPARQL,
    ANALYTICS,
    FULL_EXTRACTION
  }

  /** Too many expensive reads of one kind are running: try again after {@code retryAfter}. */
  public static final class Busy extends RuntimeException {
    public final Kind kind;
    public final long retryAfterSeconds;

    Busy(Kind kind, int places, long retryAfterSeconds) {
      super(
          places
              + " "
              + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " requests are running, the most this server runs at once"
              + " (observatory.http.max-concurrent); try again in "
              + retryAfterSeconds
              + " s");
      this.kind = kind;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  private static final String HELD = ExpensiveReads.class.getName() + ".held";

  private final Map<Kind, Semaphore> places = new EnumMap<>(Kind.class);
  private final int size;
  private final Duration wait;

  @Autowired
  public ExpensiveReads(HttpSettings http) {
    this(http.maxConcurrent(), http.busyWait());
  }

  ExpensiveReads(int size, Duration wait) {
    if (size < 1) {
      throw new IllegalArgumentException("observatory.http.max-concurrent must be at least 1");
    }
    this.size = size;
    this.wait = wait;
    for (Kind k : Kind.values()) {
      places.put(k, new Semaphore(size, true));
    }
  }

  /** Runs {@code work} in a place of its kind, or throws {@link Busy}. */
  public <T> T run(Kind kind, Supplier<T> work) {
    acquire(kind);
    try {
      return work.get();
    } finally {
      places.get(kind).release();
    }
  }

  private void acquire(Kind kind) {
    boolean got;
    try {
      got = places.get(kind).tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      throw new Busy(kind, size, Math.max(1, wait.toSeconds()));
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(gate(Kind.SPARQL)).addPathPatterns("/sparql");
    // Analytics answers take their place only to be computed (AnalyticsController): one kept in
    // the cache is given without waiting behind the ones being computed.
    registry.addInterceptor(gate(Kind.ANALYTICS)).addPathPatterns("/api/curricula/**");
  }

  private HandlerInterceptor gate(Kind kind) {
    return new HandlerInterceptor() {
      @Override
      public boolean preHandle(
          HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("OPTIONS".equals(request.getMethod())) {
          return true;
        }
        acquire(kind);
        request.setAttribute(HELD, kind);
        return true;
      }

      @Override
      public void afterCompletion(
          HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (request.getAttribute(HELD) == kind) {
          request.removeAttribute(HELD);
          places.get(kind).release();
        }
      }
    };
  }
}
