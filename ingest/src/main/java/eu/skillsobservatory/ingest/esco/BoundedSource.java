package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.rows.MeteredInput;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.jena.riot.Lang;

/**
 * An ESCO input read within the limits every input file has ({@link RowFiles.Limits#DEFAULT}):
 * bytes once decompressed (absolute, and as a ratio of the compressed bytes), and bytes in one line
 * of the syntaxes read line by line (CSV, N-Triples, N-Quads, Turtle, TriG). A small archive that
 * inflates to gigabytes, or a line with no end, stops the load with the file named, before it can
 * take the heap.
 */
final class BoundedSource {
  private BoundedSource() {}

  /**
   * @param compressedSize the entry's compressed size when known (a zip entry), else -1: the raw
   *     bytes read are then the compressed bytes
   */
  static Source bounded(Source s, long compressedSize, RowFiles.Limits limits) {
    boolean lines =
        s.isCsv()
            || s.rdfLang() == Lang.NTRIPLES
            || s.rdfLang() == Lang.NQUADS
            || s.rdfLang() == Lang.TURTLE
            || s.rdfLang() == Lang.TRIG;
    Source.Opener opener =
        counter -> {
          long[] raw = new long[1];
          InputStream in =
              s.opener()
                  .open(
                      n -> {
                        raw[0] += n;
                        counter.add(n);
                      });
          LongSupplier compressed = compressedSize >= 0 ? () -> compressedSize : () -> raw[0];
          return new MeteredInput(in, new Meter(s.name(), lines, compressed, limits));
        };
    return new Source(s.name(), s.fileName(), s.rdfLang(), s.size(), opener);
  }

  /**
   * Counts one input, and stops with an {@link EscoInputException} naming file, line and setting.
   */
  static final class Meter implements MeteredInput.Meter {
    private final String name;
    private final boolean lines;
    private final LongSupplier compressed;
    private final RowFiles.Limits limits;
    private long inflated;
    private long line = 1;
    private long inLine;

    Meter(String name, boolean lines, LongSupplier compressed, RowFiles.Limits limits) {
      this.name = name;
      this.lines = lines;
      this.compressed = compressed;
      this.limits = limits;
    }

    @Override
    public void read(byte[] buf, int off, int n) throws IOException {
      inflated += n;
      String why = limits.pastInflation(inflated, compressed.getAsLong());
      if (why != null) {
        throw stop(why);
      }
      if (!lines) {
        return;
      }
      for (int i = off; i < off + n; i++) {
        if (buf[i] == '\n') {
          line++;
          inLine = 0;
        } else if (++inLine > limits.maxLine()) {
          throw stop(
              String.format(
                  Locale.ROOT,
                  "a line longer than %,d bytes (observatory.ingest.max-line)",
                  limits.maxLine()));
        }
      }
    }

    /** Thrown as it is: the parsers would wrap an IOException in their own words. */
    private EscoInputException stop(String why) {
      return new EscoInputException(name, "line " + line, why);
    }
  }
}
