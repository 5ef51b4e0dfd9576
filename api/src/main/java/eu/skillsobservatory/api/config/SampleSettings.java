package eu.skillsobservatory.api.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data a server loads on its first start, so that the analytics have something to show.
 *
 * <p>Three prefixes, one record each: {@code observatory.vacancies.*}, {@code observatory.offers.*}
 * and {@code observatory.statistics.*}.
 */
public final class SampleSettings {
  private SampleSettings() {}

  /**
   * {@code observatory.vacancies.*}.
   *
   * @param sample the synthetic vacancies loaded when no vacancy was ever ingested
   * @param loadSampleOnFirstStart whether {@code serve} loads them
   */
  @ConfigurationProperties("observatory.vacancies")
  public record Vacancies(
      @DefaultValue("data/vacancies/sample-20000-seed1.jsonl.gz") String sample,
      @DefaultValue("true") boolean loadSampleOnFirstStart) {
    public Path samplePath() {
      return Path.of(sample);
    }
  }

  /**
   * {@code observatory.offers.*}.
   *
   * @param samples files and folders of training offers loaded when no offer is held
   * @param loadSampleOnFirstStart whether {@code serve} loads them
   */
  @ConfigurationProperties("observatory.offers")
  public record Offers(
      @DefaultValue({"data/offers/sample-2000-seed1.jsonl.gz", "data/offers/elm"})
          List<String> samples,
      @DefaultValue("true") boolean loadSampleOnFirstStart) {
    public List<Path> samplePaths() {
      return samples.stream().map(String::strip).map(Path::of).toList();
    }
  }

  /**
   * {@code observatory.statistics.*}.
   *
   * @param sample the employment table loaded when none is held
   * @param loadOnFirstStart whether {@code serve} loads it
   */
  @ConfigurationProperties("observatory.statistics")
  public record Statistics(
      @DefaultValue("data/eurostat/lfsa_eisn2_long.csv") String sample,
      @DefaultValue("true") boolean loadOnFirstStart) {
    public Path samplePath() {
      return Path.of(sample);
    }
  }
}
