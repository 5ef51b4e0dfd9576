package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.extract.Benchmarks;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.ingest.extract.BenchmarkFile;
import eu.skillsobservatory.ingest.extract.EnsembleTextEmbedder;
import eu.skillsobservatory.ingest.extract.LuceneWordForms;
import eu.skillsobservatory.ingest.extract.OnnxTextEmbedder;
import eu.skillsobservatory.ingest.extract.SkillVectors;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The embedding model(s) of {@code observatory.extraction.model}; closed with the application
   * when made. One thread per model session: callers run in parallel (requests, ingest workers, the
   * label vectors' chunks), and a session's own threads would only compete with them.
   */
  @Bean(destroyMethod = "close")
  @Lazy
  EnsembleTextEmbedder textEmbedder(RequestSettings.Extraction settings) {
    List<OnnxTextEmbedder> models = new ArrayList<>();
    try {
      for (String name : settings.model().split("\\+")) {
        models.add(new OnnxTextEmbedder(OnnxTextEmbedder.Model.of(name.strip()), 1));
      }
    } catch (RuntimeException e) {
      models.forEach(OnnxTextEmbedder::close);
      throw new IllegalArgumentException("observatory.extraction.model: " + e.getMessage(), e);
    }
    return new EnsembleTextEmbedder(models);
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
