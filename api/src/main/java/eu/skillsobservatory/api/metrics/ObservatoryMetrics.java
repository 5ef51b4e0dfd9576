package eu.skillsobservatory.api.metrics;

import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The product's own Micrometer meters, served at {@code /actuator/metrics/NAME}:
 *
 * <ul>
 *   <li>{@code observatory.ingest.rows} (counter; tags {@code kind} vacancies or offers, {@code
 *       outcome} accepted or rejected): rows as they are read, so its rate is the ingest rate;
 *   <li>{@code observatory.ingest.loads} (timer; tags {@code kind}, {@code outcome} succeeded or
 *       failed): whole loads;
 *   <li>{@code observatory.extraction} (timer; tags {@code purpose} vacancy, offer or request,
 *       {@code mode} fast or full): one text's skill extraction, so its count rate is the
 *       extraction rate and its mean the time per text.
 * </ul>
 */
@Component
public class ObservatoryMetrics {
  private final MeterRegistry registry;

  public ObservatoryMetrics(ObjectProvider<MeterRegistry> registry) {
    // The command line runs without actuator's registry; its meters then go nowhere.
    this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
  }

  /** The counter of rows of one kind and outcome; keep it, it is counted per row. */
  public Counter rows(String kind, String outcome) {
    return Counter.builder("observatory.ingest.rows")
        .description("Rows read by loads, by kind and outcome")
        .baseUnit("rows")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Runs one whole load and records its time and whether it succeeded. */
  public <T> T load(String kind, Supplier<T> load) {
    long start = System.nanoTime();
    boolean succeeded = false;
    try {
      T report = load.get();
      succeeded = true;
      return report;
    } finally {
      Timer.builder("observatory.ingest.loads")
          .description("Whole loads of vacancies or training offers")
          .tag("kind", kind)
          .tag("outcome", succeeded ? "succeeded" : "failed")
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** The timer of one purpose and mode; keep it, it is used per text. */
  public Timer extraction(String purpose, ExtractionMode mode) {
    return Timer.builder("observatory.extraction")
        .description("Skill extraction of one text")
        .tag("purpose", purpose)
        .tag("mode", mode.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  /** Runs one extraction and records its time. */
  public Extraction extract(String purpose, ExtractionMode mode, Supplier<Extraction> work) {
    return extraction(purpose, mode).record(work);
  }
}
