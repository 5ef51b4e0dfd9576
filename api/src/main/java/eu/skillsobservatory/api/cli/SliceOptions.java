package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.demand.Slice;
import picocli.CommandLine.Option;

/** The slice options every analytics command takes, with the same names everywhere. */
public class SliceOptions {
  @Option(names = "--sector", description = "NACE Rev. 2 section letter or division.")
  String sector;

  @Option(names = "--occupation", description = "ESCO occupation URI or ISCO-08 code.")
  String occupation;

  @Option(names = "--country", description = "Country code.")
  String country;

  @Option(names = "--region", description = "NUTS code (its sub-regions included).")
  String region;

  @Option(names = "--from", description = "First month, YYYY-MM.")
  String from;

  @Option(names = "--to", description = "Last month, YYYY-MM.")
  String to;

  @Option(names = "--include-duplicates", description = "Count near-duplicates too.")
  boolean includeDuplicates;

  @Option(
      names = "--dataset",
      description = "Only the vacancies of this dataset (the name a load was given).")
  String dataset;

  /** The slice, each option checked. */
  Slice slice() {
    return Slice.of(sector, occupation, country, region, from, to, includeDuplicates)
        .withDataset(dataset);
  }
}
