package eu.skillsobservatory.ingest.esco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.RemoteConcepts;
import eu.skillsobservatory.analytics.esco.RemoteConcepts.RemoteConcept;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.ingest.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ESCO web-service API ({@code https://ec.europa.eu/esco/api}) as a fallback: resolves a
 * concept URI that no loaded version knows (a vacancy coded with a newer ESCO, say) through {@code
 * GET /resource/concept?uri=...&language=...&selectedVersion=...}. Answers are cached, found and
 * not found alike (a miss for an hour, so a concept published later is found again); failures are
 * not cached. Transient failures are retried ({@link RetryingHttp}).
 */
public final class EscoWebService implements RemoteConcepts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MISS_TTL = Duration.ofHours(1);

  private record Key(String uri, String language) {}

  private final URI base;
  private final String selectedVersion;
  private final RetryingHttp http;
  private final Cache<Key, RemoteConcept> found;
  private final Cache<Key, Boolean> missing;
  private final AtomicLong requests = new AtomicLong();

  /**
   * @param base the API's root, {@code https://ec.europa.eu/esco/api}
   * @param selectedVersion the ESCO version to ask for ({@code v1.2.0})
   */
  public EscoWebService(
      URI base, String selectedVersion, RetryingHttp.Settings settings, int cacheSize) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.selectedVersion = selectedVersion;
    this.http = new RetryingHttp("the ESCO web service", settings);
    this.found = Caffeine.newBuilder().maximumSize(cacheSize).build();
    this.missing = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(MISS_TTL).build();
  }

  /**
   * The concept, or empty when the web service does not know it.
   *
   * @throws RemoteServiceException when the web service could not answer
   */
  @Override
  public Optional<RemoteConcept> concept(String uri, String language) {
    Key key = new Key(uri, language);
    RemoteConcept known = found.getIfPresent(key);
    if (known != null) {
      return Optional.of(known);
    }
    if (missing.getIfPresent(key) != null) {
      return Optional.empty();
    }
    Optional<RemoteConcept> c = fetch(uri, language);
    c.ifPresentOrElse(x -> found.put(key, x), () -> missing.put(key, Boolean.TRUE));
    return c;
  }

  /** Requests sent so far (cache hits send none). */
  public long requests() {
    return requests.get();
  }

  private Optional<RemoteConcept> fetch(String uri, String language) {
    URI request =
        base.resolve(
            "resource/concept?uri="
                + URLEncoder.encode(uri, StandardCharsets.UTF_8)
                + "&language="
                + URLEncoder.encode(language, StandardCharsets.UTF_8)
                + "&selectedVersion="
                + URLEncoder.encode(selectedVersion, StandardCharsets.UTF_8));
    requests.incrementAndGet();
    RetryingHttp.Answer a = http.get(request, "application/json,application/hal+json");
    if (a.status() == 404 || a.status() == 400) {
      // 400: the service's BadInputException, for a URI it does not hold in this version.
      return Optional.empty();
    }
    JsonNode body;
    try {
      body = JSON.readTree(a.body());
    } catch (IOException e) {
      throw new RemoteServiceException(
          "the ESCO web service answered " + uri + " with what is not JSON", a.status(), e);
    }
    if (!a.ok()) {
      throw new RemoteServiceException(
          "the ESCO web service answered HTTP "
              + a.status()
              + (body.hasNonNull("message") ? ": " + body.get("message").asText() : ""),
          a.status(),
          null);
    }
    if (!body.hasNonNull("uri") || !uri.equals(body.get("uri").asText())) {
      throw new RemoteServiceException(
          "the ESCO web service answered " + uri + " with another resource or none",
          a.status(),
          null);
    }
    return Optional.of(read(body, language));
  }

  private RemoteConcept read(JsonNode r, String language) {
    String uri = r.get("uri").asText();
    String lang = r.path("preferredLabel").has(language) ? language : "en";
    String label = r.path("preferredLabel").path(lang).asText(r.path("title").asText(""));
    List<String> alt = new ArrayList<>();
    r.path("alternativeLabel").path(lang).forEach(n -> alt.add(n.asText()));
    String description = r.path("description").path(lang).path("literal").asText("");
    JsonNode links = r.path("_links");
    List<ConceptRef> isco = refs(links.path("broaderIscoGroup"));
    List<ConceptRef> broader = new ArrayList<>(refs(links.path("broaderSkill")));
    broader.addAll(refs(links.path("broaderOccupation")));
    broader.addAll(isco);
    return new RemoteConcept(
        uri,
        type(r.path("className").asText(""), uri),
        selectedVersion,
        lang,
        label,
        alt,
        description,
        r.path("code").asText(""),
        isco.isEmpty() ? null : isco.get(0),
        broader,
        refs(links.path("hasEssentialSkill")),
        refs(links.path("hasOptionalSkill")));
  }

  /** A HAL link member: one link object or an array of them. */
  private static List<ConceptRef> refs(JsonNode link) {
    List<ConceptRef> out = new ArrayList<>();
    if (link.isArray()) {
      link.forEach(l -> ref(l, out));
    } else if (link.isObject()) {
      ref(link, out);
    }
    return out;
  }

  private static void ref(JsonNode l, List<ConceptRef> out) {
    String u = l.path("uri").asText("");
    if (!u.isEmpty()) {
      out.add(new ConceptRef(u, l.path("title").asText("")));
    }
  }

  private static ConceptType type(String className, String uri) {
    String c = className.toLowerCase(Locale.ROOT);
    if (c.equals("occupation") || uri.contains("/occupation/")) {
      return ConceptType.OCCUPATION;
    }
    if (c.contains("isco") || uri.contains("/isco/")) {
      return ConceptType.ISCO_GROUP;
    }
    return c.contains("group") ? ConceptType.SKILL_GROUP : ConceptType.SKILL;
  }
}
