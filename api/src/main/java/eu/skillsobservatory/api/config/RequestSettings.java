package eu.skillsobservatory.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What one analytics request may ask of the expensive paths. */
public final class RequestSettings {
  private RequestSettings() {}

  /**
   * {@code observatory.extraction.*}.
   *
   * @param maxFullText characters of one text extracted in full mode by {@code POST /api/extract}
   * @param warmUp whether the server prepares full-mode extraction in the background at start
   * @param model the embedding model of full mode: {@code all-minilm-l6-v2-q} or {@code
   *     bge-small-en-v1.5-q}, or both joined by {@code +} (their cosines averaged; the first
   *     chooses the candidates of the vector search). Label vectors are kept per model.
   * @param titleMeaning whether an English job title the occupation labels do not code surely is
   *     matched by meaning too, with the same model (the occupations' label vectors computed once
   *     per ESCO version, when a title first needs them)
   */
  @ConfigurationProperties("observatory.extraction")
  public record Extraction(
      @DefaultValue("200000") int maxFullText,
      @DefaultValue("true") boolean warmUp,
      @DefaultValue("all-minilm-l6-v2-q+bge-small-en-v1.5-q") String model,
      @DefaultValue("true") boolean titleMeaning) {}

  /**
   * {@code observatory.curricula.*}.
   *
   * @param maxOutcomes learning outcomes of one curriculum
   */
  @ConfigurationProperties("observatory.curricula")
  public record Curricula(@DefaultValue("500") int maxOutcomes) {}

  /**
   * {@code observatory.analytics.*}.
   *
   * @param cacheBytes the analytics answers kept in memory, at most this many bytes of JSON in all
   *     (0 keeps none); each kept under the data version it was computed from
   */
  @ConfigurationProperties("observatory.analytics")
  public record Analytics(@DefaultValue("67108864") long cacheBytes) {}
}
