package eu.skillsobservatory.ingest.statistics;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The employment table (NACE section x ISCO-08 major group x country x year, as lfsa_eisn2) from a
 * JSON-stat dataset of Eurostat's API. Every other dimension (sex, age, unit...) must be fixed to
 * one category by the request's filters, or the figures would mix populations. Aggregates (NACE
 * {@code TOTAL} or {@code B-E}, ISCO {@code TOTAL} or {@code NRP}, EU and euro-area totals,
 * quarters) are left out and counted: the product sums the cells it needs.
 */
public final class EurostatEmployment {
  private EurostatEmployment() {}

  private static final Pattern SECTION = Pattern.compile("[A-U]");
  private static final Pattern ISCO = Pattern.compile("OC([0-9])");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

  /**
   * The cells, and what was left out.
   *
   * @param cells employment per section, group, country and year, in thousands
   * @param skipped values left out, by reason
   */
  public record Table(List<EmploymentCell> cells, Map<String, Integer> skipped) {
    public Table {
      cells = List.copyOf(cells);
      skipped = Map.copyOf(skipped);
    }
  }

  /**
   * @throws IllegalArgumentException when a needed dimension is missing, another one has several
   *     categories, or the unit is not a count of persons
   */
  public static Table cells(JsonStat data, String dataset) {
    int nace = index(data, dataset, "nace_r2");
    int isco = index(data, dataset, "isco08");
    int geo = index(data, dataset, "geo");
    int time = index(data, dataset, "time");
    double scale = 1;
    for (int i = 0; i < data.dimensions().size(); i++) {
      JsonStat.Dimension d = data.dimensions().get(i);
      if (i == nace || i == isco || i == geo || i == time) {
        continue;
      }
      if (d.codes().size() != 1) {
        throw new IllegalArgumentException(
            dataset
                + ": dimension '"
                + d.id()
                + "' has "
                + d.codes().size()
                + " categories ("
                + String.join(", ", d.codes().subList(0, Math.min(8, d.codes().size())))
                + (d.codes().size() > 8 ? ", ..." : "")
                + "): choose one with --filter "
                + d.id()
                + "="
                + d.codes().get(0));
      }
      if (d.id().equals("unit")) {
        String unit = d.codes().get(0);
        scale =
            switch (unit) {
              case "THS_PER", "THS" -> 1;
              case "PER", "NR" -> 0.001;
              default ->
                  throw new IllegalArgumentException(
                      dataset
                          + ": unit '"
                          + unit
                          + "' is not a count of persons; choose --filter unit=THS_PER");
            };
      }
    }
    List<EmploymentCell> cells = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    for (JsonStat.Cell c : data.cells()) {
      String n = c.codes().get(nace).toUpperCase(Locale.ROOT);
      String o = c.codes().get(isco).toUpperCase(Locale.ROOT);
      String g = c.codes().get(geo).toUpperCase(Locale.ROOT);
      String t = c.codes().get(time);
      var oc = ISCO.matcher(o);
      String reason = null;
      if (!SECTION.matcher(n).matches()) {
        reason = "NACE aggregate or unknown code";
      } else if (!oc.matches()) {
        reason = "ISCO aggregate or unknown code";
      } else if (!COUNTRY.matcher(g).matches()) {
        reason = "country aggregate";
      } else if (!YEAR.matcher(t).matches()) {
        reason = "not a year";
      } else if (c.value() < 0) {
        reason = "negative value";
      }
      if (reason != null) {
        skipped.merge(reason, 1, Integer::sum);
        continue;
      }
      cells.add(
          new EmploymentCell(
              n,
              oc.group(1),
              g,
              Integer.parseInt(t),
              Math.round(c.value() * scale * 1000) / 1000.0,
              c.status()));
    }
    return new Table(cells, skipped);
  }

  private static int index(JsonStat data, String dataset, String id) {
    for (int i = 0; i < data.dimensions().size(); i++) {
      String d = data.dimensions().get(i).id();
      if (d.equalsIgnoreCase(id) || (id.equals("time") && d.equalsIgnoreCase("TIME_PERIOD"))) {
        return i;
      }
    }
    List<String> ids = data.dimensions().stream().map(JsonStat.Dimension::id).toList();
    throw new IllegalArgumentException(
        dataset
            + ": no dimension '"
            + id
            + "' (it has "
            + String.join(", ", ids)
            + "); the employment table needs nace_r2, isco08, geo and time");
  }
}
