package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.extract.Benchmarks;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.ingest.extract.BenchmarkFile;
import eu.skillsobservatory.ingest.extract.LuceneWordForms;
import eu.skillsobservatory.ingest.extract.OnnxTextEmbedder;
import eu.skillsobservatory.ingest.extract.SkillVectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Skill extraction's adapters: Lucene's stemmers and stop words, the in-process embedding model
 * (made only when full mode is first asked for), the label vectors kept under {@code HOME/vectors},
 * and the benchmark file reader.
 */
@Configuration(proxyBeanMethods = false)
public class ExtractionConfiguration {

  @Bean
  WordForms wordForms() {
    return new LuceneWordForms();
  }

  /** The embedding model, on every core; closed with the application when it was made. */
  @Bean(destroyMethod = "close")
  @Lazy
  OnnxTextEmbedder textEmbedder() {
    return new OnnxTextEmbedder(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  @Bean
  SkillVectorCache skillVectorCache(ObservatorySettings settings) {
    return SkillVectors.cache(settings.homePath().resolve("vectors"));
  }

  @Bean
  Benchmarks benchmarks() {
    return BenchmarkFile.reader();
  }
}
