package eu.skillsobservatory.ingest.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesCellTest {

  /** skill|month|source to count, as a cell holds them; postings under skill "". */
  static Map<String, Long> read(SeriesCell c) {
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < c.postingCount.length; i++) {
      out.put(
          "|" + c.months[c.postingMonth[i]] + "|" + c.sources[c.postingSource[i]],
          c.postingCount[i]);
    }
    for (int s = 0; s < c.skills.length; s++) {
      for (int e = c.skillStart[s]; e < c.skillStart[s + 1]; e++) {
        out.put(
            c.skills[s] + "|" + c.months[c.month[e]] + "|" + c.sources[c.source[e]],
            (long) c.count[e]);
      }
    }
    return out;
  }

  @Test
  void countsAreReadBackAsWrittenAndAddedUpAcrossCells() {
    SeriesCell.Builder a = new SeriesCell.Builder();
    a.addPostings("2024-01", "p1", 10);
    a.addPostings("2024-02", "p2", 3_000_000_000L);
    a.addMentions("s1", "2024-01", "p1", 4);
    a.addMentions("s2", "2024-02", "p2", 2);
    a.addMentions("s1", "2024-01", "p1", 1);
    SeriesCell.Builder b = new SeriesCell.Builder();
    b.addPostings("2024-01", "p1", 5);
    b.addMentions("s2", "2024-02", "p2", 7);
    b.addMentions("s3", "2023-12", "p1", 1);

    assertThat(read(SeriesCell.decode(a.encode())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "|2024-01|p1", 10L,
                "|2024-02|p2", 3_000_000_000L,
                "s1|2024-01|p1", 5L,
                "s2|2024-02|p2", 2L));

    SeriesCell.Builder sum = new SeriesCell.Builder();
    sum.addAll(a);
    sum.addAll(b);
    assertThat(read(SeriesCell.decode(sum.encode())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "|2024-01|p1", 15L,
                "|2024-02|p2", 3_000_000_000L,
                "s1|2024-01|p1", 5L,
                "s2|2024-02|p2", 9L,
                "s3|2023-12|p1", 1L));
    assertThat(new SeriesCell.Builder().isEmpty()).isTrue();
    assertThat(SeriesCell.decode(new SeriesCell.Builder().encode()).skills).isEmpty();
  }

  @Test
  void aTableOfManyKeysKeepsEveryCount() {
    CountTable t = new CountTable(4);
    for (long k = 0; k < 50_000; k++) {
      t.add(k * 7919, 1);
      t.add(k * 7919, k);
    }
    assertThat(t.size()).isEqualTo(50_000);
    long[][] e = t.entries();
    long sum = 0;
    for (int i = 0; i < e[0].length; i++) {
      assertThat(e[1][i]).isEqualTo(e[0][i] / 7919 + 1);
      sum += e[1][i];
    }
    assertThat(sum).isEqualTo(50_000L * 49_999 / 2 + 50_000);
  }
}
