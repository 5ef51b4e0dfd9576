package eu.skillsobservatory.ingest.demand;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a demand answer counts, kept in one cell of the series summary: postings per month (every
 * posting, with or without a source), tallies per month (postings without skills, synthetic ones,
 * those carrying the facets of an ESCO version, those mentioning any skill of a collection), and
 * each skill's postings per month. Two parts, each one compressed byte string: the totals (small,
 * read for any count) and the skills (read only when skills are asked for).
 */
final class DemandCell {
  /** The tally of postings without any skill. */
  static final String NO_SKILLS = "noSkills";

  /** The tally of synthetic postings. */
  static final String SYNTHETIC = "synthetic";

  /**
   * The tally of postings carrying the skill facets of an ESCO version (this, then the version).
   */
  static final String FACTS = "facts:";

  /** The tally of postings mentioning any skill of a collection (this, then its facet value). */
  static final String COLLECTION = "collection:";

  /** Counts by name and month. */
  record Table(String[] months, String[] names, int[] start, short[] month, long[] count) {
    /** Which of this table's months lie in the months wanted. */
    boolean[] marks(Predicate<String> wanted) {
      boolean[] in = new boolean[months.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = wanted.test(months[i]);
      }
      return in;
    }
  }

  private DemandCell() {}

  /**
   * One part of a cell: the totals (postings per month as the table's first name, {@code ""}, then
   * the tallies), or the skills.
   */
  static Table decode(byte[] bytes) {
    return CellCodec.inflated(bytes, "a cell of the demand summary", DemandCell::read);
  }

  private static Table read(DataInputStream in) throws IOException {
    String[] months = CellCodec.strings(in);
    String[] names = CellCodec.strings(in);
    int[] start = new int[names.length + 1];
    for (int i = 0; i < names.length; i++) {
      start[i + 1] = start[i] + in.readInt();
    }
    int n = start[names.length];
    short[] m = new short[n];
    long[] c = new long[n];
    for (int i = 0; i < n; i++) {
      m[i] = in.readShort();
      c[i] = in.readInt();
    }
    return new Table(months, names, start, m, c);
  }

  /** A cell's demand counts as they are added up. */
  static final class Builder {
    private final Map<String, Integer> months = new HashMap<>();
    private final List<String> monthNames = new ArrayList<>();
    private final Names totals = new Names();
    private final Names skills = new Names();

    Builder() {
      totals.id("");
    }

    /** One posting: its month, its skills, and the tallies it counts in. */
    void add(String month, Iterable<String> skillUris, Iterable<String> tallies) {
      int m = month(month);
      totals.add(0, m, 1);
      for (String t : tallies) {
        totals.add(totals.id(t), m, 1);
      }
      for (String s : skillUris) {
        skills.add(skills.id(s), m, 1);
      }
    }

    void addAll(Builder other) {
      int[] month = new int[other.monthNames.size()];
      for (int i = 0; i < month.length; i++) {
        month[i] = month(other.monthNames.get(i));
      }
      totals.addAll(other.totals, month);
      skills.addAll(other.skills, month);
    }

    boolean isEmpty() {
      return totals.counts.size() == 0;
    }

    byte[] encodeTotals() {
      return totals.encode(monthNames);
    }

    byte[] encodeSkills() {
      return skills.encode(monthNames);
    }

    private int month(String name) {
      return CellCodec.index(name, months, monthNames);
    }
  }

  /** Counts keyed by a name and a month, in one table of primitive longs. */
  private static final class Names {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final CountTable counts = new CountTable(256);

    int id(String name) {
      return CellCodec.index(name, ids, names);
    }

    void add(int name, int month, long n) {
      counts.add(((long) name << 16) | month, n);
    }

    void addAll(Names other, int[] month) {
      int[] name = new int[other.names.size()];
      for (int i = 0; i < name.length; i++) {
        name[i] = id(other.names.get(i));
      }
      other.counts.forEach((k, v) -> add(name[(int) (k >>> 16)], month[(int) (k & 0xFFFF)], v));
    }

    /** Counts of one name and month above {@link Integer#MAX_VALUE} are not expected. */
    byte[] encode(List<String> months) {
      return CellCodec.deflated(out -> write(out, months));
    }

    private void write(DataOutputStream out, List<String> months) throws IOException {
      CellCodec.writeStrings(out, months);
      CellCodec.writeStrings(out, names);
      // Sorted by key, so by name: each name's entries in one run.
      long[] keys = counts.entries()[0];
      Arrays.sort(keys);
      int[] per = new int[names.size()];
      for (long k : keys) {
        per[(int) (k >>> 16)]++;
      }
      for (int n : per) {
        out.writeInt(n);
      }
      for (long k : keys) {
        out.writeShort((int) (k & 0xFFFF));
        out.writeInt(Math.toIntExact(counts.get(k)));
      }
    }
  }
}
