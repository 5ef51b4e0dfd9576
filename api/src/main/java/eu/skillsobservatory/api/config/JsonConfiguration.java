package eu.skillsobservatory.api.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.match.BudgetOn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How domain records look in JSON. The core knows nothing of Jackson, so the few value types that
 * read better as a plain string get it here: an ESCO version is {@code "v1.1.1"}, a concept type is
 * {@code "skill"}.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

  @Bean
  JacksonModule observatoryJsonModule() {
    return module();
  }

  /** The module, for mappers built outside Spring. */
  public static SimpleModule module() {
    SimpleModule m = new SimpleModule("observatory");
    m.setMixInAnnotation(EscoVersion.class, EscoVersionJson.class);
    m.setMixInAnnotation(ConceptType.class, ConceptTypeJson.class);
    m.setMixInAnnotation(ExtractionMode.class, ExtractionModeJson.class);
    m.setMixInAnnotation(BudgetOn.class, BudgetOnJson.class);
    return m;
  }

  /** A mapper for the command line: same shapes as the REST API, indented. */
  public static JsonMapper cliMapper() {
    return JsonMapper.builder()
        .addModule(module())
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  /** A mapper for JSON Lines output: one object per line, nothing indented. */
  public static JsonMapper lineMapper() {
    return JsonMapper.builder().addModule(module()).build();
  }

  abstract static class EscoVersionJson {
    @JsonValue
    abstract String value();
  }

  /** {@code "fast"} or {@code "full"} in a request body, in any case. */
  abstract static class ExtractionModeJson {
    @JsonCreator
    static ExtractionMode parse(String s) {
      return ExtractionMode.parse(s);
    }
  }

  /** {@code "cost"} or {@code "hours"} in a request body, in any case. */
  abstract static class BudgetOnJson {
    @JsonCreator
    static BudgetOn parse(String s) {
      return BudgetOn.parse(s);
    }
  }

  abstract static class ConceptTypeJson {
    @JsonValue
    abstract String label();
  }
}
