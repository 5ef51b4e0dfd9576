package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.ingest.esco.EscoStore;
import eu.skillsobservatory.ingest.esco.FusekiEscoStore;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ESCO store: the embedded TDB2 database under the home folder, or a shared SPARQL server when
 * {@code observatory.esco.store-url} names one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ObservatorySettings.class, EscoSettings.class})
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
}
