package eu.skillsobservatory.analytics.rows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of held rows (vacancies, training offers) ends: its last row's source and id. Rows
 * are read in the order of source then id, which a load never changes (a row loaded again keeps its
 * key), so reading page after page gives every row held throughout exactly once, however many loads
 * run meanwhile. Given to clients as an opaque cursor.
 */
public record HeldKey(String source, String id) {
  private static final String MARK = "k1";

  public HeldKey {
    if (source == null || id == null) {
      throw new IllegalArgumentException("a held row's key has a source and an id");
    }
  }

  /** The cursor a client sends back for the page after this row. */
  public String cursor() {
    String plain = MARK + '\n' + source + '\n' + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a cursor stands for.
   *
   * @throws IllegalArgumentException naming the parameter, when it is not a cursor this gave
   */
  public static HeldKey ofCursor(String cursor) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw notACursor(cursor, e);
    }
    String[] parts = plain.split("\n", 3);
    if (parts.length != 3 || !parts[0].equals(MARK)) {
      throw notACursor(cursor, null);
    }
    return new HeldKey(parts[1], parts[2]);
  }

  private static IllegalArgumentException notACursor(String cursor, Exception cause) {
    String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor;
    return new IllegalArgumentException(
        "cursor: not a cursor this API gave ('" + shown + "'); start again without one", cause);
  }
}
