package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes the cells of a series summary being built into its index, in bulks. */
final class SeriesCellWrites {
  private final SearchConnection connection;
  private final String index;

  /** Bulk requests sent. */
  int bulks;

  SeriesCellWrites(SearchConnection connection, String index) {
    this.connection = connection;
    this.index = index;
  }

  /** Cells waiting to be written, and their size. */
  private final List<BulkOperation> pending = new ArrayList<>();

  private long pendingBytes;

  /** Cells are written in bulks of about this many bytes. */
  private static final long BULK_BYTES = 8L << 20;

  void write(String section, String country, String datasetKind, SeriesCell.Builder cell)
      throws IOException {
    int bar = datasetKind.lastIndexOf('|');
    Map<String, Object> doc = new HashMap<>();
    doc.put("kind", "cell");
    doc.put("section", section);
    doc.put("country", country);
    doc.put("dataset", datasetKind.substring(0, bar));
    doc.put("duplicate", datasetKind.substring(bar + 1));
    String counts = Base64.getEncoder().encodeToString(cell.encode());
    doc.put("counts", counts);
    String totals = Base64.getEncoder().encodeToString(cell.demand.encodeTotals());
    String skills = Base64.getEncoder().encodeToString(cell.demand.encodeSkills());
    doc.put(SeriesSummary.TOTALS, totals);
    doc.put(SeriesSummary.SKILLS, skills);
    String id = section + "|" + country + "|" + datasetKind;
    pending.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(id).document(doc))));
    pendingBytes += counts.length() + totals.length() + skills.length() + 200;
    if (pendingBytes >= BULK_BYTES) {
      flush();
    }
  }

  /** Writes the cells waiting; any cell refused fails the build. */
  void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<BulkOperation> ops = List.copyOf(pending);
    pending.clear();
    pendingBytes = 0;
    bulks++;
    BulkResponse r =
        connection.withRetries(
            "writing the skill summary", () -> connection.client().bulk(b -> b.operations(ops)));
    if (r.errors()) {
      for (BulkResponseItem item : r.items()) {
        if (item.error() != null) {
          throw new SearchStoreException(
              "writing the skill summary failed for " + item.id() + ": " + item.error().reason());
        }
      }
    }
  }
}
