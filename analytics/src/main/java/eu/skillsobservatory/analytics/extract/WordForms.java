package eu.skillsobservatory.analytics.extract;

/**
 * Language knowledge the label matcher needs: a word's stem, and whether a word is a stop word.
 * Words arrive in lower case; through {@link #stemOf} and {@link #isStop} with their accents, as
 * the language's stemmer and stop-word list expect them ("údržby", not "udrzby").
 */
public interface WordForms {
  String stem(String word, String language);

  boolean isStopWord(String word, String language);

  /**
   * A token's stem: its written form stemmed, then folded like token words (lower case, no
   * accents), so that a text written without accents still meets a label's dictionary form.
   * English, whose accents are optional ("résumé", "resume"), is stemmed folded.
   */
  default String stemOf(Tokens.Token t, String language) {
    if (isEnglish(language)) {
      return stem(t.word(), language);
    }
    String s = stem(t.written(), language);
    return s.equals(t.written()) ? t.word() : Tokens.fold(s);
  }

  /** English, or a regional English ("en-GB"). */
  static boolean isEnglish(String language) {
    return language.equals("en") || language.startsWith("en-");
  }

  /** Whether a token is a stop word, as written or folded ("že" or "ze"). */
  default boolean isStop(Tokens.Token t, String language) {
    return isStopWord(t.written(), language)
        || (t.written() != t.word() && isStopWord(t.word(), language));
  }

  /** No stemming, no stop words: exact words only. */
  WordForms NONE =
      new WordForms() {
        @Override
        public String stem(String word, String language) {
          return word;
        }

        @Override
        public boolean isStopWord(String word, String language) {
          return false;
        }
      };
}
