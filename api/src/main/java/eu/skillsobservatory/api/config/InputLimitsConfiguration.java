package eu.skillsobservatory.api.config;

import eu.skillsobservatory.ingest.rows.RowFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What one input file of vacancies or offers may hold, from the CLI or an upload: characters in a
 * line and in a CSV row, and bytes once decompressed (absolute, and as a ratio of the compressed
 * bytes). A file past a limit stops there with its name and line.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimitsConfiguration {
  @Bean
  RowFiles.Limits inputLimits(
      @Value("${observatory.ingest.max-line:16777216}") long maxLine,
      @Value("${observatory.ingest.max-row:16777216}") long maxRow,
      @Value("${observatory.ingest.max-decompressed:64GB}") DataSize maxDecompressed,
      @Value("${observatory.ingest.max-compression-ratio:200}") long maxRatio) {
    return new RowFiles.Limits(maxLine, maxRow, maxDecompressed.toBytes(), maxRatio);
  }
}
