package eu.skillsobservatory.api.esco;

import static eu.skillsobservatory.api.web.Formats.CSV;
import static eu.skillsobservatory.api.web.Formats.JSON;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.api.config.EscoSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ESCO search and type-ahead over the current version. */
@RestController
@RequestMapping("/api/esco")
public class SearchController {
  private final EscoService esco;
  private final EscoSettings settings;

  public SearchController(EscoService esco, EscoSettings settings) {
    this.esco = esco;
    this.settings = settings;
  }

  /** Typo-tolerant search over preferred, alternative and hidden labels. */
  @GetMapping(
      value = "/search",
      produces = {JSON, CSV})
  public ConceptSearch.Page search(
      @RequestParam String q,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String collection,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset,
      HttpServletRequest request) {
    return esco.search(
        query(q, lang == null ? language : lang, type, collection, limit, offset, request));
  }

  /** Type-ahead: concepts whose labels start with the words typed so far. */
  @GetMapping(
      value = "/suggest",
      produces = {JSON, CSV})
  public ConceptSearch.Page suggest(
      @RequestParam String q,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String collection,
      @RequestParam(defaultValue = "10") int limit,
      HttpServletRequest request) {
    return esco.suggest(
        query(q, lang == null ? language : lang, type, collection, limit, 0, request));
  }

  private ConceptSearch.Query query(
      String q,
      String lang,
      String type,
      String collection,
      int limit,
      int offset,
      HttpServletRequest request) {
    return new ConceptSearch.Query(
        q,
        Languages.of(lang, request, settings.defaultLanguage()),
        type == null || type.isBlank()
            ? Optional.empty()
            : Optional.of(ConceptType.fromLabel(type)),
        collection == null || collection.isBlank()
            ? Optional.empty()
            : Optional.of(collection.toLowerCase(Locale.ROOT)),
        limit,
        offset);
  }
}
