package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into sentence-like segments with their offsets: at line breaks, bullets, semicolons
 * and sentence ends ({@code . ! ?} followed by a space). Segments longer than a limit are cut at a
 * word boundary, so that no segment is too long for the embedding model.
 */
public final class Segments {
  private Segments() {}

  /** Characters in one segment at most. */
  static final int MAX = 400;

  public record Segment(int start, int end) {
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  public static List<Segment> of(String text) {
    List<Segment> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      boolean cut = i == n;
      if (!cut) {
        char c = text.charAt(i);
        cut =
            c == '\n'
                || c == '\r'
                || c == ';'
                || c == '\u2022'
                || c == '\u00b7'
                || c == '|'
                || ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
        if (!cut && i - start >= MAX && Character.isWhitespace(c)) {
          cut = true;
        }
      }
      if (cut) {
        add(text, start, i, out);
        start = i + 1;
      }
    }
    return out;
  }

  private static void add(String text, int start, int end, List<Segment> out) {
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Segment(start, end));
    }
  }
}
