package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.ingest.esco.EscoStore;
import eu.skillsobservatory.ingest.esco.FusekiEscoStore;
import eu.skillsobservatory.ingest.esco.SparqlLimits;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The ESCO store: the embedded TDB2 database under the home folder, or a shared SPARQL server when
 * {@code observatory.esco.store-url} names one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  ObservatorySettings.class,
  EscoSettings.class,
  StoreConfiguration.SparqlSettings.class
})
public class StoreConfiguration {

  @Bean(destroyMethod = "close")
  EscoStore escoStore(ObservatorySettings settings, EscoSettings esco) {
    if (!esco.storeUrl().isBlank()) {
      return new FusekiEscoStore(
          esco.storeUrl(), esco.storeConnectTimeout(), settings.homePath().resolve("scratch"));
    }
    return TdbEscoStore.open(settings.tdb2());
  }

  @Bean
  SkillCatalog skillCatalog(EscoStore store) {
    return store.catalog();
  }

  /**
   * {@code observatory.sparql.*}: the limits every SPARQL query runs within.
   *
   * @param timeout the query stops then (503)
   * @param maxRows rows or triples returned at most (the answer is cut there)
   * @param maxStringLength characters of a string built inside a row (422 past it)
   * @param maxRegexSteps steps of one regular expression match (422 past it)
   * @param maxBytes bytes of an answer (422 past it)
   * @param maxAllocation bytes the query may allocate (422 past it)
   */
  @ConfigurationProperties("observatory.sparql")
  public record SparqlSettings(
      @DefaultValue("10s") Duration timeout,
      @DefaultValue("10000") long maxRows,
      @DefaultValue("1000000") int maxStringLength,
      @DefaultValue("10000000") long maxRegexSteps,
      @DefaultValue("32MB") DataSize maxBytes,
      @DefaultValue("32GB") DataSize maxAllocation) {}

  @Bean
  SparqlQueries sparqlQueries(EscoStore store, SparqlSettings s) {
    return store.sparql(
        new SparqlLimits(
            s.timeout(),
            s.maxRows(),
            s.maxStringLength(),
            s.maxRegexSteps(),
            s.maxBytes().toBytes(),
            s.maxAllocation().toBytes()));
  }
}
