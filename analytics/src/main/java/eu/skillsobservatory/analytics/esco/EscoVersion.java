package eu.skillsobservatory.analytics.esco;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of the ESCO classification, such as {@code v1.1.1}. Versions order by their numeric
 * parts, so {@code v1.10.0} comes after {@code v1.9.2}.
 */
public record EscoVersion(String value) implements Comparable<EscoVersion> {

  private static final Pattern SHAPE = Pattern.compile("v\\d+(\\.\\d+){0,3}");
  private static final Pattern IN_TEXT = Pattern.compile("(?<![A-Za-z0-9])v?(\\d+\\.\\d+\\.\\d+)");

  public EscoVersion {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("an ESCO version looks like v1.1.1, not '" + value + "'");
    }
  }

  /** Accepts {@code v1.1.1} and {@code 1.1.1}. */
  public static EscoVersion parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("an ESCO version looks like v1.1.1, not null");
    }
    String trimmed = text.trim();
    return new EscoVersion(trimmed.startsWith("v") ? trimmed : "v" + trimmed);
  }

  /** The version named in a download's file name, e.g. {@code esco-v1.1.1-classification-en}. */
  public static Optional<EscoVersion> inFileName(String fileName) {
    Matcher m = IN_TEXT.matcher(fileName);
    return m.find() ? Optional.of(new EscoVersion("v" + m.group(1))) : Optional.empty();
  }

  private int[] parts() {
    return Arrays.stream(value.substring(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  @Override
  public int compareTo(EscoVersion other) {
    return Arrays.compare(parts(), other.parts());
  }

  @Override
  public String toString() {
    return value;
  }
}
