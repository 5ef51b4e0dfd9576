package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.analytics.extract.Tokens;
import eu.skillsobservatory.analytics.extract.WordForms;

/**
 * Labels and search text stemmed by the project's own word forms, for the languages Elasticsearch
 * has no analyzer for ({@link EscoIndexMapping#stemmedHere}): each word replaced by its stem, stop
 * words left out, the words joined by spaces. The same function writes the index and reads the
 * query, so an inflected word typed meets the label's dictionary form.
 */
final class LabelStems {
  private final WordForms forms;

  LabelStems(WordForms forms) {
    this.forms = forms;
  }

  /** The stems of {@code text} in {@code language} (a tag such as {@code sk} or {@code pl}). */
  String of(String text, String language) {
    String lang = EscoIndexMapping.primary(language);
    StringBuilder out = new StringBuilder();
    for (Tokens.Token t : Tokens.of(text)) {
      if (forms.isStop(t, lang)) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(forms.stemOf(t, lang));
    }
    return out.toString();
  }
}
