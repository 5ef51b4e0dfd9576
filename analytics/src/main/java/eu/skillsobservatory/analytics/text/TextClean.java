package eu.skillsobservatory.analytics.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Cleans text as it occurs in the real ESCO files and in vacancy data: invisible characters (zero
 * width space, soft hyphen, byte order mark), no-break spaces, UTF-8 that was decoded as Latin-1
 * ({@code â\u0080\u0099} for a right quote), stray spaces. The result is in Unicode NFC.
 */
public final class TextClean {

  private TextClean() {}

  /** A label: one line, single spaces, no leading or trailing space. */
  public static String label(String raw) {
    if (raw == null) {
      return "";
    }
    if (isCleanLabel(raw)) {
      return raw;
    }
    String s = common(raw);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A form for comparing labels and words: lower case, accents removed, every run of characters
   * that are neither letters nor digits made one space. {@code "Réparer les MOTEURS!"} becomes
   * {@code "reparer les moteurs"}.
   */
  public static String fold(String raw) {
    if (raw == null) {
      return "";
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(Character.toLowerCase(c));
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /** A longer text such as a description: line breaks kept, each line trimmed at its end. */
  public static String text(String raw) {
    if (raw == null) {
      return "";
    }
    if (isCleanText(raw)) {
      return raw;
    }
    String s = common(raw).replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.stripTrailing());
    }
    return out.toString().strip();
  }

  /** Printable ASCII, single inner spaces, no space at either end: nothing to do. */
  private static boolean isCleanLabel(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return n == 0;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || (c == ' ' && prev == ' ')) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  /** Printable ASCII and line feeds, no space at either end or before a line feed. */
  private static boolean isCleanText(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) {
      return false;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n') || c > 0x7E || (c == '\n' && prev == ' ')) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  private static String common(String raw) {
    String s = repairMojibake(raw);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {}
        case '\u00A0', '\u2007', '\u202F' -> out.append(' ');
        default -> {
          if (c >= 0x80 && c <= 0x9F) {
            break; // C1 controls left over from bad decoding
          }
          out.append(c);
        }
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * Re-decodes runs of Latin-1 characters that are really UTF-8 bytes ({@code â\u0080\u0099} is
   * U+2019). A run is replaced only if its bytes are valid UTF-8, so real accented text stays.
   */
  static String repairMojibake(String s) {
    int n = s.length();
    StringBuilder out = null;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int len = leadLength(c);
      if (len > 1 && i + len <= n && continuationRun(s, i + 1, len - 1)) {
        byte[] bytes = new byte[len];
        for (int k = 0; k < len; k++) {
          bytes[k] = (byte) s.charAt(i + k);
        }
        String decoded = decodeStrict(bytes);
        if (decoded != null) {
          if (out == null) {
            out = new StringBuilder(n).append(s, 0, i);
          }
          out.append(decoded);
          i += len;
          continue;
        }
      }
      if (out != null) {
        out.append(c);
      }
      i++;
    }
    return out == null ? s : out.toString();
  }

  private static int leadLength(char c) {
    if (c >= 0xC2 && c <= 0xDF) {
      return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      return 4;
    }
    return 1;
  }

  private static boolean continuationRun(String s, int from, int count) {
    for (int k = from; k < from + count; k++) {
      char c = s.charAt(k);
      if (c < 0x80 || c > 0xBF) {
        return false;
      }
    }
    return true;
  }

  private static String decodeStrict(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
