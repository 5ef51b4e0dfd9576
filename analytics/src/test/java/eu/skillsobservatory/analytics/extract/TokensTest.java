package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words with their offsets, folded and as written. */
class TokensTest {
  static List<String> words(String text) {
    return Tokens.of(text).stream().map(Tokens.Token::word).toList();
  }

  @Test
  void wordsAreFoldedAndKeepTheirWrittenFormWithAccents() {
    List<Tokens.Token> t = Tokens.of("Údržba strojov, C++ a C#");
    assertThat(t)
        .extracting(Tokens.Token::word)
        .containsExactly("udrzba", "strojov", "c++", "a", "c#");
    assertThat(t)
        .extracting(Tokens.Token::written)
        .containsExactly("údržba", "strojov", "c++", "a", "c#");
    assertThat(t.get(0).start()).isZero();
    assertThat(t.get(0).end()).isEqualTo(6);
    // An ASCII word is one string, folded and written alike.
    assertThat(t.get(1).written()).isSameAs(t.get(1).word());
  }

  @Test
  void anApostropheBelongsToACyrillicWordAndSeparatesElsewhere() {
    assertThat(words("комп'ютерна і м’ясо")).containsExactly("комп'ютерна", "і", "м’ясо");
    assertThat(words("l'informatique légale")).containsExactly("l", "informatique", "legale");
    assertThat(words("кінець' start")).containsExactly("кінець", "start");
  }
}
