package eu.skillsobservatory.analytics.extract;

import eu.skillsobservatory.analytics.progress.Progress;

/**
 * The vectors of a skill table's labels, computed once per ESCO version, model and language and
 * kept: computing them for 13,896 skills takes minutes, reading them back a second.
 */
public interface SkillVectorCache {
  /**
   * The vectors of {@code name} made by this embedder, read back when they were kept from the same
   * labels and model, else computed and kept.
   *
   * @param name the ESCO version, as the stem of what is kept
   */
  VectorIndex vectors(
      String name, SkillTable table, TextEmbedder embedder, String language, Progress progress);
}
