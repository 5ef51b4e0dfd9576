package eu.skillsobservatory.ingest.statistics;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The employment table lfsa_eisn2 as Eurostat's spreadsheet export flattens it: columns {@code
 * nace_r2_label, isco08_label, geo_label, year, value_thousand_persons, flag}, with labels rather
 * than codes; the labels are mapped to NACE section letters, ISCO major groups and country codes.
 */
public final class EurostatEmploymentCsv {
  private EurostatEmploymentCsv() {}

  static final Map<String, String> NACE =
      Map.ofEntries(
          Map.entry("agriculture, forestry and fishing", "A"),
          Map.entry("mining and quarrying", "B"),
          Map.entry("manufacturing", "C"),
          Map.entry("electricity, gas, steam and air conditioning supply", "D"),
          Map.entry("water supply; sewerage, waste management and remediation activities", "E"),
          Map.entry("construction", "F"),
          Map.entry("wholesale and retail trade; repair of motor vehicles and motorcycles", "G"),
          Map.entry("transportation and storage", "H"),
          Map.entry("accommodation and food service activities", "I"),
          Map.entry("information and communication", "J"),
          Map.entry("financial and insurance activities", "K"),
          Map.entry("real estate activities", "L"),
          Map.entry("professional, scientific and technical activities", "M"),
          Map.entry("administrative and support service activities", "N"),
          Map.entry("public administration and defence; compulsory social security", "O"),
          Map.entry("education", "P"),
          Map.entry("human health and social work activities", "Q"),
          Map.entry("arts, entertainment and recreation", "R"),
          Map.entry("other service activities", "S"),
          Map.entry(
              "activities of households as employers; undifferentiated goods- and"
                  + " services-producing activities of households for own use",
              "T"),
          Map.entry("activities of extraterritorial organisations and bodies", "U"));

  static final Map<String, String> ISCO =
      Map.ofEntries(
          Map.entry("armed forces occupations", "0"),
          Map.entry("managers", "1"),
          Map.entry("professionals", "2"),
          Map.entry("technicians and associate professionals", "3"),
          Map.entry("clerical support workers", "4"),
          Map.entry("service and sales workers", "5"),
          Map.entry("skilled agricultural, forestry and fishery workers", "6"),
          Map.entry("craft and related trades workers", "7"),
          Map.entry("plant and machine operators and assemblers", "8"),
          Map.entry("elementary occupations", "9"));

  /** Country names as Eurostat writes them, to codes as Eurostat writes them. */
  static final Map<String, String> COUNTRIES = countries();

  private static Map<String, String> countries() {
    Map<String, String> m = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      m.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    m.put("greece", "EL");
    m.put("united kingdom", "UK");
    m.put("czechia", "CZ");
    m.put("türkiye", "TR");
    m.put("turkey", "TR");
    m.put("north macedonia", "MK");
    m.put("bosnia and herzegovina", "BA");
    m.put("kosovo", "XK");
    m.put("kosovo*", "XK");
    return Map.copyOf(m);
  }

  /**
   * The cells, the rows that could not be read (line: reason), and how many rows Eurostat marks as
   * not available ({@code :} or empty).
   */
  public record Table(List<EmploymentCell> cells, List<String> problems, int unavailable) {}

  public static Table read(Path file) {
    List<EmploymentCell> cells = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int unavailable = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(in)) {
      for (String column :
          List.of("nace_r2_label", "isco08_label", "geo_label", "year", "value_thousand_persons")) {
        if (!parser.getHeaderNames().contains(column)) {
          throw new IllegalArgumentException(
              file
                  + ": line 1: no '"
                  + column
                  + "' column (columns: "
                  + parser.getHeaderNames()
                  + ")");
        }
      }
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        String nace = NACE.get(r.get("nace_r2_label").strip().toLowerCase(Locale.ROOT));
        String isco = ISCO.get(r.get("isco08_label").strip().toLowerCase(Locale.ROOT));
        String country = COUNTRIES.get(r.get("geo_label").strip().toLowerCase(Locale.ROOT));
        String value = r.get("value_thousand_persons").strip();
        if (nace == null || isco == null || country == null) {
          problems.add(
              "line "
                  + line
                  + ": unknown "
                  + (nace == null
                      ? "NACE section '" + r.get("nace_r2_label") + "'"
                      : isco == null
                          ? "ISCO group '" + r.get("isco08_label") + "'"
                          : "country '" + r.get("geo_label") + "'"));
          continue;
        }
        if (value.isEmpty() || value.equals(":")) {
          unavailable++; // not available, as Eurostat marks it
          continue;
        }
        try {
          cells.add(
              new EmploymentCell(
                  nace,
                  isco,
                  country,
                  Integer.parseInt(r.get("year").strip()),
                  Double.parseDouble(value),
                  r.isMapped("flag") ? r.get("flag").strip() : ""));
        } catch (IllegalArgumentException e) {
          problems.add("line " + line + ": " + e.getMessage());
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(file + ": cannot be read as CSV: " + e.getMessage(), e);
    }
    return new Table(cells, problems, unavailable);
  }
}
