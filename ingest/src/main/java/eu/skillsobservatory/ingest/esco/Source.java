package eu.skillsobservatory.ingest.esco;

import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.riot.Lang;

/**
 * One readable input of an ESCO load: a CSV file or an RDF file, plain, in a folder or inside a
 * zip.
 *
 * @param name how messages name it: the path, or {@code archive.zip!/entry}
 * @param fileName the bare file name, which carries the CSV role and language
 * @param rdfLang the RDF syntax, or null for CSV
 * @param size the size the opened stream's {@link Opener#counted} bytes add up to
 * @param opener opens the stream, decompressed
 */
record Source(String name, String fileName, Lang rdfLang, long size, Opener opener) {

  boolean isCsv() {
    return rdfLang == null;
  }

  /** Opens a source; every byte read from the raw input is reported to {@code counter}. */
  @FunctionalInterface
  interface Opener {
    InputStream open(ByteCounter counter) throws IOException;
  }

  /** Receives the number of raw bytes read, for progress. */
  @FunctionalInterface
  interface ByteCounter {
    void add(long bytes);
  }
}
