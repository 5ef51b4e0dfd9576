package eu.skillsobservatory.ingest.demand;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** How the summary's cells are written: deflated data streams, names as counted strings. */
final class CellCodec {
  private CellCodec() {}

  /** Writes a cell's counts. */
  @FunctionalInterface
  interface Writing {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads a cell's counts. */
  @FunctionalInterface
  interface Reading<T> {
    T read(DataInputStream in) throws IOException;
  }

  static byte[] deflated(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes), 1 << 16))) {
      writing.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static <T> T inflated(byte[] bytes, String what, Reading<T> reading) {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 16))) {
      return reading.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(what + " cannot be read", e);
    }
  }

  static String[] strings(DataInputStream in) throws IOException {
    String[] out = new String[in.readInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = in.readUTF();
    }
    return out;
  }

  static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  /** The index of a name, given the next one if new. */
  static int index(String name, Map<String, Integer> ids, List<String> names) {
    Integer i = ids.get(name);
    if (i == null) {
      i = names.size();
      ids.put(name, i);
      names.add(name);
    }
    return i;
  }
}
