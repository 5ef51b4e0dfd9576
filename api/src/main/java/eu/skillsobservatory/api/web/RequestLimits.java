package eu.skillsobservatory.api.web;

import eu.skillsobservatory.api.config.HttpSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits on request bodies: uploads ({@code POST /api/vacancies}, {@code POST /api/offers}) at most
 * {@code observatory.http.max-upload} (1 GB), any other body at most {@code
 * observatory.http.max-request} (10 MB). A body announced larger is refused before it is read; a
 * streamed body that grows past the limit stops the read, and the ingest reports the input as cut
 * short. CORS for dashboards on other origins: {@code observatory.http.cors-origins}. It runs first
 * of all filters, so that no filter reads a body before its limit applies.
 */
@Component
@EnableConfigurationProperties(HttpSettings.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimits extends OncePerRequestFilter implements WebMvcConfigurer {
  static final List<String> UPLOADS =
      List.of("/api/vacancies", "/api/offers", "/api/esco/versions");

  private final long maxUpload;
  private final long maxRequest;
  private final List<String> corsOrigins;

  public RequestLimits(HttpSettings http) {
    this.maxUpload = http.maxUpload().toBytes();
    this.maxRequest = http.maxRequest().toBytes();
    this.corsOrigins =
        http.corsOrigins().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    if (corsOrigins.isEmpty()) {
      return;
    }
    for (String path : List.of("/api/**", "/sparql")) {
      registry
          .addMapping(path)
          .allowedOrigins(corsOrigins.toArray(String[]::new))
          .allowedMethods("GET", "POST", "OPTIONS")
          .allowedHeaders("Content-Type", "Accept", "Accept-Language", "X-API-Key", "Authorization")
          .maxAge(3600);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String m = request.getMethod().toUpperCase(Locale.ROOT);
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    boolean upload = UPLOADS.stream().anyMatch(request.getRequestURI()::startsWith);
    long limit = upload ? maxUpload : maxRequest;
    long announced = request.getContentLengthLong();
    if (announced > limit) {
      response.setStatus(413);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\""
                  + ProblemAdvice.TYPE_PREFIX
                  + "payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
                  + "\"detail\":\"the body has "
                  + announced
                  + " bytes, more than the "
                  + limit
                  + " accepted here ("
                  + (upload ? "observatory.http.max-upload" : "observatory.http.max-request")
                  + ")\"}");
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** A body that grew past its limit while it was read: a 413. */
  public static final class BodyTooLarge extends IOException {
    BodyTooLarge(String message) {
      super(message);
    }
  }

  /** A request whose body stops with an error past the limit. */
  static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream in;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        ServletInputStream raw = super.getInputStream();
        in =
            new ServletInputStream() {
              long read;

              private void count(long n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new BodyTooLarge(
                      "the body grew past the " + limit + " bytes accepted here; stopped");
                }
              }

              @Override
              public int read() throws IOException {
                int b = raw.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = raw.read(b, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return raw.isFinished();
              }

              @Override
              public boolean isReady() {
                return raw.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                raw.setReadListener(listener);
              }
            };
      }
      return in;
    }
  }
}
