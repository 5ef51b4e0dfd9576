package eu.skillsobservatory.analytics.extract;

/**
 * Language knowledge the label matcher needs: a word's stem, and whether a word is a stop word.
 * Words arrive folded (lower case, no accents).
 */
public interface WordForms {
  String stem(String word, String language);

  boolean isStopWord(String word, String language);

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
