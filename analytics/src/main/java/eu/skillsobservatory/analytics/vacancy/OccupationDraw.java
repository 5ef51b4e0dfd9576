package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator.OccupationProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws where synthetic data happens: a cell of the employment table (country, sector, ISCO major
 * group) weighted by the people it employs, then one of the ESCO occupations of that major group.
 */
public final class OccupationDraw {
  /** One draw. */
  public record Drawn(EmploymentCell cell, OccupationProfile occupation) {}

  private final Map<String, List<OccupationProfile>> byMajor = new HashMap<>();
  private final List<EmploymentCell> cells;
  private final double[] cumulative;
  private final double total;

  /** Both lists in a fixed order, so that the same seed gives the same draws. */
  public OccupationDraw(List<OccupationProfile> occupations, List<EmploymentCell> employment) {
    for (OccupationProfile o : occupations) {
      byMajor.computeIfAbsent(o.iscoCode().substring(0, 1), k -> new ArrayList<>()).add(o);
    }
    cells = employment.stream().filter(c -> byMajor.containsKey(c.isco())).toList();
    cumulative = new double[cells.size()];
    double sum = 0;
    for (int i = 0; i < cells.size(); i++) {
      sum += cells.get(i).thousands();
      cumulative[i] = sum;
    }
    total = sum;
  }

  /**
   * The cells of the table's latest year that employ anyone, in a fixed order (country, sector,
   * group), so that the same seed gives the same draws.
   */
  public static List<EmploymentCell> latestYear(List<EmploymentCell> employment) {
    int latest = employment.stream().mapToInt(EmploymentCell::year).max().orElse(0);
    return employment.stream()
        .filter(c -> c.year() == latest && c.thousands() > 0)
        .sorted(
            Comparator.comparing(EmploymentCell::country)
                .thenComparing(EmploymentCell::nace)
                .thenComparing(EmploymentCell::isco))
        .toList();
  }

  public Drawn next(Random r) {
    EmploymentCell cell = cells.get(pick(cumulative, r.nextDouble() * total));
    List<OccupationProfile> pool = byMajor.get(cell.isco());
    return new Drawn(cell, pool.get(r.nextInt(pool.size())));
  }

  private static int pick(double[] cumulative, double x) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
