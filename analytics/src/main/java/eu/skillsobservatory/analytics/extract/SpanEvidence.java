package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The meaning evidence of a skill in the spans of one and two words of a segment, read in context
 * ({@link TextEmbedder#embedWithSpans}): a skill a few words name ("git", "attention to detail")
 * stands out in its span more than in a whole sentence about other things too.
 */
final class SpanEvidence {
  private SpanEvidence() {}

  /**
   * Skills re-scored with the spans: the best by the whole segments' evidence. Further down the
   * ranking they did not change the first five of the validation sentences (the same figures with
   * 30 as with 60), and each costs a scan of its labels against every span.
   */
  static final int RESCORED = 30;

  /**
   * Gives the best candidates (by {@code score}) their best cosine with the spans of the segment
   * each is closest to and of the one its label was found in ({@link SkillCandidate#spanCosine}).
   *
   * @param texts the segments' texts, which the reads' offsets point into
   * @param coarse the dimensions a first scan of the pairs of span and label reads
   */
  static void score(
      List<String> texts,
      List<TextEmbedder.Read> reads,
      VectorIndex index,
      int coarse,
      Collection<SkillCandidate> candidates,
      ToDoubleFunction<SkillCandidate> score,
      WordForms forms) {
    List<SkillCandidate> best = new ArrayList<>(candidates);
    best.sort(
        Comparator.comparingDouble((SkillCandidate c) -> -score.applyAsDouble(c))
            .thenComparingInt(c -> c.skill));
    float[][][] content = new float[reads.size()][][];
    for (SkillCandidate c : best.subList(0, Math.min(RESCORED, best.size()))) {
      double cos = -1;
      for (int segment : new int[] {c.semanticSegment, c.lexicalSegment}) {
        if (segment >= 0 && segment < reads.size()) {
          if (content[segment] == null) {
            content[segment] = contentSpans(texts.get(segment), reads.get(segment), forms);
          }
          cos = Math.max(cos, index.bestOfSpans(content[segment], c.skill, coarse));
        }
      }
      c.spanCosine = cos;
    }
  }

  /**
   * A segment's spans with a word that is not a stop word ("with", "to the" name no skill); meaning
   * is read in English only.
   */
  static float[][] contentSpans(String text, TextEmbedder.Read read, WordForms forms) {
    List<float[]> out = new ArrayList<>(read.spans().length);
    for (int s = 0; s < read.spans().length; s++) {
      int start = Math.max(0, read.start()[s]);
      int end = Math.min(text.length(), read.end()[s]);
      if (start < end
          && Tokens.of(text.substring(start, end)).stream().anyMatch(t -> !forms.isStop(t, "en"))) {
        out.add(read.spans()[s]);
      }
    }
    return out.toArray(new float[0][]);
  }
}
