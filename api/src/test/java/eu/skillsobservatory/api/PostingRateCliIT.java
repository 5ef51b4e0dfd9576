package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.fixtures.MiniEscoFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postings per 1,000 employed is a yearly rate over the countries the postings come from: two years
 * of the same yearly volume give the one-year rate, a month is scaled to a year, and postings from
 * a country the statistics do not hold are left out and counted in the coverage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostingRateCliIT {
  static final Path SHIPPED = Path.of("..", "data", "eurostat", "lfsa_eisn2_long.csv");

  @TempDir static Path dir;
  final JsonMapper json = JsonMapper.builder().build();

  CliRun cli(String... args) {
    return CliRun.in(dir.resolve("home"), args);
  }

  @BeforeAll
  void load() throws Exception {
    assertThat(cli("ingest", "esco", "--no-index", MiniEscoFolder.in(dir).toString()).code())
        .isZero();
    assertThat(cli("ingest", "statistics", SHIPPED.toString()).code()).isZero();
    StringBuilder rows = new StringBuilder();
    int id = 0;
    // Two postings a month in Germany's manufacturing, every month of 2023 and 2024; and in
    // 2024 one a month from the United States, which the statistics do not hold.
    for (int year = 2023; year <= 2024; year++) {
      for (int month = 1; month <= 12; month++) {
        for (String country :
            year == 2024 ? new String[] {"DE", "DE", "US"} : new String[] {"DE", "DE"}) {
          id++;
          rows.append(
              "{\"source\":\"rate\",\"id\":\"%d\",\"posted\":\"%d-%02d-10\",\"country\":\"%s\",\"nace\":\"C\",\"title\":\"%s\",\"description\":\"%s\"}\n"
                  .formatted(id, year, month, country, TITLES[id % TITLES.length], words(id)));
        }
      }
    }
    Path file = Files.writeString(dir.resolve("rate.jsonl"), rows.toString());
    CliRun r = cli("ingest", "vacancies", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  static final String[] TITLES = {
    "Machine operator",
    "Welder",
    "Quality inspector",
    "Assembly technician",
    "Forklift driver",
    "Maintenance fitter",
    "Production planner",
    "Painter"
  };
  static final String[] WORDS = {
    "steel",
    "aluminium",
    "night",
    "shift",
    "press",
    "lathe",
    "drawings",
    "safety",
    "team",
    "orders",
    "tolerances",
    "gauges",
    "pallets",
    "robots",
    "paint",
    "sanding",
    "hydraulics",
    "sensors",
    "audits",
    "batches",
    "moulds",
    "castings",
    "cranes",
    "welds",
    "bolts",
    "kanban"
  };

  /** A description of its own for each posting, so that none is a near-duplicate of another. */
  static String words(int id) {
    StringBuilder b = new StringBuilder("Posting " + id + ":");
    Random r = new Random(id);
    for (int i = 0; i < 25; i++) {
      b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  /** Germany's manufacturing employment in 2024, summed from the file itself. */
  static double germanManufacturing2024() throws Exception {
    double sum = 0;
    try (var in = Files.newBufferedReader(SHIPPED)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
        String v = r.get("value_thousand_persons");
        if (r.get("geo_label").equals("Germany")
            && r.get("nace_r2_label").equals("Manufacturing")
            && r.get("year").equals("2024")
            && !v.isBlank()
            && !v.equals(":")) {
          sum += Double.parseDouble(v);
        }
      }
    }
    return sum;
  }

  JsonNode whole(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "demand";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--format";
    all[args.length + 2] = "json";
    CliRun r = cli(all);
    assertThat(r.code()).as(r.err()).isZero();
    return json.readTree(r.out()).get("groups").get(0);
  }

  @Test
  void twoYearsOfTheSameVolumeGiveTheOneYearRate() throws Exception {
    double employed = germanManufacturing2024();
    JsonNode year =
        whole("--sector", "C", "--country", "DE", "--from", "2024-01", "--to", "2024-12");
    JsonNode both = whole("--sector", "C", "--country", "DE");
    assertThat(year.get("rateMonths").asInt()).isEqualTo(12);
    assertThat(both.get("rateMonths").asInt()).isEqualTo(24);
    assertThat(year.get("employmentYear").asInt()).isEqualTo(2024);
    assertThat(year.get("postingsPer1000Employed").asDouble())
        .isCloseTo(24 / employed, within(1e-4));
    assertThat(both.get("postingsPer1000Employed").asDouble())
        .isCloseTo(year.get("postingsPer1000Employed").asDouble(), within(1e-4));
    JsonNode june =
        whole("--sector", "C", "--country", "DE", "--from", "2024-06", "--to", "2024-06");
    assertThat(june.get("postingsPer1000Employed").asDouble())
        .isCloseTo(24 / employed, within(1e-4));
  }

  @Test
  void onlyTheCountriesWithStatisticsCountAndCoverageSaysHowMany() throws Exception {
    JsonNode all = whole("--sector", "C", "--from", "2024-01", "--to", "2024-12");
    assertThat(all.get("postings").asLong()).isEqualTo(36);
    assertThat(all.get("employmentCoverage").asDouble()).isCloseTo(24.0 / 36, within(1e-4));
    // The denominator is Germany's employment alone, not every country of the table.
    assertThat(all.get("employedThousands").asDouble())
        .isCloseTo(germanManufacturing2024(), within(0.01));
    assertThat(all.get("postingsPer1000Employed").asDouble())
        .isCloseTo(24 / germanManufacturing2024(), within(1e-4));
  }
}
