package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a text that describe the job: its {@link Segments} without boilerplate (pay,
 * benefits, company blurbs, how to apply: {@link Boilerplate}), and without the list under a
 * boilerplate heading ("We offer:", "Benefits", "About us"), whose items name perks, not skills.
 */
public final class JobSegments {
  private JobSegments() {}

  public static List<Segments.Segment> of(String text) {
    List<Segments.Segment> out = new ArrayList<>();
    boolean inBoilerplateList = false;
    for (Segments.Segment s : Segments.of(text)) {
      String part = s.of(text);
      if (Boilerplate.isSectionHeading(part)) {
        inBoilerplateList = true;
        continue;
      }
      if (inBoilerplateList && listItem(text, s)) {
        continue;
      }
      inBoilerplateList = false;
      if (!Boilerplate.is(part)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether a segment is an item of a list: a dash, bullet or star before it on its line. */
  static boolean listItem(String text, Segments.Segment s) {
    for (int i = s.start() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return false;
      }
      if (c == '-' || c == '*' || c == '\u2022' || c == '\u00b7' || c == '\u2013') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return false;
  }
}
