package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.extract.WordForms;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TitleWordsTest {
  @Test
  void anEnglishTitleIsHeadedByItsLastWordBeforeOfOrTo() {
    // Drops a final "s"; stop words: the, of, to, a.
    WordForms forms =
        new WordForms() {
          @Override
          public String stem(String w, String language) {
            return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
          }

          @Override
          public boolean isStopWord(String w, String language) {
            return Set.of("the", "of", "to", "a").contains(w);
          }
        };
    TitleWords coder = new TitleWords(forms);
    assertThat(coder.head("retail sales assistant", "en")).isEqualTo("assistant");
    assertThat(coder.head("Head of Sales", "en")).isEqualTo("head");
    assertThat(coder.head("PA to the CEO", "en")).isEqualTo("pa");
    assertThat(coder.head("painter & decorator", "en")).isEqualTo("decorator");
    assertThat(coder.head("accounts payable clerks", "en")).isEqualTo("clerk");
    // Other languages put the head elsewhere: no head rule.
    assertThat(coder.head("administrateur de la sécurité", "fr")).isEmpty();
  }
}
