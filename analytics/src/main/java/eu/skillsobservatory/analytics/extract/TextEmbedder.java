package eu.skillsobservatory.analytics.extract;

import java.util.List;

/**
 * A sentence-embedding model: texts to unit-length vectors whose dot product is their cosine
 * similarity. Implementations run in-process.
 */
public interface TextEmbedder {
  /** Names the model and its settings; vectors made by different models never mix. */
  String model();

  int dimension();

  /**
   * The leading dimensions that rank well enough on their own to choose the candidates of a vector
   * search, which the rest then re-rank: the first model's share of an ensemble; all by default.
   */
  default int coarseDimension() {
    return dimension();
  }

  /** One unit vector per text, in order. */
  float[][] embed(List<String> texts);
}
