package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is up, reads in the background what the analytics need of the current ESCO
 * version (skill labels, collections, skill groups) and asks one count over all the vacancies held,
 * so that the first demand or emerging request does not pay for it.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(
    name = "observatory.analytics.warm-up",
    havingValue = "true",
    matchIfMissing = true)
public class AnalyticsWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsWarmup.class);

  private final DemandReport demand;
  private final EmergingReport emerging;
  private final SkillCatalog catalog;

  public AnalyticsWarmup(DemandReport demand, EmergingReport emerging, SkillCatalog catalog) {
    this.demand = demand;
    this.emerging = emerging;
    this.catalog = catalog;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    if (catalog.currentVersion().isEmpty()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                long start = System.nanoTime();
                demand.label("");
                // The first count over the vacancies builds the index's lookup tables of skills,
                // employers and facets (about 8 s at 10,000,000 vacancies): paid here, not by the
                // first question (a demand answer from the kept counts builds none of them).
                demand.warmUp();
                demand.demand(Slice.ALL, Optional.empty(), 1);
                // The first emerging answer reads and prepares more (about 1.2 s at 10,000,000
                // vacancies): paid here on all the data.
                emerging.emerging(Slice.ALL, Emerging.Settings.DEFAULTS, 1);
                LOG.info("Analytics ready in {} ms", (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                LOG.warn("Analytics could not be prepared: {}", e.getMessage());
              }
            },
            "analytics-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
