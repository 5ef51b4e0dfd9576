package eu.skillsobservatory.ingest.demand;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one cell of the series summary (a NACE section, a country, a dataset, originals or
 * duplicates): postings per month and source, and mentions of each skill per month and source. Kept
 * as one compressed byte string; read back into flat arrays, never into a map per count.
 */
final class SeriesCell {
  final String[] months;
  final String[] sources;

  /** Postings: month index, source index, count; one entry per (month, source) with postings. */
  final short[] postingMonth;

  final short[] postingSource;
  final long[] postingCount;
  final String[] skills;

  /** The entries of skill {@code i} are {@code skillStart[i]} to {@code skillStart[i + 1]}. */
  final int[] skillStart;

  final short[] month;
  final short[] source;
  final int[] count;

  private SeriesCell(
      String[] months,
      String[] sources,
      short[] postingMonth,
      short[] postingSource,
      long[] postingCount,
      String[] skills,
      int[] skillStart,
      short[] month,
      short[] source,
      int[] count) {
    this.months = months;
    this.sources = sources;
    this.postingMonth = postingMonth;
    this.postingSource = postingSource;
    this.postingCount = postingCount;
    this.skills = skills;
    this.skillStart = skillStart;
    this.month = month;
    this.source = source;
    this.count = count;
  }

  static SeriesCell decode(byte[] bytes) {
    return CellCodec.inflated(bytes, "a cell of the series summary", SeriesCell::read);
  }

  private static SeriesCell read(DataInputStream in) throws IOException {
    String[] months = CellCodec.strings(in);
    String[] sources = CellCodec.strings(in);
    int np = in.readInt();
    short[] pm = new short[np];
    short[] ps = new short[np];
    long[] pc = new long[np];
    for (int i = 0; i < np; i++) {
      pm[i] = in.readShort();
      ps[i] = in.readShort();
      pc[i] = in.readLong();
    }
    String[] skills = CellCodec.strings(in);
    int[] start = new int[skills.length + 1];
    for (int i = 0; i < skills.length; i++) {
      start[i + 1] = start[i] + in.readInt();
    }
    int n = start[skills.length];
    short[] m = new short[n];
    short[] s = new short[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      m[i] = in.readShort();
      s[i] = in.readShort();
      c[i] = in.readInt();
    }
    return new SeriesCell(months, sources, pm, ps, pc, skills, start, m, s, c);
  }

  /**
   * Counts added up, then written as a cell: postings and mentions keyed by month and source, the
   * mentions by skill too, all in one table of primitive longs (no object per count).
   */
  static final class Builder {
    private final Map<String, Integer> months = new HashMap<>();
    private final Map<String, Integer> sources = new HashMap<>();
    private final Map<String, Integer> skills = new HashMap<>();
    private final List<String> monthNames = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();
    private final List<String> skillNames = new ArrayList<>();
    private final CountTable postings = new CountTable(64);
    private final CountTable mentions = new CountTable(1_024);

    /** The same cell's counts for demand answers. */
    final DemandCell.Builder demand = new DemandCell.Builder();

    private long key(String month, String source) {
      return key(
          CellCodec.index(month, months, monthNames),
          CellCodec.index(source, sources, sourceNames));
    }

    void addPostings(String month, String source, long n) {
      postings.add(key(month, source), n);
    }

    void addMentions(String skill, String month, String source, long n) {
      long skillId = CellCodec.index(skill, skills, skillNames);
      mentions.add((skillId << 32) | key(month, source), n);
    }

    /** Adds every count of another builder (a cell into its section's or the global total). */
    void addAll(Builder other) {
      demand.addAll(other.demand);
      int[] month = indices(other.monthNames, months, monthNames);
      int[] source = indices(other.sourceNames, sources, sourceNames);
      int[] skill = indices(other.skillNames, skills, skillNames);
      other.postings.forEach(
          (k, v) -> postings.add(key(month[(int) (k >>> 16)], source[(int) (k & 0xFFFF)]), v));
      other.mentions.forEach(
          (k, v) ->
              mentions.add(
                  ((long) skill[(int) (k >>> 32)] << 32)
                      | key(month[(int) ((k >>> 16) & 0xFFFF)], source[(int) (k & 0xFFFF)]),
                  v));
    }

    /** This builder's index of each of the names, in their order. */
    private static int[] indices(List<String> names, Map<String, Integer> ids, List<String> own) {
      int[] out = new int[names.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = CellCodec.index(names.get(i), ids, own);
      }
      return out;
    }

    private static long key(int month, int source) {
      return ((long) month << 16) | source;
    }

    boolean isEmpty() {
      return postings.size() == 0 && mentions.size() == 0 && demand.isEmpty();
    }

    /** Counts of one skill, month and source above {@link Integer#MAX_VALUE} are not expected. */
    byte[] encode() {
      return CellCodec.deflated(this::write);
    }

    private void write(DataOutputStream out) throws IOException {
      CellCodec.writeStrings(out, monthNames);
      CellCodec.writeStrings(out, sourceNames);
      long[][] p = postings.entries();
      out.writeInt(p[0].length);
      for (int i = 0; i < p[0].length; i++) {
        out.writeShort((int) (p[0][i] >>> 16));
        out.writeShort((int) (p[0][i] & 0xFFFF));
        out.writeLong(p[1][i]);
      }
      // Sorted by key, so by skill: each skill's entries in one run.
      long[] keys = mentions.entries()[0];
      Arrays.sort(keys);
      CellCodec.writeStrings(out, skillNames);
      int[] per = new int[skillNames.size()];
      for (long k : keys) {
        per[(int) (k >>> 32)]++;
      }
      for (int n : per) {
        out.writeInt(n);
      }
      for (long k : keys) {
        out.writeShort((int) ((k >>> 16) & 0xFFFF));
        out.writeShort((int) (k & 0xFFFF));
        out.writeInt(Math.toIntExact(mentions.get(k)));
      }
    }
  }
}
