package eu.skillsobservatory.analytics.rows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of held rows, each as its stored document, in the order of source then id.
 *
 * @param documents the rows of this page
 * @param more whether rows follow this page
 */
public record HeldPage(List<Map<String, Object>> documents, boolean more) {
  public HeldPage {
    documents = List.copyOf(documents);
  }

  /** The key of the page's last row, where the next page starts; empty when none follows. */
  public Optional<HeldKey> next() {
    if (!more || documents.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> last = documents.get(documents.size() - 1);
    return Optional.of(
        new HeldKey(String.valueOf(last.get("source")), String.valueOf(last.get("id"))));
  }
}
