package eu.skillsobservatory.analytics.esco;

import java.util.Objects;

/** A pointer to an ESCO concept: its URI, and its label in the language asked for. */
public record ConceptRef(String uri, String label) implements Comparable<ConceptRef> {
  public ConceptRef {
    Objects.requireNonNull(uri, "uri");
    label = label == null ? "" : label;
  }

  @Override
  public int compareTo(ConceptRef o) {
    int c = label.compareTo(o.label);
    return c != 0 ? c : uri.compareTo(o.uri);
  }
}
