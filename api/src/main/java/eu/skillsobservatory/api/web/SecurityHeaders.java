package eu.skillsobservatory.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers. Every response is marked {@code nosniff} and sends no referrer; the dashboard
 * page and its files also get a content security policy that lets them load scripts, styles and
 * data only from this server (no inline script, no third-party origin, no framing). Swagger UI
 * keeps springdoc's own page, which needs inline code, so the policy is limited to the dashboard.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {
  static final String DASHBOARD_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  static boolean isDashboard(String path) {
    return path.equals("/")
        || path.equals("/index.html")
        || path.startsWith("/dashboard/")
        || path.startsWith("/webjars/chart.js/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (isDashboard(request.getRequestURI())) {
      response.setHeader("Content-Security-Policy", DASHBOARD_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
      response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
    chain.doFilter(request, response);
  }
}
