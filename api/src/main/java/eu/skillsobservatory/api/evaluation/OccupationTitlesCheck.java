package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Scores title coding at the ISCO-08 unit group on hand-labelled titles: a CSV of {@code title} and
 * {@code isco}, the unit groups a coder may answer (several, separated by {@code |}, where a title
 * fits more than one). A title left uncoded counts as wrong.
 */
@Service
public class OccupationTitlesCheck {
  private final VacancyService vacancies;

  public OccupationTitlesCheck(VacancyService vacancies) {
    this.vacancies = vacancies;
  }

  /** A title coded outside its groups, or not coded. */
  public record Miss(
      String title,
      Set<String> acceptable,
      String coded,
      String label,
      String isco,
      Double confidence) {}

  /** How one title was coded: every title, so that two coders can be compared title by title. */
  public record TitleCoding(
      String title, boolean right, String coded, String label, String isco, Double confidence) {}

  /**
   * @param accuracy right / titles
   * @param confident codings with confidence 0.8 or more
   * @param confidentRight of those, right
   */
  public record Result(
      long titles,
      long coded,
      long right,
      double accuracy,
      long confident,
      long confidentRight,
      List<Miss> misses,
      List<TitleCoding> codings) {}

  public Result check(Path file, String language, Progress progress) {
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(in)
              .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    progress.start("coding " + file.getFileName(), "titles", rows.size());
    long coded = 0;
    long right = 0;
    long confident = 0;
    long confidentRight = 0;
    List<Miss> misses = new ArrayList<>();
    List<TitleCoding> codings = new ArrayList<>();
    for (CSVRecord r : rows) {
      if (!r.isMapped("title") || !r.isMapped("isco")) {
        throw new IllegalArgumentException(file + ": the header needs the columns title and isco");
      }
      String title = r.get("title");
      Set<String> acceptable = new TreeSet<>(Arrays.asList(r.get("isco").strip().split("\\|")));
      Optional<OccupationCoder.Coding> c =
          vacancies.codeTitle(title, language, null, Progress.NONE);
      String isco = c.flatMap(x -> vacancies.iscoOf(x.uri())).orElse(null);
      boolean ok = isco != null && acceptable.contains(isco);
      if (c.isPresent()) {
        coded++;
        if (c.get().confidence() >= 0.8) {
          confident++;
          confidentRight += ok ? 1 : 0;
        }
      }
      TitleCoding coding =
          new TitleCoding(
              title,
              ok,
              c.map(OccupationCoder.Coding::uri).orElse(null),
              c.map(OccupationCoder.Coding::matchedLabel).orElse(null),
              isco,
              c.map(OccupationCoder.Coding::confidence).orElse(null));
      codings.add(coding);
      if (ok) {
        right++;
      } else {
        misses.add(
            new Miss(
                title,
                acceptable,
                coding.coded(),
                coding.label(),
                coding.isco(),
                coding.confidence()));
      }
      progress.advance(r.getRecordNumber(), r.getRecordNumber());
    }
    progress.finish(right + " of " + rows.size() + " titles coded to an acceptable unit group");
    return new Result(
        rows.size(),
        coded,
        right,
        rows.isEmpty() ? 0 : Math.round(10_000.0 * right / rows.size()) / 10_000.0,
        confident,
        confidentRight,
        misses,
        codings);
  }
}
