package eu.skillsobservatory.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's version, negotiated by the {@code API-Version} request header with the paths unchanged
 * (Spring Framework 7's API versioning): a request without it gets the current version, one naming
 * a version this server does not serve gets a 400 problem naming the header, and every answer under
 * {@code /api/} says which version served it.
 */
@Component
public class ApiVersions implements WebMvcConfigurer {
  public static final String HEADER = "API-Version";

  /** The version of the API this build serves. */
  public static final String CURRENT = "1";

  @Override
  public void configureApiVersioning(ApiVersionConfigurer configurer) {
    configurer
        .useRequestHeader(HEADER)
        .setVersionRequired(false)
        .setDefaultVersion(CURRENT)
        .addSupportedVersions(CURRENT);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader(HEADER, CURRENT);
                return true;
              }
            })
        .addPathPatterns("/api/**");
  }
}
