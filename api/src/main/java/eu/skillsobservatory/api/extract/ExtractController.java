package eu.skillsobservatory.api.extract;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.api.config.EscoSettings;
import java.util.Optional;
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

  public ExtractController(ExtractionService extraction, EscoSettings settings) {
    this.extraction = extraction;
    this.settings = settings;
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
      String text, String lang, Integer top, String mode, String escoVersion) {}

  @PostMapping("/api/extract")
  public Extraction extract(@RequestBody ExtractRequest request) {
    if (request.text() == null) {
      throw new IllegalArgumentException("text: missing");
    }
    return extraction.extract(
        request.text(),
        request.lang() == null || request.lang().isBlank()
            ? settings.defaultLanguage()
            : request.lang(),
        request.mode() == null ? ExtractionMode.FULL : ExtractionMode.parse(request.mode()),
        request.top() == null ? 10 : request.top(),
        Optional.ofNullable(request.escoVersion()).map(EscoVersion::parse));
  }
}
