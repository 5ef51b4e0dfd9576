package eu.skillsobservatory.ingest.rows;

import eu.skillsobservatory.analytics.rows.MeteredInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The two guards of an input against bombs: decompressed bytes (absolute and as a ratio of the
 * compressed bytes read), and characters in a line and in a row. Each stops the read with a {@link
 * RowFiles.LimitExceeded} that names the input, the line and the setting, before a line with no end
 * or a small archive that inflates to gigabytes can fill the heap or the disk.
 */
final class BoundedInput {
  private BoundedInput() {}

  /**
   * A decompressing stream that counts what it gives, stopped past the absolute cap or the ratio.
   *
   * @param compressed the compressed bytes read so far (counted by the caller)
   * @param line the line reached, for the message
   */
  static InputStream inflated(
      InputStream in, long[] compressed, RowFiles.Limits limits, String name, LongSupplier line) {
    long[] inflated = new long[1];
    return new MeteredInput(
        in,
        (buf, off, n) -> {
          inflated[0] += n;
          String why = limits.pastInflation(inflated[0], compressed[0]);
          if (why != null) {
            throw new RowFiles.LimitExceeded(
                name + ": line " + Math.max(1, line.getAsLong()) + ": " + why);
          }
        });
  }

  /** Characters, with lines and rows no longer than the limits. */
  static final class Lines extends Reader {
    private final Reader in;
    private final RowFiles.Limits limits;
    private final String name;
    private long line = 1;
    private long inLine;
    private long inRow;
    private LongSupplier rowStart;

    Lines(Reader in, RowFiles.Limits limits, String name) {
      this.in = in;
      this.limits = limits;
      this.name = name;
    }

    /** Rows may span lines from now on (CSV with quoted line breaks): they are bounded apart. */
    void rowsSpanLines(LongSupplier rowStart) {
      this.rowStart = rowStart;
    }

    /** A CSV row ended: the next row starts its own count. */
    void rowEnded() {
      inRow = 0;
    }

    long line() {
      return line;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      for (int i = off; i < off + n; i++) {
        if (buf[i] == '\n') {
          line++;
          inLine = 0;
          if (rowStart == null) {
            inRow = 0;
          }
          continue;
        }
        if (++inLine > limits.maxLine()) {
          throw new RowFiles.LimitExceeded(
              String.format(
                  Locale.ROOT,
                  "%s: line %d: longer than %,d characters (observatory.ingest.max-line)",
                  name,
                  line,
                  limits.maxLine()));
        }
        if (rowStart != null && ++inRow > limits.maxRow()) {
          throw new RowFiles.LimitExceeded(
              String.format(
                  Locale.ROOT,
                  "%s: line %d: a row of more than %,d characters, an unterminated quoted field"
                      + " perhaps (observatory.ingest.max-row)",
                  name,
                  rowStart.getAsLong(),
                  limits.maxRow()));
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
