package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.offer.OfferFilter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The filters on training offers, the same as the REST API's: EQF range, modes, and a maximum of
 * hours and cost per offer. Their place is the slice's {@code --country} and {@code --region}.
 */
public class OfferScopeOptions {
  @Option(names = "--eqf-min", description = "Lowest EQF level (1 to 8).")
  Integer eqfMin;

  @Option(names = "--eqf-max", description = "Highest EQF level (1 to 8).")
  Integer eqfMax;

  @Option(
      names = "--mode",
      split = ",",
      description = "classroom, blended, online, work-based (several: comma-separated).")
  List<String> modes;

  @Option(names = "--max-hours", description = "Offers of at most these hours.")
  Double maxHours;

  @Option(names = "--max-cost", description = "Offers costing at most this.")
  Double maxCost;

  OfferFilter filter(SliceOptions slice) {
    return filter(slice.country, slice.region);
  }

  OfferFilter filter(String country, String region) {
    return OfferFilter.of(country, region, eqfMin, eqfMax, modes, maxHours, maxCost);
  }
}
