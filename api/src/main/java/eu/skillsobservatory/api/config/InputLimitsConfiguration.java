package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.ingest.offer.OfferFiles;
import eu.skillsobservatory.ingest.rows.RowFiles;
import eu.skillsobservatory.ingest.vacancy.VacancyFiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What one input file of vacancies or offers may hold, from the CLI or an upload: characters in a
 * line and in a CSV row, and bytes once decompressed (absolute, and as a ratio of the compressed
 * bytes). A file past a limit stops there with its name and line. The readers of vacancy and offer
 * rows are made with these limits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputLimitsConfiguration.InputLimits.class)
public class InputLimitsConfiguration {

  /**
   * {@code observatory.ingest.*}: the limits of one input.
   *
   * @param maxLine characters in one line
   * @param maxRow characters in one CSV row (a quoted value may span lines)
   * @param maxDecompressed bytes of a gzipped input once inflated
   * @param maxCompressionRatio inflated bytes per compressed byte
   */
  @ConfigurationProperties("observatory.ingest")
  public record InputLimits(
      @DefaultValue("16777216") long maxLine,
      @DefaultValue("16777216") long maxRow,
      @DefaultValue("64GB") DataSize maxDecompressed,
      @DefaultValue("200") long maxCompressionRatio) {
    RowFiles.Limits limits() {
      return new RowFiles.Limits(maxLine, maxRow, maxDecompressed.toBytes(), maxCompressionRatio);
    }
  }

  @Bean
  RowReader<Vacancy> vacancyRows(InputLimits limits) {
    return VacancyFiles.reader(limits.limits());
  }

  @Bean
  RowReader<Offer> offerRows(InputLimits limits) {
    return OfferFiles.reader(limits.limits());
  }
}
