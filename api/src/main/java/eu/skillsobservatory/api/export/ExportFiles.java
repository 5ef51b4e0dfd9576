package eu.skillsobservatory.api.export;

import eu.skillsobservatory.analytics.export.OfferRow;
import eu.skillsobservatory.analytics.export.SkillOut;
import eu.skillsobservatory.analytics.export.VacancyRow;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.web.CsvText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows written one by one as CSV (one line per row; a row's skills in parallel columns whose
 * entries are separated by {@code |}) or JSON Lines (one object per row, skills nested).
 */
public final class ExportFiles {
  private ExportFiles() {}

  /** Where rows go, one at a time. */
  public interface Sink<T> extends AutoCloseable {
    void write(T row);

    @Override
    void close();
  }

  /** The CSV columns of a vacancy. */
  public static final List<String> VACANCY_COLUMNS =
      List.of(
          "source",
          "id",
          "posted",
          "country",
          "region",
          "nace",
          "naceSection",
          "title",
          "description",
          "employer",
          "language",
          "languageDetected",
          "occupationGiven",
          "occupation",
          "occupationLabel",
          "occupationCoding",
          "occupationConfidence",
          "isco",
          "occupationUnknown",
          "skills",
          "skillLabels",
          "skillOrigins",
          "skillSpans",
          "duplicate",
          "duplicateOf",
          "dataset",
          "synthetic",
          "ingest",
          "ingestedAt",
          "escoVersion");

  /** The CSV columns of a training offer. */
  public static final List<String> OFFER_COLUMNS =
      List.of(
          "source",
          "id",
          "title",
          "provider",
          "description",
          "country",
          "region",
          "eqf",
          "isced",
          "mode",
          "hours",
          "ects",
          "cost",
          "currency",
          "language",
          "start",
          "url",
          "format",
          "skills",
          "skillLabels",
          "skillOrigins",
          "skillSpans",
          "ingest",
          "ingestedAt",
          "escoVersion");

  public static Sink<VacancyRow> vacancies(String format, OutputStream out) {
    return format.equals("csv") ? csv(out, VACANCY_COLUMNS, ExportFiles::cells) : jsonLines(out);
  }

  public static Sink<OfferRow> offers(String format, OutputStream out) {
    return format.equals("csv") ? csv(out, OFFER_COLUMNS, ExportFiles::cells) : jsonLines(out);
  }

  static List<Object> cells(VacancyRow r) {
    List<Object> c =
        new ArrayList<>(
            Arrays.asList(
                r.source(),
                r.id(),
                r.posted(),
                r.country(),
                r.region(),
                r.nace(),
                r.naceSection(),
                r.title(),
                r.description(),
                r.employer(),
                r.language(),
                r.languageDetected(),
                r.occupation().given(),
                r.occupation().uri(),
                r.occupation().label(),
                r.occupation().coding(),
                r.occupation().confidence(),
                r.occupation().isco(),
                r.occupation().unknown()));
    c.addAll(skillCells(r.skills()));
    c.addAll(
        Arrays.asList(
            r.duplicate(),
            r.duplicateOf(),
            r.provenance().dataset(),
            r.provenance().synthetic(),
            r.provenance().ingest(),
            r.provenance().ingestedAt(),
            r.provenance().escoVersion()));
    return c;
  }

  static List<Object> cells(OfferRow r) {
    List<Object> c =
        new ArrayList<>(
            Arrays.asList(
                r.source(),
                r.id(),
                r.title(),
                r.provider(),
                r.description(),
                r.country(),
                r.region(),
                r.eqf(),
                r.isced(),
                r.mode(),
                r.hours(),
                r.ects(),
                r.cost(),
                r.currency(),
                r.language(),
                String.join(" ", r.start()),
                r.url(),
                r.format()));
    c.addAll(skillCells(r.skills()));
    c.addAll(
        Arrays.asList(
            r.provenance().ingest(), r.provenance().ingestedAt(), r.provenance().escoVersion()));
    return c;
  }

  /** URIs, labels, origins and spans ({@code field:start-end}), entries separated by {@code |}. */
  private static List<Object> skillCells(List<SkillOut> skills) {
    return List.of(
        join(skills, SkillOut::uri),
        join(skills, s -> s.label() == null ? "" : s.label().replace('|', '/')),
        join(skills, SkillOut::origin),
        join(skills, s -> s.field() == null ? "" : s.field() + ":" + s.start() + "-" + s.end()));
  }

  private static String join(List<SkillOut> skills, Function<SkillOut, String> f) {
    return String.join("|", skills.stream().map(f).toList());
  }

  private static <T> Sink<T> csv(
      OutputStream out, List<String> header, Function<T, List<Object>> cells) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer;
    try {
      printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
      printer.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvText.Out safe = CsvText.to(printer);
    return new Sink<>() {
      @Override
      public void write(T row) {
        try {
          safe.printRecord(cells.apply(row).toArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        try {
          printer.close(true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static <T> Sink<T> jsonLines(OutputStream out) {
    JsonMapper mapper = JsonConfiguration.lineMapper();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new Sink<>() {
      @Override
      public void write(T row) {
        try {
          w.write(mapper.writeValueAsString(row));
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        try {
          w.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
