package eu.skillsobservatory.api.web;

import eu.skillsobservatory.api.config.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every write needs an API key, sent as {@code X-API-Key} (or {@code Authorization: ApiKey KEY}).
 * Keys are configured hashed ({@code observatory.security.api-keys=NAME:SHA256HEX,...}), compared
 * in constant time, and revoked by name ({@code observatory.security.revoked-keys=NAME,...}). With
 * no key configured, writes are refused, not allowed. Reads are open unless {@code
 * observatory.security.open-reads=false}. A write is any request that is not GET, HEAD or OPTIONS,
 * except the POSTs that only compute an answer (extraction, analytics, curriculum alignment, SPARQL
 * queries). The list of jobs needs a key even when reads are open; a key sent with an open read is
 * checked too, and then makes the request authorized (health details, a failed job's reason).
 */
@Component
@EnableConfigurationProperties(SecuritySettings.class)
public class ApiKeyFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

  /** The request attribute that holds the name of the key a request was sent with, once checked. */
  public static final String KEY_NAME = "observatory.apiKey";

  /** Reads that need a key even when reads are open: they tell about other users' work. */
  static final List<String> KEYED_READS = List.of("/api/jobs", "/api/jobs/");

  /** POSTs that change nothing. */
  static final List<String> READ_ONLY_POSTS =
      List.of("/api/extract", "/api/analytics/", "/api/curricula/", "/sparql");

  private final Map<String, byte[]> keys = new LinkedHashMap<>();
  private final Set<String> revoked;
  private final boolean openReads;

  @Autowired
  public ApiKeyFilter(SecuritySettings security) {
    this(security.apiKeys(), security.revokedKeys(), security.openReads());
  }

  ApiKeyFilter(List<String> configured, Set<String> revoked, boolean openReads) {
    for (String entry : configured) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String hash = colon < 0 ? "" : entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (colon <= 0 || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "observatory.security.api-keys: each entry is NAME:SHA256HEX (64 hex digits), not '"
                + entry.strip()
                + "'; 'api-key new NAME' makes one");
      }
      keys.put(entry.substring(0, colon).strip(), HexFormat.of().parseHex(hash));
    }
    this.revoked = revoked.stream().map(String::strip).collect(Collectors.toSet());
    this.openReads = openReads;
  }

  /** The SHA-256 of a key, as configured. */
  public static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean isWrite(HttpServletRequest r) {
    return isWrite(r.getMethod(), r.getRequestURI());
  }

  /** Whether a request by this method to this path changes data, and so always needs a key. */
  public static boolean isWrite(String method, String path) {
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return false;
    }
    return !(method.equals("POST") && READ_ONLY_POSTS.stream().anyMatch(path::startsWith));
  }

  /**
   * Whether a request needs a key on a server with open reads: writes, and the reads that list
   * other users' work.
   */
  public static boolean needsKey(String method, String path) {
    return isWrite(method, path) || KEYED_READS.contains(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean write = isWrite(request);
    boolean needed = !openReads || needsKey(request.getMethod(), request.getRequestURI());
    String key = request.getHeader("X-API-Key");
    String auth = request.getHeader("Authorization");
    if (key == null && auth != null && auth.regionMatches(true, 0, "ApiKey ", 0, 7)) {
      key = auth.substring(7).strip();
    }
    if (!needed && (key == null || keys.isEmpty())) {
      // An open read; a key sent with it is checked, so that it can see what needs one.
      chain.doFilter(request, response);
      return;
    }
    if (keys.isEmpty()) {
      refuse(
          response,
          403,
          "writes-disabled",
          "Writes are disabled",
          "no API key is configured on this server (observatory.security.api-keys), so every"
              + (write ? " write is refused" : " request that needs a key is refused"));
      return;
    }
    if (key == null || key.isBlank()) {
      response.setHeader("WWW-Authenticate", "ApiKey");
      refuse(
          response,
          401,
          "unauthorized",
          "API key required",
          (write
                  ? "this request changes data"
                  : openReads ? "this read needs a key" : "reads are not open on this server")
              + ": send an API key in the X-API-Key header");
      return;
    }
    byte[] given = HexFormat.of().parseHex(hash(key));
    String matched = null;
    for (Map.Entry<String, byte[]> e : keys.entrySet()) {
      // Every configured key is compared, each in constant time.
      if (MessageDigest.isEqual(given, e.getValue()) && matched == null) {
        matched = e.getKey();
      }
    }
    if (matched == null) {
      refuse(response, 403, "forbidden", "API key not accepted", "the API key is not accepted");
      return;
    }
    if (revoked.contains(matched)) {
      LOG.warn(
          "A revoked API key ({}) was used for {} {}",
          matched,
          request.getMethod(),
          request.getRequestURI());
      refuse(response, 403, "key-revoked", "API key revoked", "the API key was revoked");
      return;
    }
    request.setAttribute(KEY_NAME, matched);
    if (write) {
      LOG.info("{} {} with API key '{}'", request.getMethod(), request.getRequestURI(), matched);
    }
    chain.doFilter(new WithKey(request, matched), response);
  }

  /**
   * A request whose key was accepted: its principal is the key's name, so that what Spring shows
   * only to an authorized reader (the health details) shows to it.
   */
  static final class WithKey extends HttpServletRequestWrapper {
    private final Principal principal;

    WithKey(HttpServletRequest request, String name) {
      super(request);
      this.principal = () -> name;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return true;
    }

    @Override
    public String getRemoteUser() {
      return principal.getName();
    }
  }

  private static void refuse(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", ProblemAdvice.TYPE_PREFIX + type);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    List<String> parts = new ArrayList<>();
    p.forEach(
        (k, v) ->
            parts.add(
                "\"" + k + "\":" + (v instanceof Integer ? v.toString() : quote(v.toString()))));
    response.getWriter().write("{" + String.join(",", parts) + "}");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
