package eu.skillsobservatory.ingest.vacancy;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRules;
import eu.skillsobservatory.ingest.rows.AdvertMarkup;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads vacancy files in the ingest schema ({@code src/docs/vacancy-schema.md}) through {@link
 * RowFiles}: CSV or JSON Lines, plain or gzipped, every row a {@link Vacancy} or rejections naming
 * its line and field.
 */
public final class VacancyFiles {
  private VacancyFiles() {}

  /** Where the rows go. */
  public interface Sink extends RowSink<Vacancy> {}

  /** The vacancy schema: {@link VacancyRules} over the row's fields. */
  public static final RowFiles.Schema<Vacancy> SCHEMA =
      new RowFiles.Schema<>() {
        private final Set<String> fields = scalarFields();

        @Override
        public String what() {
          return "vacancies";
        }

        @Override
        public Set<String> fields() {
          return fields;
        }

        @Override
        public Set<String> lists() {
          return Set.of("skills");
        }

        @Override
        public RowFiles.Result<Vacancy> apply(
            Map<String, String> fields,
            Map<String, List<String>> lists,
            String defaultSource,
            long line) {
          VacancyRules.Result r =
              VacancyRules.apply(
                  AdvertMarkup.asText(fields, "title", "description"),
                  lists.getOrDefault("skills", List.of()),
                  defaultSource,
                  line);
          return new RowFiles.Result<>(r.vacancy(), r.problems());
        }
      };

  private static Set<String> scalarFields() {
    Set<String> s = new HashSet<>(VacancyRules.FIELDS);
    s.remove("skills");
    return Set.copyOf(s);
  }

  public static ReadReport read(Path file, Sink sink, Progress progress) {
    return RowFiles.read(file, SCHEMA, sink, progress);
  }

  /**
   * Reads one input stream (a file, or a request body).
   *
   * @param size its length in bytes for progress, or -1 when unknown
   */
  public static ReadReport read(
      InputStream raw, String name, String defaultSource, long size, Sink sink, Progress progress) {
    return RowFiles.read(raw, name, defaultSource, size, SCHEMA, sink, progress);
  }

  /** A reader of vacancy rows within these limits. */
  public static RowReader<Vacancy> reader(RowFiles.Limits limits) {
    return RowFiles.reader(SCHEMA, limits);
  }
}
