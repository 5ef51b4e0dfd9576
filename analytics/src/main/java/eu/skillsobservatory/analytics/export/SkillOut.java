package eu.skillsobservatory.analytics.export;

import java.util.List;
import java.util.Map;

/**
 * A skill of an exported row: its ESCO URI and label, whether the source gave it or extraction
 * found it, and where in the text (field, span and the span's text) it was found.
 *
 * @param score the extractor's score; 1 for a given skill
 * @param field {@code title}, {@code description}, {@code outcomes[N]}; null for a given skill
 * @param start the span's first character in the field, or null
 * @param end the span's end (exclusive), or null
 * @param text the span's text, or null
 */
public record SkillOut(
    String uri,
    String label,
    String origin,
    Double score,
    String field,
    Integer start,
    Integer end,
    String text) {

  /** The skills of a stored document, from its {@code evidence}, labelled. */
  @SuppressWarnings("unchecked")
  static List<SkillOut> of(Map<String, Object> document, Map<String, String> labels) {
    Object evidence = document.get("evidence");
    if (!(evidence instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(e -> (Map<String, Object>) e)
        .map(
            e -> {
              String uri = (String) e.get("uri");
              String field = (String) e.get("field");
              Integer start = number(e.get("start"));
              Integer end = number(e.get("end"));
              return new SkillOut(
                  uri,
                  labels.get(uri),
                  (String) e.get("origin"),
                  e.get("score") instanceof Number n ? n.doubleValue() : null,
                  field,
                  start,
                  end,
                  spanText(document, field, start, end));
            })
        .toList();
  }

  private static Integer number(Object o) {
    return o instanceof Number n && n.intValue() >= 0 ? n.intValue() : null;
  }

  /** The text a span covers: of a field of the document, or of its N-th learning outcome. */
  @SuppressWarnings("unchecked")
  static String spanText(Map<String, Object> document, String field, Integer start, Integer end) {
    if (field == null || start == null || end == null) {
      return null;
    }
    Object text = document.get(field);
    if (field.startsWith("outcomes[") && field.endsWith("]")) {
      try {
        int i = Integer.parseInt(field.substring("outcomes[".length(), field.length() - 1)) - 1;
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) document.get("outcomes");
        text =
            outcomes != null && i >= 0 && i < outcomes.size() ? outcomes.get(i).get("text") : null;
      } catch (NumberFormatException e) {
        text = null;
      }
    }
    if (!(text instanceof String s) || start > end || end > s.length()) {
      return null;
    }
    return s.substring(start, end);
  }
}
