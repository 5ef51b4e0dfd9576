package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.RowInput;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the duplicate marks in the vacancies index against a generated corpus's truth: how many
 * planted reposts were marked as duplicates of their original, and how many other vacancies of the
 * corpus were marked as duplicates though they are not.
 */
@Service
public class DeduplicationCheck {
  private final ObjectProvider<VacancyStore> index;
  private final RowReader<Vacancy> rows;

  public DeduplicationCheck(ObjectProvider<VacancyStore> index, RowReader<Vacancy> rows) {
    this.index = index;
    this.rows = rows;
  }

  /**
   * @param planted reposts the generator planted
   * @param found of those, marked as duplicates of their original
   * @param originals vacancies of the corpus that are not planted reposts
   * @param falseDuplicates of those, marked as duplicates
   * @param missing vacancies of the corpus not in the index
   * @param sharedTextOriginals originals posted by the large employers whose adverts share a long
   *     company text ({@code largeEmployers} of the truth)
   * @param sharedTextMerged of those, marked as duplicates
   */
  public record Result(
      long planted,
      long found,
      double recall,
      long originals,
      long falseDuplicates,
      double falseRate,
      long missing,
      long sharedTextOriginals,
      long sharedTextMerged,
      double sharedTextMergedRate) {}

  public Result check(Path corpus) {
    Path truthFile = corpus.resolveSibling(corpus.getFileName() + ".truth.json");
    JsonNode truth;
    try {
      truth = JsonMapper.builder().build().readTree(Files.readString(truthFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + truthFile, e);
    }
    Map<String, String> planted = new HashMap<>();
    truth
        .get("duplicateOf")
        .properties()
        .forEach(e -> planted.put(e.getKey(), e.getValue().asString()));
    Set<String> large = new HashSet<>();
    if (truth.has("largeEmployers")) {
      truth.get("largeEmployers").values().forEach(e -> large.add(e.asString()));
    }
    Set<String> keys = new HashSet<>();
    Set<String> sharedText = new HashSet<>();
    rows.read(
        RowInput.file(corpus),
        new RowSink<>() {
          @Override
          public void accept(Vacancy v, long line) {
            keys.add(v.source() + "/" + v.id());
            if (v.employer() != null && large.contains(v.employer())) {
              sharedText.add(v.source() + "/" + v.id());
            }
          }

          @Override
          public void reject(Rejection r) {}
        },
        Progress.NONE);
    Map<String, String> marks = index.getObject().duplicateMarks();
    long found = 0;
    long originals = 0;
    long falseDuplicates = 0;
    long missing = 0;
    long sharedOriginals = 0;
    long sharedMerged = 0;
    for (String key : keys) {
      if (!marks.containsKey(key)) {
        missing++;
        continue;
      }
      String mark = marks.get(key);
      String original = planted.get(key);
      if (original != null) {
        if (original.equals(mark)) {
          found++;
        }
      } else {
        originals++;
        if (mark != null) {
          falseDuplicates++;
        }
        if (sharedText.contains(key)) {
          sharedOriginals++;
          if (mark != null) {
            sharedMerged++;
          }
        }
      }
    }
    return new Result(
        planted.size(),
        found,
        planted.isEmpty() ? 1 : (double) found / planted.size(),
        originals,
        falseDuplicates,
        originals == 0 ? 0 : (double) falseDuplicates / originals,
        missing,
        sharedOriginals,
        sharedMerged,
        sharedOriginals == 0 ? 0 : (double) sharedMerged / sharedOriginals);
  }
}
