package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.api.vacancy.VacancyService;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Scores title coding on a vacancy file whose rows give their ESCO occupation: each such row's
 * title is coded as if it came alone, and the coding compared with the occupation given. Any file
 * in the ingest schema serves, real or generated.
 */
@Service
public class OccupationCodingCheck {
  private final VacancyService vacancies;
  private final RowReader<Vacancy> rows;

  public OccupationCodingCheck(VacancyService vacancies, RowReader<Vacancy> rows) {
    this.vacancies = vacancies;
    this.rows = rows;
  }

  /**
   * @param labelled rows with an ESCO occupation URI and a title
   * @param coded of those, titles coded to some occupation
   * @param coverage coded / labelled
   * @param correct coded to the occupation given
   * @param accuracy correct / coded
   * @param sameIscoGroup coded to an occupation of the given one's ISCO-08 unit group
   * @param confident coded with confidence 0.8 or more
   * @param confidentCorrect of those, correct
   */
  public record Result(
      long labelled,
      long coded,
      double coverage,
      long correct,
      double accuracy,
      long sameIscoGroup,
      long confident,
      long confidentCorrect) {}

  public Result check(Path file, long limit, Progress progress) {
    long[] n = new long[6];
    rows.read(
        RowInput.file(file),
        new RowSink<>() {
          @Override
          public void accept(Vacancy v, long line) {
            String given = v.occupation();
            if (n[0] >= limit
                || given == null
                || !given.startsWith("http")
                || v.title().isBlank()) {
              return;
            }
            n[0]++;
            String language = v.language() == null ? "en" : v.language();
            Optional<OccupationCoder.Coding> c =
                vacancies.codeTitle(v.title(), language, null, Progress.NONE);
            if (c.isEmpty()) {
              return;
            }
            n[1]++;
            boolean right = c.get().uri().equals(given);
            if (right) {
              n[2]++;
            }
            Optional<String> isco = vacancies.iscoOf(given);
            if (isco.isPresent() && Objects.equals(isco, vacancies.iscoOf(c.get().uri()))) {
              n[3]++;
            }
            if (c.get().confidence() >= 0.8) {
              n[4]++;
              if (right) {
                n[5]++;
              }
            }
          }

          @Override
          public void reject(Rejection r) {}
        },
        progress);
    return new Result(
        n[0],
        n[1],
        n[0] == 0 ? 0 : round((double) n[1] / n[0]),
        n[2],
        n[1] == 0 ? 0 : round((double) n[2] / n[1]),
        n[3],
        n[4],
        n[5]);
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
