package eu.skillsobservatory.api.web;

import eu.skillsobservatory.analytics.provenance.Provenance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV answer of the observatory, written in one place: RFC 4180 with {@code \n} between
 * records, and text cells made safe for spreadsheets. A text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is read as a formula by Excel,
 * LibreOffice and Google Sheets (CSV injection); it gets a leading {@code '}, which spreadsheets
 * show as text. Numbers, and text that is a number, are left alone.
 */
public final class CsvText {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private CsvText() {}

  /** Where the rows of one answer go. */
  public static final class Out {
    private final CSVPrinter printer;
    private final List<Object> extra;

    private Out(CSVPrinter printer, List<Object> extra) {
      this.printer = printer;
      this.extra = extra;
    }

    public void printRecord(Object... values) throws IOException {
      List<Object> safe = new ArrayList<>(values.length + extra.size());
      for (Object v : values) {
        safe.add(v instanceof CharSequence s ? cell(s.toString()) : v);
      }
      for (Object v : extra) {
        safe.add(v instanceof CharSequence s ? cell(s.toString()) : v);
      }
      printer.printRecord(safe);
    }
  }

  /** Rows made safe for spreadsheets, printed to a printer the caller opened and closes. */
  public static Out to(CSVPrinter printer) {
    return new Out(printer, List.of());
  }

  /** The rows of one answer. */
  public interface Rows {
    void print(Out out) throws IOException;
  }

  /** A text cell as a spreadsheet will take it: as text, never as a formula. */
  public static String cell(String s) {
    if (s.isEmpty() || NUMBER.matcher(s).matches()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }

  /** The whole answer: the header, then the rows. */
  public static String write(String[] header, Rows rows) {
    return write(List.of(header), rows);
  }

  /**
   * An analytics answer: the header, then the rows, each row ending with whether synthetic data was
   * counted and the datasets counted (names separated by spaces).
   */
  public static String write(List<String> header, Provenance provenance, Rows rows) {
    if (provenance == null) {
      return write(header, rows);
    }
    List<String> all = new ArrayList<>(header);
    all.add("synthetic");
    all.add("datasets");
    String names =
        String.join(
            " ", provenance.datasets().stream().map(Provenance.DatasetCount::name).toList());
    return write(all, List.of(provenance.synthetic(), names), rows);
  }

  /** The whole answer: the header, then the rows. */
  public static String write(List<String> header, Rows rows) {
    return write(header, List.of(), rows);
  }

  private static String write(List<String> header, List<Object> extra, Rows rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        CSVFormat.RFC4180
            .builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get()
            .print(out)) {
      rows.print(new Out(p, extra));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
