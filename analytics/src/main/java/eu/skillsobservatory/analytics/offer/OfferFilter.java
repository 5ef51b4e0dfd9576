package eu.skillsobservatory.analytics.offer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which training offers are in scope: any of country, NUTS region (its sub-regions are in it), EQF
 * range, modes, and a maximum of hours and of cost per offer. Absent means any.
 */
public record OfferFilter(
    Optional<String> country,
    Optional<String> region,
    Optional<Integer> eqfMin,
    Optional<Integer> eqfMax,
    Set<String> modes,
    Optional<Double> maxHours,
    Optional<Double> maxCost) {

  public static final OfferFilter ANY =
      new OfferFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Set.of(),
          Optional.empty(),
          Optional.empty());

  public OfferFilter {
    modes = Set.copyOf(modes);
  }

  /**
   * A filter from request parameters, each checked; null or blank means absent.
   *
   * @throws IllegalArgumentException naming the parameter at fault
   */
  public static OfferFilter of(
      String country,
      String region,
      Integer eqfMin,
      Integer eqfMax,
      List<String> modes,
      Double maxHours,
      Double maxCost) {
    Optional<String> c =
        Optional.ofNullable(country)
            .filter(s -> !s.isBlank())
            .map(s -> OfferRules.eurostatCountry(s.strip().toUpperCase(Locale.ROOT)));
    c.ifPresent(
        x -> {
          if (!x.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                "country: an ISO 3166 alpha-2 code (DE), not '" + x + "'");
          }
        });
    Optional<String> r =
        Optional.ofNullable(region)
            .filter(s -> !s.isBlank())
            .map(s -> s.strip().toUpperCase(Locale.ROOT));
    r.ifPresent(
        x -> {
          if (!x.matches("[A-Z]{2}[0-9A-Z]{0,3}")) {
            throw new IllegalArgumentException("region: a NUTS code (DE21), not '" + x + "'");
          }
        });
    for (Integer e : new Integer[] {eqfMin, eqfMax}) {
      if (e != null && (e < 1 || e > 8)) {
        throw new IllegalArgumentException("eqfMin/eqfMax: an EQF level 1 to 8, not " + e);
      }
    }
    if (eqfMin != null && eqfMax != null && eqfMin > eqfMax) {
      throw new IllegalArgumentException("eqfMin " + eqfMin + " is above eqfMax " + eqfMax);
    }
    Set<String> m = new TreeSet<>();
    for (String written : modes == null ? List.<String>of() : modes) {
      for (String part : written.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        String mode = OfferRules.mode(part);
        if (mode == null) {
          throw new IllegalArgumentException(
              "mode: one of " + String.join(", ", Offer.MODES) + ", not '" + part.strip() + "'");
        }
        m.add(mode);
      }
    }
    if (maxHours != null && (maxHours.isNaN() || maxHours < 0)) {
      throw new IllegalArgumentException("maxHours: 0 or more, not " + maxHours);
    }
    if (maxCost != null && (maxCost.isNaN() || maxCost < 0)) {
      throw new IllegalArgumentException("maxCost: 0 or more, not " + maxCost);
    }
    return new OfferFilter(
        c,
        r,
        Optional.ofNullable(eqfMin),
        Optional.ofNullable(eqfMax),
        m,
        Optional.ofNullable(maxHours),
        Optional.ofNullable(maxCost));
  }
}
