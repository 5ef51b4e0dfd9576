package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.ingest.esco.TdbEscoStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded stores under the home folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ObservatorySettings.class, EscoSettings.class})
public class StoreConfiguration {

  @Bean(destroyMethod = "close")
  TdbEscoStore escoStore(ObservatorySettings settings) {
    return TdbEscoStore.open(settings.tdb2());
  }

  @Bean
  SkillCatalog skillCatalog(TdbEscoStore store) {
    return store.catalog();
  }
}
