package eu.skillsobservatory.analytics.extract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Guesses the language of a text among candidate languages by its stop words ("the", "und",
 * "les"...) among the first 300 words: the language with most of them, when it has at least three
 * and twice as many as the runner-up, or when it is the only one with any. Neighbouring languages
 * share many function words (Croatian and Slovenian "je", "da", "za"; Slovak and Czech "a", "na",
 * "sa"), so with more evidence a smaller lead is enough: from {@value #WELL_ATTESTED} stop words
 * on, a lead of a quarter of them (at least four).
 */
public final class LanguageGuess {
  private static final int WORDS = 300;
  private static final int WELL_ATTESTED = 12;

  private LanguageGuess() {}

  public static Optional<String> of(String text, Collection<String> candidates, WordForms forms) {
    List<Tokens.Token> tokens = Tokens.of(text.length() > 6_000 ? text.substring(0, 6_000) : text);
    List<Tokens.Token> sample = tokens.subList(0, Math.min(WORDS, tokens.size()));
    String best = null;
    int bestCount = 0;
    int second = 0;
    for (String lang : candidates) {
      int n = 0;
      for (Tokens.Token t : sample) {
        if (forms.isStop(t, lang)) {
          n++;
        }
      }
      if (n > bestCount) {
        second = bestCount;
        bestCount = n;
        best = lang;
      } else if (n > second) {
        second = n;
      }
    }
    int lead = bestCount - second;
    boolean clear =
        bestCount >= 3
            ? bestCount >= 2 * second
                || (bestCount >= WELL_ATTESTED && lead >= Math.max(4, bestCount / 4))
            : bestCount > 0 && second == 0;
    return clear ? Optional.of(best) : Optional.empty();
  }
}
