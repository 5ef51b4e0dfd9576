package eu.skillsobservatory.ingest.extract;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans of one and two words of a text, read from a transformer's token states: a span's vector
 * is the mean of its word pieces' states, unit length. Words are the tokenizer's (a run of letters
 * and digits, or one punctuation mark); only words with a letter or digit make spans.
 */
final class TokenSpans {
  private TokenSpans() {}

  static TextEmbedder.Read read(float[] text, float[][] states, Encoding e, String original) {
    long[] wordOf = e.getWordIds();
    CharSpan[] chars = e.getCharTokenSpans();
    // The word pieces of each word, words in order.
    List<int[]> words = new ArrayList<>();
    List<int[]> wordChars = new ArrayList<>();
    long current = -1;
    int first = -1;
    int n = Math.min(wordOf.length, states.length);
    for (int t = 0; t <= n; t++) {
      long w = t < n ? wordOf[t] : -1;
      if (w != current || t == n) {
        if (current >= 0 && first >= 0) {
          addWord(words, wordChars, chars, original, first, t);
        }
        current = w;
        first = w >= 0 ? t : -1;
      }
    }
    int count = Math.min(words.size(), TextEmbedder.MAX_SPAN_WORDS);
    List<float[]> vectors = new ArrayList<>();
    List<int[]> where = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int k = 1; k <= TextEmbedder.SPAN_WORDS && i + k <= count; k++) {
        int from = words.get(i)[0];
        int to = words.get(i + k - 1)[1];
        vectors.add(mean(states, from, to));
        where.add(new int[] {wordChars.get(i)[0], wordChars.get(i + k - 1)[1]});
      }
    }
    int[] start = new int[where.size()];
    int[] end = new int[where.size()];
    for (int i = 0; i < where.size(); i++) {
      start[i] = where.get(i)[0];
      end[i] = where.get(i)[1];
    }
    return new TextEmbedder.Read(text, vectors.toArray(new float[0][]), start, end);
  }

  /** Adds the word of tokens [from, to) when it has a letter or a digit. */
  private static void addWord(
      List<int[]> words, List<int[]> wordChars, CharSpan[] chars, String text, int from, int to) {
    if (chars == null || from >= chars.length || to - 1 >= chars.length) {
      return;
    }
    CharSpan a = chars[from];
    CharSpan b = chars[to - 1];
    if (a == null || b == null) {
      return;
    }
    int start = a.getStart();
    int end = b.getEnd();
    boolean content = false;
    for (int c = Math.max(0, start); c < Math.min(text.length(), end) && !content; c++) {
      content = Character.isLetterOrDigit(text.charAt(c));
    }
    if (content) {
      words.add(new int[] {from, to});
      wordChars.add(new int[] {start, end});
    }
  }

  private static float[] mean(float[][] states, int from, int to) {
    float[] v = new float[states[from].length];
    for (int t = from; t < to; t++) {
      for (int d = 0; d < v.length; d++) {
        v[d] += states[t][d];
      }
    }
    return OnnxTextEmbedder.unit(v);
  }
}
