package eu.skillsobservatory.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configuration table ({@code src/docs/configuration.md}) names every setting the code reads,
 * each with the environment variable Spring Boot's relaxed binding derives from it, and names no
 * setting the code does not read.
 */
class ConfigurationTableTest {
  static final Path TABLE = Path.of("..", "src", "docs", "configuration.md");
  static final List<Path> SOURCES =
      List.of(Path.of("src", "main", "java"), Path.of("..", "ingest", "src", "main", "java"));

  /** {@code ${observatory.x.y:default}} placeholders and {@code name = "observatory.x.y"}. */
  static final Pattern READ =
      Pattern.compile(
          "(?:\\$\\{|name\\s*=\\s*\")(observatory(?:\\.[a-z][a-z0-9-]*)+)(?![A-Za-z0-9])");

  static final List<Class<?>> SETTINGS =
      List.of(
          ObservatorySettings.class,
          EscoSettings.class,
          SearchSettings.class,
          RemoteSettings.class,
          InputLimitsConfiguration.InputLimits.class,
          StoreConfiguration.SparqlSettings.class,
          HttpSettings.class,
          SecuritySettings.class,
          JobsSettings.class,
          SampleSettings.Vacancies.class,
          SampleSettings.Offers.class,
          SampleSettings.Statistics.class,
          RequestSettings.Extraction.class,
          RequestSettings.Curricula.class,
          RequestSettings.Analytics.class);

  @Test
  void theReadmeTableNamesEverySettingAndItsEnvironmentVariable() throws IOException {
    Set<String> read = new TreeSet<>();
    for (Path root : SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = READ.matcher(Files.readString(f));
          while (m.find()) {
            read.add(m.group(1));
          }
        }
      }
    }
    for (Class<?> c : SETTINGS) {
      String prefix = c.getAnnotation(ConfigurationProperties.class).value();
      properties(prefix, c, read);
    }
    assertThat(read).hasSizeGreaterThan(30);

    Set<String> documented = new TreeSet<>();
    Set<String> variables = new TreeSet<>();
    String table = section(Files.readString(TABLE), "# Configuration");
    for (String line : table.lines().filter(l -> l.startsWith("| `")).toList()) {
      String[] cells = line.split("\\|");
      List<String> names = names(cells[1]);
      documented.addAll(names);
      variables.add(cells[2].strip());
    }
    assertThat(documented).as("settings in the configuration table").containsAll(read);
    assertThat(read)
        .as("settings the table names that the code reads")
        .containsAll(documented.stream().filter(n -> n.startsWith("observatory.")).toList());
    // Each setting written out in full has its environment variable beside it.
    for (String line : table.lines().filter(l -> l.startsWith("| `observatory.")).toList()) {
      String[] cells = line.split("\\|");
      String first = names(cells[1]).get(0);
      if (!cells[2].contains("...")) {
        assertThat(cells[2]).as(line).contains("`" + variable(first) + "`");
      }
    }
  }

  /** Spring Boot's environment variable for a property: dots to _, dashes dropped, upper case. */
  static String variable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The names of a table cell: {@code `a.b.c` / `.d`} is a.b.c and a.b.d. */
  static List<String> names(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
    String first = null;
    while (m.find()) {
      String n = m.group(1);
      if (first == null) {
        first = n;
        out.add(n);
      } else if (n.startsWith(".")) {
        out.add(first.substring(0, first.lastIndexOf('.')) + n);
      }
    }
    return out;
  }

  private static void properties(String prefix, Class<?> type, Set<String> out) {
    for (RecordComponent rc : type.getRecordComponents()) {
      String name = prefix + "." + kebab(rc.getName());
      if (rc.getType().isRecord()) {
        properties(name, rc.getType(), out);
      } else {
        out.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf(heading);
    assertThat(start).as(heading + " in src/docs/configuration.md").isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
