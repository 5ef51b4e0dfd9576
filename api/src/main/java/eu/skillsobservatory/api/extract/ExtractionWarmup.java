package eu.skillsobservatory.api.extract;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is up, prepares full-mode extraction of the current ESCO version in the
 * background: the label matcher, the model and the label vectors (computed once per version, about
 * 90 s for v1.1.1, then read from the home in a second). A request that comes earlier waits for it
 * rather than computing them twice.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(
    name = "observatory.extraction.warm-up",
    havingValue = "true",
    matchIfMissing = true)
public class ExtractionWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractionWarmup.class);

  private final ExtractionService extraction;
  private final SkillCatalog catalog;

  public ExtractionWarmup(ExtractionService extraction, SkillCatalog catalog) {
    this.extraction = extraction;
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
                extraction.extractor(Optional.empty(), true, ConsoleProgress.forStderr());
                LOG.info(
                    "Skill extraction ready (full mode) in {} s",
                    (System.nanoTime() - start) / 1_000_000_000);
              } catch (RuntimeException e) {
                LOG.warn("Skill extraction could not be prepared: {}", e.getMessage());
              }
            },
            "extraction-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
