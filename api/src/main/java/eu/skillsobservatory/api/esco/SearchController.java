package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.api.config.EscoSettings;
import eu.skillsobservatory.api.web.Formats;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
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
  @GetMapping("/search")
  public ResponseEntity<?> search(
      @RequestParam String q,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String collection,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    return page(
        esco.search(query(q, lang, type, collection, limit, offset, request)), format, request);
  }

  /** Type-ahead: concepts whose labels start with the words typed so far. */
  @GetMapping("/suggest")
  public ResponseEntity<?> suggest(
      @RequestParam String q,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String collection,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    return page(esco.suggest(query(q, lang, type, collection, limit, 0, request)), format, request);
  }

  /** A page as JSON, or its hits as CSV on {@code Accept: text/csv} or format=csv. */
  private static ResponseEntity<?> page(
      ConceptSearch.Page page, String format, HttpServletRequest request) {
    return Formats.wantsCsv(format, request)
        ? Formats.csv(EscoCsv.hits(page))
        : ResponseEntity.ok(page);
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
