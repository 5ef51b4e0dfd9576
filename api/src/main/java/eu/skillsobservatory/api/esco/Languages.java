package eu.skillsobservatory.api.esco;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The label language of a request: {@code lang}, else {@code Accept-Language}, else the default.
 */
final class Languages {
  private Languages() {}

  static String of(String lang, HttpServletRequest request, String fallback) {
    if (lang != null && !lang.isBlank()) {
      return lang.trim().toLowerCase(Locale.ROOT);
    }
    String header = request.getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      Locale first = request.getLocale();
      if (first != null && !first.getLanguage().isEmpty()) {
        return first.getLanguage();
      }
    }
    return fallback;
  }
}
