package eu.skillsobservatory.analytics.extract;

import eu.skillsobservatory.analytics.progress.Progress;
import java.util.List;

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

  /**
   * The vectors of other labels (the occupations', say), kept the same way: read back when they
   * were kept from the same texts, owners and model.
   *
   * @param name the stem of what is kept
   * @param texts the labels; the vector of {@code texts[i]} has label id {@code i}
   * @param owner for each label, what it names, from 0 to {@code owners - 1}
   */
  VectorIndex vectors(
      String name,
      List<String> texts,
      int[] owner,
      int owners,
      TextEmbedder embedder,
      Progress progress);
}
