package eu.skillsobservatory.ingest.esco;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read through it, so that progress can follow a compressed file. */
final class CountingInputStream extends FilterInputStream {
  private final Source.ByteCounter counter;

  CountingInputStream(InputStream in, Source.ByteCounter counter) {
    super(in);
    this.counter = counter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counter.add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      counter.add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counter.add(skipped);
    return skipped;
  }
}
