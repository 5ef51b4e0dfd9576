package eu.skillsobservatory.ingest.extract;

import eu.skillsobservatory.analytics.extract.Benchmarks;
import eu.skillsobservatory.analytics.extract.Benchmarks.Benchmark;
import eu.skillsobservatory.analytics.extract.ExtractionEvaluation;
import eu.skillsobservatory.analytics.extract.LabelKind;
import eu.skillsobservatory.analytics.extract.SkillLabel;
import eu.skillsobservatory.analytics.extract.SkillTable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A skill-extraction benchmark file as published with the TECH and HOUSE sets (Decorte et al.): CSV
 * with the columns {@code sentence} and {@code label} (others ignored), one row per annotated span;
 * the label is an ESCO preferred label, or {@code LABEL NOT PRESENT} / {@code UNDERSPECIFIED}.
 */
public final class BenchmarkFile {
  static final Set<String> NO_SKILL = Set.of("LABEL NOT PRESENT", "UNDERSPECIFIED");

  private BenchmarkFile() {}

  /** The benchmark files this class reads, as the port. */
  public static Benchmarks reader() {
    return BenchmarkFile::read;
  }

  /**
   * Reads the file and resolves each gold label to a skill URI by preferred label (exactly, then
   * ignoring case), then by alternative label.
   *
   * @throws IllegalArgumentException naming the file and line for a file that is not a benchmark
   */
  public static Benchmark read(Path file, SkillTable skills) {
    GoldLabels labels = GoldLabels.of(skills);
    Map<String, Set<String>> gold = new LinkedHashMap<>();
    Set<String> unresolved = new LinkedHashSet<>();
    int rows = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in =
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser parser = format.parse(in)) {
      List<String> header = parser.getHeaderNames();
      for (String column : List.of("sentence", "label")) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException(
              file
                  + ": line 1: no '"
                  + column
                  + "' column (columns: "
                  + String.join(", ", header)
                  + ")");
        }
      }
      for (CSVRecord r : parser) {
        rows++;
        if (!r.isConsistent()) {
          throw new IllegalArgumentException(
              file
                  + ": line "
                  + r.getRecordNumber()
                  + 1
                  + ": expected "
                  + header.size()
                  + " columns, found "
                  + r.size());
        }
        String sentence = r.get("sentence").strip();
        String label = r.get("label").strip();
        if (sentence.isEmpty()) {
          throw new IllegalArgumentException(
              file + ": line " + (r.getRecordNumber() + 1) + ": empty sentence");
        }
        Set<String> set = gold.computeIfAbsent(sentence, k -> new LinkedHashSet<>());
        if (label.isEmpty() || NO_SKILL.contains(label)) {
          continue;
        }
        String uri = labels.resolve(label);
        if (uri == null) {
          unresolved.add(label);
          uri = "unresolved:" + label;
        }
        set.add(uri);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(file + ": cannot be read as CSV: " + e.getMessage(), e);
    }
    List<ExtractionEvaluation.Case> cases = new ArrayList<>();
    gold.forEach(
        (sentence, uris) -> {
          if (!uris.isEmpty()) {
            cases.add(new ExtractionEvaluation.Case(sentence, uris));
          }
        });
    return new Benchmark(cases, unresolved, rows);
  }

  /** A gold label's skill: by preferred label (exactly, then ignoring case), then alternative. */
  private record GoldLabels(
      Map<String, String> byPreferred,
      Map<String, String> byPreferredFolded,
      Map<String, String> byAlternative) {
    static GoldLabels of(SkillTable skills) {
      Map<String, String> byPreferred = new HashMap<>();
      Map<String, String> byPreferredFolded = new HashMap<>();
      Map<String, String> byAlternative = new HashMap<>();
      for (int id = 0; id < skills.labelCount(); id++) {
        SkillLabel l = skills.label(id);
        if (!l.language().equals("en")) {
          continue;
        }
        if (l.kind() == LabelKind.PREFERRED) {
          byPreferred.putIfAbsent(l.label(), l.uri());
          byPreferredFolded.putIfAbsent(l.label().toLowerCase(Locale.ROOT), l.uri());
        } else if (l.kind() == LabelKind.ALTERNATIVE) {
          byAlternative.putIfAbsent(l.label().toLowerCase(Locale.ROOT), l.uri());
        }
      }
      return new GoldLabels(byPreferred, byPreferredFolded, byAlternative);
    }

    String resolve(String label) {
      String uri = byPreferred.get(label);
      if (uri == null) {
        uri = byPreferredFolded.get(label.toLowerCase(Locale.ROOT));
      }
      return uri != null ? uri : byAlternative.get(label.toLowerCase(Locale.ROOT));
    }
  }
}
