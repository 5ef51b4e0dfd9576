package eu.skillsobservatory.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Content negotiation for tabular answers: {@code format=csv} or {@code format=json} in the query
 * wins, else the Accept header (q-values honoured); an endpoint that produces {@code text/csv} and
 * is asked another {@code format} answers 400 naming it. Endpoints with a {@code format} of their
 * own (SPARQL's result formats) set their content type themselves and are not checked.
 */
@Component
public class TabularFormats implements WebMvcConfigurer {
  static final String PARAMETER = "format";

  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    configurer.strategies(List.of(new FormatParameter(), new HeaderContentNegotiationStrategy()));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new FormatCheck());
  }

  /** {@code format=csv|json}, when given; any other value is left to {@link FormatCheck}. */
  static final class FormatParameter implements ContentNegotiationStrategy {
    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
      String format = request.getParameter(PARAMETER);
      if (format != null) {
        switch (format.strip().toLowerCase(Locale.ROOT)) {
          case "csv" -> {
            return List.of(Formats.TEXT_CSV);
          }
          case "json" -> {
            return List.of(MediaType.APPLICATION_JSON);
          }
          default -> {}
        }
      }
      return MEDIA_TYPE_ALL_LIST;
    }
  }

  /** Refuses {@code format=xml} and the like on endpoints whose formats are JSON and CSV. */
  static final class FormatCheck implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      String format = request.getParameter(PARAMETER);
      if (format == null || format.isBlank() || !(handler instanceof HandlerMethod)) {
        return true;
      }
      Object produces =
          request.getAttribute(RequestMappingHandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
      boolean tabular =
          produces instanceof Set<?> types
              && types.stream().anyMatch(t -> Formats.TEXT_CSV.isCompatibleWith((MediaType) t));
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (tabular && !Arrays.asList("csv", "json").contains(f)) {
        throw new IllegalArgumentException("format: json or csv, not '" + format + "'");
      }
      return true;
    }
  }
}
