package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
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

  /**
   * A text's vector with the vectors of its spans of one word and of two words in a row, each a
   * unit vector, and where each span stands in the text ({@code start} inclusive, {@code end}
   * exclusive, character offsets).
   */
  record Read(float[] text, float[][] spans, int[] start, int[] end) {}

  /** Spans of more words than this are not read. */
  int SPAN_WORDS = 2;

  /** Words of a text whose spans are read, at most: the first ones. */
  int MAX_SPAN_WORDS = 96;

  /**
   * Each text's vector and its word spans' vectors. A model that reads words in context (a
   * transformer's token states) reads the spans from the same pass as the text; this default embeds
   * each span on its own, as a text of its own.
   */
  default List<Read> embedWithSpans(List<String> texts) {
    List<String> all = new ArrayList<>(texts);
    List<int[][]> offsets = new ArrayList<>();
    for (String t : texts) {
      List<Tokens.Token> words = Tokens.of(t);
      int n = Math.min(words.size(), MAX_SPAN_WORDS);
      List<int[]> spans = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int k = 1; k <= SPAN_WORDS && i + k <= n; k++) {
          int start = words.get(i).start();
          int end = words.get(i + k - 1).end();
          spans.add(new int[] {start, end});
          all.add(t.substring(start, end));
        }
      }
      offsets.add(spans.toArray(new int[0][]));
    }
    float[][] vectors = embed(all);
    List<Read> out = new ArrayList<>(texts.size());
    int next = texts.size();
    for (int i = 0; i < texts.size(); i++) {
      int[][] spans = offsets.get(i);
      float[][] v = new float[spans.length][];
      int[] start = new int[spans.length];
      int[] end = new int[spans.length];
      for (int s = 0; s < spans.length; s++) {
        v[s] = vectors[next++];
        start[s] = spans[s][0];
        end[s] = spans[s][1];
      }
      out.add(new Read(vectors[i], v, start, end));
    }
    return out;
  }
}
