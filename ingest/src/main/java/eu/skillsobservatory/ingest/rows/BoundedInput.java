package eu.skillsobservatory.ingest.rows;

import java.io.FilterInputStream;
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

  /** Ratios are judged once this much was inflated: small files compress in odd ways. */
  static final long RATIO_AFTER = 64L * 1024 * 1024;

  /** A decompressing stream that counts what it gives. */
  static final class Inflated extends FilterInputStream {
    private final long[] compressed;
    private final RowFiles.Limits limits;
    private final String name;
    private final LongSupplier line;
    private long inflated;

    /**
     * @param compressed the compressed bytes read so far (counted by the caller)
     * @param line the line reached, for the message
     */
    Inflated(
        InputStream in, long[] compressed, RowFiles.Limits limits, String name, LongSupplier line) {
      super(in);
      this.compressed = compressed;
      this.limits = limits;
      this.name = name;
      this.line = line;
    }

    private void count(long n) throws IOException {
      inflated += n;
      if (inflated > limits.maxDecompressed()) {
        throw new RowFiles.LimitExceeded(
            String.format(
                Locale.ROOT,
                "%s: %s: decompresses to more than %,d bytes (observatory.ingest.max-decompressed)",
                name,
                where(),
                limits.maxDecompressed()));
      }
      if (inflated > RATIO_AFTER && inflated > limits.maxRatio() * Math.max(1, compressed[0])) {
        throw new RowFiles.LimitExceeded(
            String.format(
                Locale.ROOT,
                "%s: %s: decompresses more than %d times its compressed size, a compression bomb"
                    + " (observatory.ingest.max-compression-ratio)",
                name,
                where(),
                limits.maxRatio()));
      }
    }

    private String where() {
      return "line " + Math.max(1, line.getAsLong());
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }
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
