package eu.skillsobservatory.analytics.esco;

import java.time.Duration;
import java.util.List;

/**
 * What one ESCO load did.
 *
 * @param version the version loaded (it replaced any earlier load of the same version)
 * @param summary what the version now holds
 * @param triplesRead the triples the sources gave, after cleaning, before duplicates collapsed
 * @param duration wall time from the first byte read to the commit
 * @param files each source file with what was read from it
 * @param skipped rows that were not loaded, with the reason and a few examples
 * @param warnings anything else worth knowing (files not read, values not understood)
 */
public record LoadReport(
    EscoVersion version,
    VersionSummary summary,
    long triplesRead,
    Duration duration,
    List<FileRead> files,
    List<Skipped> skipped,
    List<String> warnings) {

  public LoadReport {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** Triples per second over the whole load. */
  public long triplesPerSecond() {
    long ms = Math.max(1, duration.toMillis());
    return triplesRead * 1000 / ms;
  }

  /** A source file and how many rows (CSV) or triples (RDF) it gave. */
  public record FileRead(String file, String kind, long records) {}

  /** Rows of one file left out for one reason. */
  public record Skipped(String file, String reason, long count, List<String> examples) {
    public Skipped {
      examples = List.copyOf(examples);
    }
  }
}
