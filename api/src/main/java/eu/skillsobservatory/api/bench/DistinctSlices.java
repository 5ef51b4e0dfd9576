package eu.skillsobservatory.api.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The slices of {@code bench load --distinct-slices}: sector x country x a period of 12 to 24
 * months of 2023-2024, each asked once, so that no answer can come from a cache.
 */
final class DistinctSlices {
  private DistinctSlices() {}

  /** Periods of 12 to 24 whole months within 2023-2024: 91 of them. */
  static final List<String[]> PERIODS = periods();

  private static List<String[]> periods() {
    List<String[]> out = new ArrayList<>();
    YearMonth first = YearMonth.of(2023, 1);
    for (int from = 0; from < 24; from++) {
      for (int to = from + 11; to < 24; to++) {
        out.add(new String[] {first.plusMonths(from).toString(), first.plusMonths(to).toString()});
      }
    }
    return List.copyOf(out);
  }

  /**
   * The {@code i}-th distinct slice: the indices are spread over sector x country x period by a
   * multiplication modulo their count (a bijection, 7,919 being prime to it), so that consecutive
   * requests differ in every part.
   */
  static String slice(long i) {
    long n = (long) LoadBench.SECTORS.size() * LoadBench.COUNTRIES.size() * PERIODS.size();
    long k = Math.floorMod(i * 7_919, n);
    String sector = LoadBench.SECTORS.get((int) (k % LoadBench.SECTORS.size()));
    k /= LoadBench.SECTORS.size();
    String country = LoadBench.COUNTRIES.get((int) (k % LoadBench.COUNTRIES.size()));
    k /= LoadBench.COUNTRIES.size();
    String[] period = PERIODS.get((int) k);
    return "&sector="
        + sector
        + (country == null ? "" : "&country=" + country)
        + "&from="
        + period[0]
        + "&to="
        + period[1];
  }
}
