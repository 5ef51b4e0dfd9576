package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongLongMapTest {
  /** The same operations on a HashMap and on the map, compared; it grows past its capacity. */
  @Test
  void agreesWithAHashMap() {
    Random r = new Random(1);
    LongLongMap m = new LongLongMap(4);
    Map<Long, Long> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      long k = r.nextInt(5_000) - 2_500L; // 0 and negatives included
      if (r.nextBoolean()) {
        long v = r.nextLong();
        m.put(k, v);
        expected.put(k, v);
      } else {
        assertThat(m.add(k, 3)).isEqualTo(expected.merge(k, 3L, Long::sum));
      }
    }
    assertThat(m.size()).isEqualTo(expected.size());
    expected.forEach((k, v) -> assertThat(m.get(k, 42)).isEqualTo(v));
    assertThat(m.get(99_999, 42)).isEqualTo(42);
    m.retain(v -> v % 2 == 0);
    expected.values().removeIf(v -> v % 2 != 0);
    assertThat(m.size()).isEqualTo(expected.size());
    expected.forEach((k, v) -> assertThat(m.get(k, 1)).isEqualTo(v));
    m.clear();
    assertThat(m.size()).isZero();
    assertThat(m.get(5, -1)).isEqualTo(-1);
  }
}
