package eu.skillsobservatory.ingest.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemandCellTest {

  /** The counts of name {@code i} in the months marked, added up. */
  static long sum(DemandCell.Table t, int i, boolean[] in) {
    long n = 0;
    for (int e = t.start()[i]; e < t.start()[i + 1]; e++) {
      if (in[t.month()[e]]) {
        n += t.count()[e];
      }
    }
    return n;
  }

  /** The index of a name, or -1. */
  static int indexOf(DemandCell.Table t, String name) {
    return java.util.Arrays.asList(t.names()).indexOf(name);
  }

  @Test
  void countsAreReadBackAsWrittenAndAddedUpAcrossCellsWhoseMonthsDiffer() {
    DemandCell.Builder a = new DemandCell.Builder();
    a.add("2024-01", List.of("s1", "s2"), List.of(DemandCell.FACTS + "v1"));
    a.add("2024-01", List.of("s1"), List.of(DemandCell.SYNTHETIC));
    a.add("2024-02", List.of(), List.of(DemandCell.NO_SKILLS));
    DemandCell.Builder b = new DemandCell.Builder();
    b.add("2023-12", List.of("s3"), List.of());
    b.add("2024-02", List.of("s1"), List.of(DemandCell.FACTS + "v1"));
    a.addAll(b);

    DemandCell.Table totals = DemandCell.decode(a.encodeTotals());
    DemandCell.Table skills = DemandCell.decode(a.encodeSkills());
    boolean[] all = totals.marks(m -> true);
    boolean[] from2024 = totals.marks(m -> m.startsWith("2024"));
    assertThat(totals.names()[0]).isEmpty();
    assertThat(sum(totals, 0, all)).isEqualTo(5);
    assertThat(sum(totals, 0, from2024)).isEqualTo(4);
    assertThat(sum(totals, indexOf(totals, DemandCell.FACTS + "v1"), all)).isEqualTo(2);
    assertThat(sum(totals, indexOf(totals, DemandCell.NO_SKILLS), all)).isEqualTo(1);
    assertThat(sum(totals, indexOf(totals, DemandCell.SYNTHETIC), all)).isEqualTo(1);
    assertThat(indexOf(totals, "collection:digital")).isEqualTo(-1);
    boolean[] skillMonths = skills.marks(m -> m.startsWith("2024"));
    assertThat(sum(skills, indexOf(skills, "s1"), skillMonths)).isEqualTo(3);
    assertThat(sum(skills, indexOf(skills, "s2"), skillMonths)).isEqualTo(1);
    assertThat(sum(skills, indexOf(skills, "s3"), skillMonths)).isZero();
    assertThat(sum(skills, indexOf(skills, "s3"), skills.marks(m -> true))).isEqualTo(1);
  }

  @Test
  void aCellWithNoPostingIsEmpty() {
    assertThat(new DemandCell.Builder().isEmpty()).isTrue();
    DemandCell.Builder a = new DemandCell.Builder();
    a.add("2024-01", List.of(), List.of());
    assertThat(a.isEmpty()).isFalse();
  }
}
