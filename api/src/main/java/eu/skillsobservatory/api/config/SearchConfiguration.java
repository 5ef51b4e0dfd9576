package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.cache.DataVersion;
import eu.skillsobservatory.analytics.demand.DemandCounts;
import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.employment.EmploymentTables;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.jobs.JobRecords;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.demand.DemandStore;
import eu.skillsobservatory.ingest.esco.EscoWebService;
import eu.skillsobservatory.ingest.jobs.JobStores;
import eu.skillsobservatory.ingest.offer.OfferStore;
import eu.skillsobservatory.ingest.search.EmbeddedElasticsearch;
import eu.skillsobservatory.ingest.search.EscoSearchIndex;
import eu.skillsobservatory.ingest.search.SearchConnection;
import eu.skillsobservatory.ingest.statistics.EmploymentStore;
import eu.skillsobservatory.ingest.vacancy.VacancyStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Elasticsearch, embedded or external. The beans are lazy: a command that never searches (such as
 * {@code esco show}) never starts a node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SearchSettings.class, RemoteSettings.class})
public class SearchConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SearchConfiguration.class);

  /** The node this process runs, if it runs one, and the connection to whichever node it uses. */
  public static final class SearchNode implements AutoCloseable {
    private final EmbeddedElasticsearch embedded;
    private final SearchConnection connection;

    SearchNode(EmbeddedElasticsearch embedded, SearchConnection connection) {
      this.embedded = embedded;
      this.connection = connection;
    }

    public SearchConnection connection() {
      return connection;
    }

    @Override
    public void close() {
      connection.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  @Lazy
  SearchNode searchNode(SearchSettings search, ObservatorySettings home) {
    if (search.embedded()) {
      LOG.info("Starting the embedded Elasticsearch node in {}", home.homePath().resolve("es"));
      EmbeddedElasticsearch node =
          EmbeddedElasticsearch.start(home.homePath().resolve("es"), search.embeddedPort());
      LOG.info("Embedded Elasticsearch answers on {}", node.url());
      return new SearchNode(node, SearchConnection.connect(options(search, node.url())));
    }
    LOG.info("Using the Elasticsearch cluster at {}", search.url());
    return new SearchNode(null, SearchConnection.connect(options(search, search.url())));
  }

  private static SearchConnection.Options options(SearchSettings search, String url) {
    List<URI> uris = new ArrayList<>();
    for (String one : url.split(",")) {
      if (one.isBlank()) {
        continue;
      }
      try {
        uris.add(URI.create(one.strip()));
      } catch (IllegalArgumentException e) {
        throw new SearchStoreException(
            "observatory.elasticsearch.url is not a URL or a comma-separated list of URLs: '"
                + url
                + "' ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    return new SearchConnection.Options(
        uris,
        optional(search.apiKey()),
        optional(search.username()),
        optional(search.password()),
        optional(search.caCertificate()).map(Path::of),
        search.connectTimeout(),
        search.requestTimeout(),
        search.retries(),
        search.vacancyShards());
  }

  @Bean
  @Lazy
  EscoSearchIndex escoSearchIndex(SearchNode node, WordForms wordForms) {
    return new EscoSearchIndex(node.connection(), wordForms);
  }

  @Bean
  @Lazy
  JobRecords jobRecords(SearchNode node) {
    return JobStores.records(node.connection());
  }

  @Bean
  @Lazy
  VacancyStore vacancyStore(SearchNode node) {
    return VacancyStores.vacancies(node.connection());
  }

  @Bean
  @Lazy
  TrainingOffers trainingOffers(SearchNode node) {
    return OfferStore.offers(node.connection());
  }

  @Bean
  @Lazy
  Datasets datasets(SearchNode node) {
    return VacancyStores.datasets(node.connection());
  }

  @Bean
  @Lazy
  EmploymentFigures employmentFigures(SearchNode node) {
    return EmploymentStore.figures(node.connection());
  }

  @Bean
  EmploymentTables employmentTables(RemoteSettings remote) {
    return EmploymentStore.tables(URI.create(remote.eurostat().url()), remote.eurostat().http());
  }

  /**
   * The version analytics answers are kept under: the data of the stores (shared by every instance
   * of the cluster) and the ESCO versions loaded, with when each was loaded.
   */
  @Bean
  @Lazy
  DataVersion dataVersion(SearchNode node, SkillCatalog catalog) {
    DataVersion stored = node.connection().dataVersion();
    return () -> {
      // Read once per HTTP request: its ETag and its cached answer are of the same data, and the
      // store is asked once instead of twice.
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request != null
          && request.getAttribute(DATA_VERSION, RequestAttributes.SCOPE_REQUEST)
              instanceof String v) {
        return v;
      }
      String v = stored.current() + "|" + catalog.versions().hashCode();
      if (request != null) {
        request.setAttribute(DATA_VERSION, v, RequestAttributes.SCOPE_REQUEST);
      }
      return v;
    };
  }

  private static final String DATA_VERSION = SearchConfiguration.class.getName() + ".dataVersion";

  @Bean
  @Lazy
  DemandCounts demandCounts(SearchNode node) {
    return DemandStore.counts(node.connection());
  }

  /** The ESCO web-service fallback, made only when switched on. */
  @Bean
  @ConditionalOnProperty(name = "observatory.esco-api.enabled", havingValue = "true")
  EscoWebService escoWebService(RemoteSettings remote) {
    RemoteSettings.EscoApi api = remote.escoApi();
    LOG.info("Concepts unknown to the local ESCO versions are looked up at {}", api.url());
    return new EscoWebService(
        URI.create(api.url()), api.selectedVersion(), api.http(), api.cacheSize());
  }

  private static Optional<String> optional(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
