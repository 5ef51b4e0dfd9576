package eu.skillsobservatory.api.web;

import eu.skillsobservatory.analytics.cache.DataVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Conditional reads of ESCO and analytics answers: each GET is given a weak {@code ETag} made of
 * the data version ({@link DataVersion}: the stores' data and the ESCO versions loaded) and the
 * request (path, query, {@code Accept}, {@code Accept-Language}), with {@code Cache-Control:
 * no-cache} (ESCO answers {@code public} too): a client that sends the tag back in {@code
 * If-None-Match} gets a 304 without the answer being computed, until any instance changes the data.
 * Where the version cannot be read (the search store down), answers go out without a tag.
 */
@Component
@ControllerAdvice
public class ConditionalReads implements WebMvcConfigurer, ResponseBodyAdvice<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalReads.class);
  private static final String TAG = ConditionalReads.class.getName() + ".etag";

  private final ObjectProvider<DataVersion> version;
  private final ObjectProvider<SkillCatalog> catalog;

  public ConditionalReads(
      ObjectProvider<DataVersion> version, ObjectProvider<SkillCatalog> catalog) {
    this.version = version;
    this.catalog = catalog;
  }

  /**
   * The version an answer depends on: ESCO's own pages (versions, concepts, diff) on the ESCO
   * versions loaded only, so they are tagged without the search store; searches and analytics on
   * the whole data version.
   */
  private String token(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean searched = path.startsWith("/api/esco/search") || path.startsWith("/api/esco/suggest");
    if (path.startsWith("/api/esco/") && !searched) {
      SkillCatalog c = catalog.getIfAvailable();
      return c == null ? null : "esco " + c.versions().hashCode();
    }
    DataVersion v = version.getIfAvailable();
    return v == null ? null : v.current();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                return check(request, response);
              }
            })
        .addPathPatterns("/api/esco/**", "/api/analytics/**");
  }

  boolean check(HttpServletRequest request, HttpServletResponse response) {
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      return true;
    }
    String token;
    try {
      token = token(request);
    } catch (RuntimeException e) {
      LOG.debug("No ETag for {}: {}", request.getRequestURI(), e.getMessage());
      return true;
    }
    if (token == null) {
      return true;
    }
    String etag =
        "W/\""
            + digest(
                token,
                request.getRequestURI(),
                request.getQueryString(),
                request.getHeader("Accept"),
                request.getHeader("Accept-Language"))
            + "\"";
    String asked = request.getHeader("If-None-Match");
    if (asked != null && matches(asked, etag)) {
      response.setHeader("ETag", etag);
      response.setHeader("Cache-Control", cacheControl(request));
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return false;
    }
    request.setAttribute(TAG, etag);
    return true;
  }

  private static String cacheControl(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/esco/") ? "public, no-cache" : "no-cache";
  }

  /** Whether an {@code If-None-Match} list names the tag (weak comparison; {@code *} any). */
  static boolean matches(String ifNoneMatch, String etag) {
    String opaque = etag.substring(2);
    for (String t : ifNoneMatch.split(",")) {
      String s = t.strip();
      if (s.equals("*") || s.equals(etag) || s.equals(opaque) || s.equals("W/" + opaque)) {
        return true;
      }
    }
    return false;
  }

  static String digest(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  /** The tag goes on a successful answer only, never on a problem. */
  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (response instanceof ServletServerHttpResponse servlet
        && request instanceof ServletServerHttpRequest servletRequest) {
      Object etag = servletRequest.getServletRequest().getAttribute(TAG);
      int status = servlet.getServletResponse().getStatus();
      if (etag != null && status >= 200 && status < 300) {
        response.getHeaders().set("ETag", etag.toString());
        response.getHeaders().setCacheControl(cacheControl(servletRequest.getServletRequest()));
      }
    }
    return body;
  }
}
