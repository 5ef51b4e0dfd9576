package eu.skillsobservatory.api.offer;

import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.cli.ConsoleProgress;
import eu.skillsobservatory.api.config.SampleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the first start of a server whose offers index is empty, loads the training offers shipped in
 * {@code data/offers/}: the synthetic catalogue made by {@code generate offers} and the European
 * Learning Model samples, so that gaps and matching have a supply side from the first run.
 */
@Component
public class SampleOffers {
  private static final Logger LOG = LoggerFactory.getLogger(SampleOffers.class);

  private final OfferService offers;
  private final List<Path> samples;
  private final boolean enabled;

  public SampleOffers(OfferService offers, SampleSettings.Offers settings) {
    this.offers = offers;
    this.samples = settings.samplePaths();
    this.enabled = settings.loadSampleOnFirstStart();
  }

  /** Loads the samples when enabled, present, and no offer is held. */
  public void loadIfEmpty() {
    if (!enabled) {
      return;
    }
    List<Path> files = files();
    if (files.isEmpty()) {
      return;
    }
    try {
      if (offers.stats().offers() > 0) {
        return;
      }
      LOG.info("First start: loading the sample training offers from {}", files);
      var report =
          offers.ingest(files, ExtractionMode.FAST, Optional.empty(), ConsoleProgress.forStderr());
      LOG.info(
          "Sample training offers loaded: {} written, {} rejected",
          report.written(),
          report.rejected());
    } catch (RuntimeException e) {
      LOG.error("The sample training offers could not be loaded: {}", e.getMessage());
    }
  }

  /** The sample files: each file named, and the JSON-LD files of each folder named. */
  private List<Path> files() {
    return expand(samples);
  }

  /** Each file named, and the JSON-LD files of each folder named, in name order. */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".jsonld")).sorted().forEach(out::add);
        } catch (IOException e) {
          LOG.warn("Cannot list {}: {}", p, e.getMessage());
        }
      } else if (Files.exists(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
