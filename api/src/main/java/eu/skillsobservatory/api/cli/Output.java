package eu.skillsobservatory.api.cli;

import java.util.List;
import java.util.Locale;

/** Checks and renders the {@code --format} of a command. */
final class Output {
  private Output() {}

  /** The format in lower case, if it is one of the allowed ones. */
  static String format(String given, String... allowed) {
    String f = given == null ? allowed[0] : given.toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(f)) {
      throw new IllegalArgumentException(
          "--format: one of " + String.join(", ", allowed) + ", not '" + given + "'");
    }
    return f;
  }

  /** A plain aligned table. */
  static String table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header, width);
    for (List<String> row : rows) {
      line(b, row, width);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      b.append(
          i == 0 ? c + " ".repeat(width[i] - c.length()) : " ".repeat(width[i] - c.length()) + c);
      b.append(i < cells.size() - 1 ? "  " : "\n");
    }
  }
}
