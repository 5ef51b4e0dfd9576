package eu.skillsobservatory.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document at {@code /v3/api-docs} says about the API as a whole. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
  @Bean
  OpenAPI observatoryApi() {
    String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("Skills Observatory API")
                .version(version == null ? "development build" : version)
                .description(
                    "Skill demand, emerging skills, gaps against training offers and the offers"
                        + " that close them, all linked to ESCO (identified by ESCO URIs). Errors"
                        + " are RFC 9457 problem details with a stable type. Writes need an API"
                        + " key in the X-API-Key header. This service uses the ESCO"
                        + " classification of the European Commission.")
                .license(new License().name("See the repository's LICENSE")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")));
  }
}
