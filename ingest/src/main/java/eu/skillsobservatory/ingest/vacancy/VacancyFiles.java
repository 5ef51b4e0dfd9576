package eu.skillsobservatory.ingest.vacancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRules;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads vacancy files in the ingest schema, streamed row by row: CSV (comma or semicolon, UTF-8
 * with or without a byte order mark) or JSON Lines, each plain or gzipped; the format is told by
 * the content, not the name. Every row becomes a {@link Vacancy} or {@link Rejection}s naming its
 * line and field; a file that cannot be used at all (no {@code id} column, cut short) is said so in
 * the report, after the rows before the damage were handed over.
 */
public final class VacancyFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VacancyFiles() {}

  /** Where the rows go. */
  public interface Sink {
    void accept(Vacancy vacancy, long line);

    void reject(Rejection rejection);
  }

  /**
   * What reading one input gave.
   *
   * @param name the file (or stream) name
   * @param rows data rows seen
   * @param accepted rows handed over as vacancies
   * @param rejected rows rejected
   * @param problem why the input could not be read to its end, if it could not
   */
  public record ReadReport(
      String name, long rows, long accepted, long rejected, Optional<String> problem) {}

  public static ReadReport read(Path file, Sink sink, Progress progress) {
    long size;
    InputStream raw;
    try {
      size = Files.size(file);
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return new ReadReport(file.toString(), 0, 0, 0, Optional.of(file + ": no such file"));
    } catch (IOException e) {
      return new ReadReport(
          file.toString(), 0, 0, 0, Optional.of(file + ": cannot be read: " + e.getMessage()));
    }
    try (InputStream in = raw) {
      return read(in, file.toString(), defaultSource(file), size, sink, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source of rows that name none: the file name without its extensions. */
  static String defaultSource(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads one input stream (a file, or a request body).
   *
   * @param size its length in bytes for progress, or -1 when unknown
   */
  public static ReadReport read(
      InputStream raw, String name, String defaultSource, long size, Sink sink, Progress progress) {
    long[] read = new long[1];
    InputStream counted =
        new FilterInputStream(new BufferedInputStream(raw, 1 << 16)) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              read[0]++;
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
              read[0] += n;
            }
            return n;
          }
        };
    Counter counter = new Counter(name, sink, progress, read);
    progress.start("Reading vacancies from " + name, "rows", size);
    try {
      BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      InputStream body = in;
      if (b1 == 0x1f && b2 == 0x8b) {
        body = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  body,
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPLACE)
                      .onUnmappableCharacter(CodingErrorAction.REPLACE)),
              1 << 16);
      reader.mark(8);
      int first = reader.read();
      if (first != '\uFEFF') {
        reader.reset();
      }
      reader.mark(1 << 16);
      int c;
      do {
        c = reader.read();
      } while (c != -1 && Character.isWhitespace(c));
      reader.reset();
      if (c == -1) {
        return counter.report(Optional.of(name + ": empty, no header and no rows"));
      }
      Optional<String> problem =
          c == '{'
              ? jsonLines(reader, defaultSource, counter)
              : csv(reader, name, defaultSource, counter);
      return counter.report(problem);
    } catch (EOFException | ZipException e) {
      return counter.report(
          Optional.of(
              name
                  + ": cut short after line "
                  + counter.lastLine
                  + " ("
                  + e.getMessage()
                  + "); the rows before it were read"));
    } catch (IOException | UncheckedIOException e) {
      return counter.report(
          Optional.of(
              name + ": read failed after line " + counter.lastLine + ": " + e.getMessage()));
    }
  }

  private static Optional<String> jsonLines(BufferedReader reader, String defaultSource, Counter c)
      throws IOException {
    String line;
    long lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      c.lastLine = lineNo;
      if (line.isBlank()) {
        continue;
      }
      c.rows++;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        c.reject(List.of(new Rejection(lineNo, "row", "not JSON: " + firstLine(e.getMessage()))));
        continue;
      }
      if (node == null || !node.isObject()) {
        c.reject(List.of(new Rejection(lineNo, "row", "not a JSON object")));
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      List<Rejection> problems = new ArrayList<>();
      List<String> skills = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (e.getKey().equals("skills")) {
          if (v.isArray()) {
            v.forEach(s -> skills.add(s.isTextual() ? s.asText() : s.toString()));
          } else if (v.isTextual()) {
            skills.addAll(List.of(v.asText().split("\\|")));
          } else if (!v.isNull()) {
            problems.add(new Rejection(lineNo, "skills", "must be an array of ESCO skill URIs"));
          }
        } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
          fields.put(e.getKey(), v.asText());
        } else if (!v.isNull() && VacancyRules.FIELDS.contains(e.getKey())) {
          problems.add(
              new Rejection(
                  lineNo,
                  e.getKey(),
                  "must be a string, not " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
      }
      c.take(fields, skills, defaultSource, lineNo, problems);
    }
    return Optional.empty();
  }

  private static Optional<String> csv(
      BufferedReader reader, String name, String defaultSource, Counter c) throws IOException {
    reader.mark(1 << 16);
    String header = reader.readLine();
    reader.reset();
    char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
    CSVParser parser;
    try {
      parser = format.parse(reader);
    } catch (IllegalArgumentException e) {
      return Optional.of(name + ": line 1: the header is not usable: " + e.getMessage());
    }
    List<String> columns = new ArrayList<>();
    for (String h : parser.getHeaderNames()) {
      columns.add(h.strip().toLowerCase(Locale.ROOT));
    }
    if (!columns.contains("id")) {
      return Optional.of(
          name
              + ": line 1: the header has no 'id' column (it has: "
              + String.join(", ", columns)
              + "); nothing was loaded");
    }
    long previousEnd = 1;
    try {
      for (CSVRecord r : parser) {
        long lineNo = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        c.lastLine = previousEnd;
        c.rows++;
        if (r.size() != columns.size()) {
          c.reject(
              List.of(
                  new Rejection(
                      lineNo,
                      "row",
                      "has " + r.size() + " values, the header " + columns.size() + " columns")));
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          fields.put(columns.get(i), r.get(i));
        }
        String skills = fields.remove("skills");
        List<String> uris = skills == null ? List.of() : List.of(skills.split("\\|"));
        c.take(fields, uris, defaultSource, lineNo, new ArrayList<>());
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof EOFException || e.getCause() instanceof ZipException) {
        throw e.getCause();
      }
      return Optional.of(
          name + ": line " + (previousEnd + 1) + ": not readable as CSV: " + e.getMessage());
    } catch (IllegalStateException e) {
      return Optional.of(
          name + ": line " + (previousEnd + 1) + ": not readable as CSV: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static int count(String s, char ch) {
    int n = 0;
    for (int i = 0; s != null && i < s.length(); i++) {
      if (s.charAt(i) == ch) {
        n++;
      }
    }
    return n;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }

  /** Counts what was read and hands rows to the sink. */
  private static final class Counter {
    final String name;
    final Sink sink;
    final Progress progress;
    final long[] bytes;
    long rows;
    long accepted;
    long rejected;
    long lastLine;

    Counter(String name, Sink sink, Progress progress, long[] bytes) {
      this.name = name;
      this.sink = sink;
      this.progress = progress;
      this.bytes = bytes;
    }

    void take(
        Map<String, String> fields,
        List<String> skills,
        String defaultSource,
        long line,
        List<Rejection> problems) {
      VacancyRules.Result r = VacancyRules.apply(fields, skills, defaultSource, line);
      if (problems.isEmpty() && r.ok()) {
        accepted++;
        sink.accept(r.vacancy(), line);
      } else {
        List<Rejection> all = new ArrayList<>(problems);
        all.addAll(r.problems());
        reject(all);
      }
      if (rows % 1000 == 0) {
        progress.advance(bytes[0], rows);
      }
    }

    void reject(List<Rejection> problems) {
      rejected++;
      problems.forEach(sink::reject);
    }

    ReadReport report(Optional<String> problem) {
      progress.finish(
          String.format(
              Locale.ROOT,
              "%s: %,d rows, %,d accepted, %,d rejected%s",
              name,
              rows,
              accepted,
              rejected,
              problem.map(p -> "; " + p).orElse("")));
      return new ReadReport(name, rows, accepted, rejected, problem);
    }
  }
}
