package eu.skillsobservatory.api.curriculum;

import eu.skillsobservatory.analytics.curriculum.CurriculumAlignment;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/curricula/align}: a curriculum (learning outcomes as text, ESCO skill URIs, or
 * both) against a slice of the vacancies: coverage, missing demanded and emerging skills,
 * suggestions.
 */
@RestController
public class CurriculumController {
  private final CurriculumAlignment align;
  private final int maxOutcomes;

  public CurriculumController(
      CurriculumAlignment align,
      @Value("${observatory.curricula.max-outcomes:500}") int maxOutcomes) {
    this.align = align;
    this.maxOutcomes = maxOutcomes;
  }

  /**
   * @param outcomes learning outcomes: one text, split at line breaks, or a list
   * @param skills ESCO skill URIs taught
   * @param language ISO 639-1 of the outcomes (default en)
   * @param demanded the slice's most demanded skills compared (default 50)
   * @param extraction fast (default) or full
   */
  public record AlignRequest(
      Object outcomes,
      List<String> skills,
      String language,
      String sector,
      String occupation,
      String country,
      String region,
      String from,
      String to,
      Integer demanded,
      String extraction,
      String dataset) {}

  @PostMapping(value = "/api/curricula/align", consumes = "application/json")
  public CurriculumAlignment.Alignment align(@RequestBody AlignRequest body) {
    List<String> outcomes = new ArrayList<>();
    if (body.outcomes() instanceof String s) {
      outcomes.addAll(List.of(s.split("\\R")));
    } else if (body.outcomes() instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String t)) {
          throw new IllegalArgumentException("outcomes: a text or a list of texts");
        }
        outcomes.add(t);
      }
    } else if (body.outcomes() != null) {
      throw new IllegalArgumentException("outcomes: a text or a list of texts");
    }
    if (outcomes.size() > maxOutcomes) {
      throw new IllegalArgumentException(
          "outcomes: "
              + outcomes.size()
              + " learning outcomes, more than the "
              + maxOutcomes
              + " one request may hold (observatory.curricula.max-outcomes); split the curriculum");
    }
    if (body.skills() != null && body.skills().size() > 10 * maxOutcomes) {
      throw new IllegalArgumentException(
          "skills: " + body.skills().size() + " skills, more than " + 10 * maxOutcomes);
    }
    Slice slice =
        Slice.of(
                body.sector(),
                body.occupation(),
                body.country(),
                body.region(),
                body.from(),
                body.to(),
                false)
            .withDataset(body.dataset());
    return align.align(
        outcomes,
        body.skills() == null ? List.of() : body.skills(),
        body.language() == null || body.language().isBlank() ? "en" : body.language(),
        ExtractionMode.parse(body.extraction() == null ? "fast" : body.extraction()),
        slice,
        body.demanded() == null ? 50 : body.demanded());
  }
}
