package eu.skillsobservatory.api.curriculum;

import com.fasterxml.jackson.annotation.JsonFormat;
import eu.skillsobservatory.analytics.curriculum.CurriculumAlignment;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.config.RequestSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
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

  public CurriculumController(CurriculumAlignment align, RequestSettings.Curricula settings) {
    this.align = align;
    this.maxOutcomes = settings.maxOutcomes();
  }

  /**
   * @param outcomes learning outcomes: one text or a list of texts, each split at line breaks
   * @param skills ESCO skill URIs taught
   * @param language ISO 639-1 of the outcomes (default en)
   * @param demanded the slice's most demanded skills compared (default 50)
   * @param extraction fast (default) or full
   */
  public record AlignRequest(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<@NotNull String> outcomes,
      List<@NotBlank String> skills,
      String language,
      String sector,
      String occupation,
      String country,
      String region,
      String from,
      String to,
      @Min(1) @Max(1000) Integer demanded,
      ExtractionMode extraction,
      String dataset) {}

  @PostMapping(value = "/api/curricula/align", consumes = "application/json")
  public CurriculumAlignment.Alignment align(@RequestBody @Valid AlignRequest body) {
    List<String> outcomes = new ArrayList<>();
    if (body.outcomes() != null) {
      for (String text : body.outcomes()) {
        outcomes.addAll(List.of(text.split("\\R")));
      }
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
        body.extraction() == null ? ExtractionMode.FAST : body.extraction(),
        slice,
        body.demanded() == null ? 50 : body.demanded());
  }
}
