package eu.skillsobservatory.api.esco;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.config.EscoSettings;
import eu.skillsobservatory.api.web.Redaction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ESCO as loaded: versions, one concept, and what changed between two versions. */
@RestController
@RequestMapping("/api/esco")
public class EscoController {
  private final EscoService esco;
  private final EscoSettings settings;

  public EscoController(EscoService esco, EscoSettings settings) {
    this.esco = esco;
    this.settings = settings;
  }

  /** Every loaded ESCO version with its counts; CSV on {@code Accept: text/csv} or format=csv. */
  @GetMapping(
      value = "/versions",
      produces = {JSON, CSV})
  public List<VersionSummary> versions() {
    // The files a version was loaded from, by their names: no answer names a server path.
    return esco.versions().stream().map(v -> v.withSources(Redaction::paths)).toList();
  }

  /**
   * One concept by its ESCO URI, with labels in {@code lang} (or Accept-Language), else English.
   */
  @GetMapping("/concepts")
  public Concept concept(
      @RequestParam String uri,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String selectedVersion,
      HttpServletRequest request) {
    return esco.concept(
        uri,
        language(lang == null ? language : lang, request),
        optionalVersion(version == null ? selectedVersion : version));
  }

  /** Preferred labels of concepts in a language, and the language and version they are of. */
  public record Labels(String language, Map<String, String> labels) {}

  /**
   * The preferred labels of up to 200 concepts of the current version in {@code lang} (or
   * Accept-Language, else English): concepts without a label in that language get the English one,
   * URIs the version does not hold are left out.
   */
  @GetMapping("/labels")
  public Labels labels(
      @RequestParam List<String> uri,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String language,
      HttpServletRequest request) {
    String l = language(lang == null ? language : lang, request);
    return new Labels(l, esco.labels(uri, l));
  }

  /** Concepts added, removed and relabelled, and occupation-skill links added and removed. */
  @GetMapping(
      value = "/diff",
      produces = {JSON, CSV})
  public VersionDiff diff(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String language,
      HttpServletRequest request) {
    return esco.diff(
        EscoVersion.parse(from),
        EscoVersion.parse(to),
        language(lang == null ? language : lang, request));
  }

  private String language(String lang, HttpServletRequest request) {
    return Languages.of(lang, request, settings.defaultLanguage());
  }

  private static Optional<EscoVersion> optionalVersion(String version) {
    return version == null || version.isBlank()
        ? Optional.empty()
        : Optional.of(EscoVersion.parse(version));
  }
}
