package eu.skillsobservatory.analytics.extract;

/**
 * Where in a text a skill was found: character offsets into the text as given, start inclusive, end
 * exclusive (Java {@code String} indices, i.e. UTF-16 code units).
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a span");
    }
  }

  public String of(String text) {
    return text.substring(start, end);
  }
}
