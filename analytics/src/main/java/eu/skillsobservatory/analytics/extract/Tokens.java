package eu.skillsobservatory.analytics.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words with their character offsets. A word is a run of letters and digits;
 * trailing {@code +} and {@code #} stay with it ({@code C++}, {@code C#}). Words are folded: lower
 * case, accents removed.
 */
public final class Tokens {
  private Tokens() {}

  /** A word and where it is in the text. */
  public record Token(String word, int start, int end) {}

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
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || isMark(text.charAt(i)))) {
        i++;
      }
      while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#') && i - start < 40) {
        i++;
      }
      out.add(new Token(fold(text.substring(start, i)), start, i));
    }
    return out;
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
