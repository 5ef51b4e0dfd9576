package eu.skillsobservatory.ingest.offer;

import com.fasterxml.jackson.databind.JsonNode;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferRules;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowReader;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.ingest.rows.AdvertMarkup;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads training offer files through {@link RowFiles}: the flat schema ({@code
 * src/docs/offer-schema.md}) as CSV or JSON Lines, and European Learning Model v3 JSON-LD ({@link
 * ElmOffers}), one document per file or per line; plain or gzipped, told by the content.
 */
public final class OfferFiles {
  private OfferFiles() {}

  public static final RowFiles.Schema<Offer> SCHEMA =
      new RowFiles.Schema<>() {
        private final Set<String> fields = Set.copyOf(OfferRules.FIELDS);

        @Override
        public String what() {
          return "training offers";
        }

        @Override
        public Set<String> fields() {
          return fields;
        }

        @Override
        public Set<String> lists() {
          return OfferRules.LISTS;
        }

        @Override
        public RowFiles.Result<Offer> apply(
            Map<String, String> fields,
            Map<String, List<String>> lists,
            String defaultSource,
            long line) {
          OfferRules.Result r =
              OfferRules.apply(
                  AdvertMarkup.asText(fields, "title", "description"),
                  lists,
                  null,
                  defaultSource,
                  line,
                  "rows");
          return new RowFiles.Result<>(r.offer(), r.problems());
        }

        @Override
        public boolean isDocument(JsonNode node) {
          return ElmOffers.isDocument(node);
        }

        @Override
        public List<RowFiles.Result<Offer>> document(
            JsonNode node, String defaultSource, long line) {
          return ElmOffers.read(node, defaultSource, line);
        }

        @Override
        public boolean readsDocuments() {
          return true;
        }
      };

  public static ReadReport read(Path file, RowSink<Offer> sink, Progress progress) {
    return RowFiles.read(file, SCHEMA, sink, progress);
  }

  public static ReadReport read(
      InputStream in, String name, String defaultSource, RowSink<Offer> sink, Progress progress) {
    return RowFiles.read(in, name, defaultSource, -1, SCHEMA, sink, progress);
  }

  /** A reader of training offer rows within these limits. */
  public static RowReader<Offer> reader(RowFiles.Limits limits) {
    return RowFiles.reader(SCHEMA, limits);
  }
}
