package eu.skillsobservatory.api.extract;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.config.EscoSettings;
import eu.skillsobservatory.api.config.RequestSettings;
import eu.skillsobservatory.api.web.ExpensiveReads;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/extract}: ESCO skills in a text, best first, each with the span it came from.
 */
@RestController
public class ExtractController {
  private final ExtractionService extraction;
  private final EscoSettings settings;
  private final ExpensiveReads expensive;
  private final int maxFullText;

  public ExtractController(
      ExtractionService extraction,
      EscoSettings settings,
      ExpensiveReads expensive,
      RequestSettings.Extraction limits) {
    this.extraction = extraction;
    this.settings = settings;
    this.expensive = expensive;
    this.maxFullText = limits.maxFullText();
  }

  /**
   * What to extract from.
   *
   * @param text the text (at most 10,000,000 characters)
   * @param lang its language (default: the configured default language)
   * @param top how many skills (1 to 1000, default 10)
   * @param mode {@code full} (default) or {@code fast}
   * @param escoVersion the ESCO version (default: the current one)
   */
  public record ExtractRequest(
      @NotNull @Size(max = 10_000_000) String text,
      String lang,
      @Min(1) @Max(1000) Integer top,
      ExtractionMode mode,
      String escoVersion) {}

  @PostMapping("/api/extract")
  public Extraction extract(@RequestBody @Valid ExtractRequest request) {
    ExtractionMode mode = request.mode() == null ? ExtractionMode.FULL : request.mode();
    if (mode == ExtractionMode.FULL && request.text().length() > maxFullText) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "text: %,d characters; full mode reads at most %,d in one request"
                  + " (observatory.extraction.max-full-text): split the text, or use mode=fast",
              request.text().length(),
              maxFullText));
    }
    Supplier<Extraction> work =
        () ->
            extraction.extract(
                request.text(),
                request.lang() == null || request.lang().isBlank()
                    ? settings.defaultLanguage()
                    : request.lang(),
                mode,
                request.top() == null ? 10 : request.top(),
                Optional.ofNullable(request.escoVersion()).map(EscoVersion::parse));
    return mode == ExtractionMode.FULL
        ? expensive.run(ExpensiveReads.Kind.FULL_EXTRACTION, work)
        : work.get();
  }
}
