package eu.skillsobservatory.analytics.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words with their character offsets. A word is a run of letters and digits;
 * trailing {@code +} and {@code #} stay with it ({@code C++}, {@code C#}). Words are folded: lower
 * case, accents removed; each also keeps its written form in lower case, accents kept, which is
 * what stemmers and stop-word lists are made for.
 */
public final class Tokens {
  private Tokens() {}

  /**
   * A word and where it is in the text: {@code word} folded, {@code written} in lower case with its
   * accents (the same instance as {@code word} when the two are equal, as for every ASCII word).
   */
  public record Token(String word, int start, int end, String written) {
    public Token(String word, int start, int end) {
      this(word, start, end, word);
    }
  }

  public static List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n
          && (Character.isLetterOrDigit(text.charAt(i))
              || isMark(text.charAt(i))
              || innerApostrophe(text, i))) {
        i++;
      }
      while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#') && i - start < 40) {
        i++;
      }
      String written = text.substring(start, i).toLowerCase(Locale.ROOT);
      String word = fold(written);
      out.add(new Token(word, start, i, word.equals(written) ? word : written));
    }
    return out;
  }

  /**
   * An apostrophe between two Cyrillic letters belongs to the word, as in Ukrainian ("комп'ютер",
   * "м’ясо"); elsewhere it separates ("l'informatique" is "l" and "informatique").
   */
  private static boolean innerApostrophe(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '’')
        && i > 0
        && i + 1 < text.length()
        && isCyrillic(text.charAt(i - 1))
        && isCyrillic(text.charAt(i + 1));
  }

  private static boolean isCyrillic(char c) {
    return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
  }

  private static boolean isMark(char c) {
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  /** Lower case without accents; plain ASCII takes the quick way. */
  static String fold(String word) {
    boolean ascii = true;
    for (int i = 0; i < word.length() && ascii; i++) {
      ascii = word.charAt(i) < 0x80;
    }
    if (ascii) {
      return word.toLowerCase(Locale.ROOT);
    }
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (!isMark(c) && Character.getType(c) != Character.ENCLOSING_MARK) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
