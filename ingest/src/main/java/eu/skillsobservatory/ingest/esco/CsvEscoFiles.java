package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The files of an ESCO CSV download: their names, languages and order, readers that tell bad
 * encodings, and cells as lines.
 */
final class CsvEscoFiles {
  private CsvEscoFiles() {}

  static String baseName(String fileName) {
    Matcher m = CsvEscoReader.LANG_SUFFIX.matcher(fileName);
    if (m.matches()) {
      return m.group(1);
    }
    return fileName.replaceFirst("(?i)\\.csv$", "");
  }

  static String language(String fileName) {
    Matcher m = CsvEscoReader.LANG_SUFFIX.matcher(fileName);
    return m.matches() ? m.group(2).toLowerCase(Locale.ROOT) : null;
  }

  /** The CSV sources in the order they must be read: concepts before relations. */
  static List<Source> ordered(List<Source> csv) {
    return csv.stream()
        .sorted(Comparator.comparingInt((Source s) -> CsvEscoReader.Role.of(s.fileName()).order))
        .toList();
  }

  static EscoInputException encodingOr(Source source, IOException e) {
    if (e instanceof MalformedInputException) {
      return new EscoInputException(source.name(), "", "not valid UTF-8 text", e);
    }
    return new EscoInputException(source.name(), "", "cannot be read: " + e.getMessage(), e);
  }

  static EscoInputException csvError(Source source, long line, RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof MalformedInputException) {
      return new EscoInputException(source.name(), "", "not valid UTF-8 text", e);
    }
    String msg = String.valueOf(cause.getMessage());
    String problem;
    if (msg.contains("EOF reached before encapsulated token finished")) {
      problem = "unbalanced quote: a quoted field that starts in this record is never closed";
    } else if (msg.contains("invalid char between encapsulated token and delimiter")) {
      problem = "unbalanced quote: text follows a closing quote inside a field";
    } else {
      problem = "malformed CSV: " + msg;
    }
    return new EscoInputException(source.name(), "line " + line, problem, e);
  }

  static Reader reader(InputStream in) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    r.mark(1);
    int first = r.read();
    if (first != '\uFEFF' && first != -1) {
      r.reset();
    }
    return r;
  }

  static List<String> lines(String cell) {
    if (cell.isBlank()) {
      return List.of();
    }
    return List.of(cell.split("\\r?\\n"));
  }

  static String slug(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
