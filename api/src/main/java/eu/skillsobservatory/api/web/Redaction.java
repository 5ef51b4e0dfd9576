package eu.skillsobservatory.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No answer of the API names a path of the server: a path in a message or a report (an uploaded
 * file kept under the home, a rejects file, a store folder) is cut to its last name. URIs are left
 * whole, and so are the API's own paths: a path counts only where it does not follow a letter, a
 * digit, {@code :} or {@code /}.
 */
public final class Redaction {
  private static final Pattern PATH =
      Pattern.compile(
          "(?<![\\w:/.~-])(?!/api/|/sparql|/v3/|/actuator/)(?:~|\\.{1,2})?"
              + "(?:/[^\\s/'\"`,;:()<>\\[\\]{}]+)+");

  private Redaction() {}

  /** The text with every server path cut to its last name. */
  public static String paths(String text) {
    if (text == null || text.indexOf('/') < 0) {
      return text;
    }
    Matcher m = PATH.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String p = m.group();
      String last = p.substring(p.lastIndexOf('/') + 1);
      // A kept request body is named by its job; say what it was.
      String shown = last.endsWith(".body") ? "request body" : last;
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }
}
