package eu.skillsobservatory.api.web;

import eu.skillsobservatory.analytics.demand.DemandLevel;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.match.BudgetOn;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The modes and levels of the API as query parameters, in any case ({@code groupBy=country}), each
 * through its own {@code parse}, whose refusal names the parameter and the choices.
 */
@Component
public class RequestEnums implements WebMvcConfigurer {
  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, GroupBy.class, GroupBy::parse);
    registry.addConverter(String.class, DemandLevel.class, DemandLevel::parse);
    registry.addConverter(String.class, BudgetOn.class, BudgetOn::parse);
    registry.addConverter(String.class, ExtractionMode.class, ExtractionMode::parse);
  }
}
