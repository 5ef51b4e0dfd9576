package eu.skillsobservatory.analytics.rows;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that shows every byte it gives to a {@link Meter} before handing it on: the one place
 * where inputs are counted, limited and watched (decompression caps, line limits, kept uploads).
 */
public final class MeteredInput extends FilterInputStream {
  /** Sees the bytes read; throws to stop the read. */
  @FunctionalInterface
  public interface Meter {
    void read(byte[] buf, int off, int n) throws IOException;
  }

  private final Meter meter;
  private final byte[] one = new byte[1];

  public MeteredInput(InputStream in, Meter meter) {
    super(in);
    this.meter = meter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      one[0] = (byte) b;
      meter.read(one, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      meter.read(buf, off, n);
    }
    return n;
  }
}
