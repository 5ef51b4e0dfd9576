package eu.skillsobservatory.ingest.rows;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Adverts as feeds give them carry HTML: list items, line breaks, entities ({@code &amp;}), inline
 * styles. A text that holds markup becomes the text a reader sees: tags dropped, entities decoded,
 * script and style left out, each paragraph, line break and heading on a line of its own, each list
 * item on its own line after a dash; runs of spaces made one. Text without markup is left as it is.
 * Spans found later point into the text this gives, which is what is stored.
 */
public final class AdvertMarkup {
  private AdvertMarkup() {}

  /**
   * A tag ({@code <li>}, {@code </p>}, {@code <br/>}) or an entity ({@code &amp;}, {@code &#39;}).
   */
  private static final Pattern MARKUP =
      Pattern.compile(
          "<(/?[a-zA-Z][a-zA-Z0-9]*)(\\s[^<>]*)?/?>|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "ul",
          "ol",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "hr");

  private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript");

  /** The row's fields, those named made text where they hold markup. */
  public static Map<String, String> asText(Map<String, String> fields, String... names) {
    Map<String, String> out = null;
    for (String name : names) {
      String v = fields.get(name);
      if (hasMarkup(v)) {
        if (out == null) {
          out = new HashMap<>(fields);
        }
        out.put(name, text(v));
      }
    }
    return out == null ? fields : out;
  }

  /** Whether the text holds a tag or an entity. */
  public static boolean hasMarkup(String text) {
    return text != null
        && text.indexOf('<') + text.indexOf('&') > -2
        && MARKUP.matcher(text).find();
  }

  /** The text a reader of the markup sees; the text itself when it holds none. */
  public static String text(String raw) {
    if (!hasMarkup(raw)) {
      return raw;
    }
    Element body = Jsoup.parseBodyFragment(raw).body();
    StringBuilder out = new StringBuilder(raw.length());
    NodeTraversor.traverse(
        new NodeVisitor() {
          int skipping;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (SKIPPED.contains(tag)) {
                skipping++;
              } else if (tag.equals("li")) {
                newLine(out);
                out.append("- ");
              } else if (BLOCKS.contains(tag)) {
                newLine(out);
              } else if (tag.equals("td") || tag.equals("th")) {
                space(out);
              }
            } else if (node instanceof TextNode t && skipping == 0) {
              String s = t.text();
              if (!s.isBlank()) {
                if (Character.isWhitespace(s.charAt(0))) {
                  space(out);
                }
                out.append(s.strip());
                if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                  space(out);
                }
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (SKIPPED.contains(tag)) {
                skipping--;
              } else if (BLOCKS.contains(tag)) {
                newLine(out);
              }
            }
          }
        },
        body);
    return out.toString().replace('\u00a0', ' ').strip().replaceAll("[ \\t]+\n", "\n");
  }

  private static void newLine(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    if (end > 0 && out.charAt(end - 1) != '\n') {
      out.append('\n');
    }
  }

  private static void space(StringBuilder out) {
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
      out.append(' ');
    }
  }
}
