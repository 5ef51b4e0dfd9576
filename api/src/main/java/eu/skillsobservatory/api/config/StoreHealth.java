package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.config.SearchConfiguration.SearchNode;
import eu.skillsobservatory.ingest.esco.EscoStore;
import eu.skillsobservatory.ingest.search.EscoSearchIndex;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of each store on its own: TDB2 and Elasticsearch can fail independently. */
@Configuration(proxyBeanMethods = false)
public class StoreHealth {

  @Bean
  HealthIndicator escoStoreHealthIndicator(EscoStore store) {
    return () -> {
      try {
        List<VersionSummary> versions = store.catalog().versions();
        return Health.up()
            .withDetail("location", store.location())
            .withDetail("escoVersions", versions.stream().map(v -> v.version().value()).toList())
            .build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  @Bean
  HealthIndicator elasticsearch(
      ObjectProvider<SearchNode> node, ObjectProvider<EscoSearchIndex> index, SearchSettings s) {
    return () -> {
      try {
        var version = index.getObject().ping();
        Health.Builder b = version.isPresent() ? Health.up() : Health.down();
        version.ifPresent(v -> b.withDetail("version", v));
        return b.withDetail("mode", s.embedded() ? "embedded" : "external")
            .withDetail("url", node.getObject().connection().nodes())
            .withDetail("escoIndexed", version.isPresent() && index.getObject().isIndexed())
            .build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
  }
}
