package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concept documents of one load of a version, kept in a file beside the TDB2 data once read:
 * TDB2 reads each label and description from its node file by a seek and a read (about 6 s for the
 * shipped v1.1.1, one core, however many threads ask), the file in a fraction of a second. A load
 * writes a graph of a new name and never changes it, so the graph's name is the file's key: a
 * version loaded again is read from the store again. A file is used only whole: its count and
 * checksum are checked before a document is handed on; one that fails is removed.
 */
final class DocumentFile {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentFile.class);
  private static final int MAGIC = 0x534f4431; // "SOD1"
  private static final String SUFFIX = ".documents.gz";

  private final Path dir;

  DocumentFile(Path dir) {
    this.dir = dir;
  }

  /**
   * Hands on every document kept for {@code graph}; false, having handed on none, if none is kept
   * whole. A file that passed the check and then fails to read (a disk error) is removed and the
   * read fails: some documents were handed on already.
   */
  boolean read(Node graph, Consumer<ConceptDocument> action) {
    Path file = fileOf(graph);
    try {
      if (!whole(file, graph)) {
        return false;
      }
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      LOG.warn(
          "ESCO documents kept in {} cannot be read ({}); reading the store", file, e.getMessage());
      delete(file);
      return false;
    }
    try (DataInputStream in = open(file)) {
      in.readInt();
      in.readUTF();
      while (in.readBoolean()) {
        action.accept(document(in));
      }
      return true;
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(
          "the ESCO documents kept in " + file + " failed to read after their check (removed)", e);
    }
  }

  /** True if the file holds what its header and trailer say; removes it if it does not. */
  private boolean whole(Path file, Node graph) throws IOException {
    CRC32 crc = new CRC32();
    try (DataInputStream in = new DataInputStream(new CheckedInputStream(open(file), crc))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(graph.getURI())) {
        delete(file);
        return false;
      }
      int n = 0;
      while (in.readBoolean()) {
        document(in);
        n++;
      }
      if (in.readInt() != n) {
        throw new IOException("count differs");
      }
      long sum = crc.getValue();
      if (in.readLong() != sum) {
        throw new IOException("checksum differs");
      }
      return true;
    } catch (EOFException e) {
      throw new IOException("cut short", e);
    } catch (RuntimeException e) {
      throw new IOException("damaged: " + e, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /** Starts keeping the documents of {@code graph}; null when the folder cannot be written. */
  Writer writer(Node graph) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "writing-", ".tmp");
      try {
        return new Writer(graph, tmp);
      } catch (IOException e) {
        delete(tmp);
        throw e;
      }
    } catch (IOException e) {
      LOG.warn("ESCO documents cannot be kept in {}: {}", dir, e.getMessage());
      return null;
    }
  }

  /**
   * Documents written to a temporary file as they come, which becomes the graph's file when all are
   * in; a failure to write only stops the keeping.
   */
  final class Writer {
    private final Node graph;
    private final Path tmp;
    private final CRC32 crc = new CRC32();
    private DataOutputStream out;
    private int count;

    private Writer(Node graph, Path tmp) throws IOException {
      this.graph = graph;
      this.tmp = tmp;
      out =
          new DataOutputStream(
              new CheckedOutputStream(
                  new BufferedOutputStream(
                      new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)),
                  crc));
      out.writeInt(MAGIC);
      out.writeUTF(graph.getURI());
    }

    void add(ConceptDocument d) {
      if (out == null) {
        return;
      }
      try {
        out.writeBoolean(true);
        write(out, d);
        count++;
      } catch (IOException e) {
        LOG.warn("ESCO documents cannot be kept in {}: {}", dir, e.getMessage());
        abort();
      }
    }

    /** Puts the file in place: all of the graph's documents were added. */
    void commit() {
      if (out == null) {
        return;
      }
      try {
        out.writeBoolean(false);
        out.writeInt(count);
        out.flush();
        long sum = crc.getValue();
        out.writeLong(sum);
        out.close();
        out = null;
        Path file = fileOf(graph);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOthers(file);
        LOG.info("ESCO documents kept for later reads: {} in {}", count, file);
      } catch (IOException e) {
        LOG.warn("ESCO documents cannot be kept in {}: {}", dir, e.getMessage());
        abort();
      }
    }

    /** Drops what was written. */
    void abort() {
      try {
        if (out != null) {
          out.close();
        }
      } catch (IOException e) {
        // the file is removed below
      } finally {
        out = null;
        delete(tmp);
      }
    }
  }

  /**
   * Files of graphs no longer loaded (a load replaces a version's graph by one of a new name), and
   * what writers killed midway left behind (not touched for ten minutes: a writer still running
   * writes all the time).
   */
  private void removeOthers(Path keep) throws IOException {
    Instant stale = Instant.now().minus(Duration.ofMinutes(10));
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(
              f ->
                  (f.getFileName().toString().endsWith(SUFFIX)
                          && !f.equals(keep)
                          && sameVersion(f, keep))
                      || (f.getFileName().toString().startsWith("writing-") && olderThan(f, stale)))
          .forEach(DocumentFile::delete);
    }
  }

  private static boolean olderThan(Path f, Instant t) {
    try {
      return Files.getLastModifiedTime(f).toInstant().isBefore(t);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameVersion(Path a, Path b) {
    String x = a.getFileName().toString();
    String y = b.getFileName().toString();
    int i = x.indexOf("_load-");
    int j = y.indexOf("_load-");
    return i > 0 && j > 0 && x.substring(0, i).equals(y.substring(0, j));
  }

  Path fileOf(Node graph) {
    String name = graph.getURI().replaceAll("^.*/", "").replaceAll("[^A-Za-z0-9.-]", "_");
    return dir.resolve(name + "-" + Integer.toHexString(graph.getURI().hashCode()) + SUFFIX);
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", f, e.getMessage());
    }
  }

  private static void write(DataOutputStream out, ConceptDocument d) throws IOException {
    text(out, d.uri());
    out.writeByte(d.type().ordinal());
    out.writeInt(d.labels().size());
    for (Map.Entry<String, ConceptDocument.Labels> e : d.labels().entrySet()) {
      text(out, e.getKey());
      ConceptDocument.Labels l = e.getValue();
      text(out, l.preferred());
      texts(out, l.alternative());
      texts(out, l.hidden());
      text(out, l.description());
    }
    texts(out, d.collections());
    text(out, d.skillType());
    text(out, d.reuseLevel());
    text(out, d.code());
    text(out, d.iscoGroup());
  }

  private static ConceptDocument document(DataInputStream in) throws IOException {
    String uri = text(in);
    int t = in.readByte();
    if (t < 0 || t >= ConceptType.values().length) {
      throw new IOException("bad concept type " + t);
    }
    ConceptType type = ConceptType.values()[t];
    int languages = in.readInt();
    Map<String, ConceptDocument.Labels> labels = new HashMap<>();
    for (int i = 0; i < languages; i++) {
      String lang = text(in);
      labels.put(lang, new ConceptDocument.Labels(text(in), texts(in), texts(in), text(in)));
    }
    return new ConceptDocument(
        uri, type, labels, texts(in), text(in), text(in), text(in), text(in));
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < -1) {
      throw new IOException("bad length " + n);
    }
    return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void texts(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      text(out, s);
    }
  }

  private static List<String> texts(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad count " + n);
    }
    List<String> out = new ArrayList<>(Math.min(n, 64));
    for (int i = 0; i < n; i++) {
      out.add(text(in));
    }
    return out;
  }
}
