package eu.skillsobservatory.ingest.demand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesCellCacheTest {

  /** A decoded cell of {@code skills} skills with one mention each, and one posting. */
  static SeriesCell cell(int skills) {
    SeriesCell.Builder b = new SeriesCell.Builder();
    b.addPostings("2024-01", "p", 1);
    for (int i = 0; i < skills; i++) {
      b.addMentions("s" + i, "2024-01", "p", 1);
    }
    return SeriesCell.decode(b.encode());
  }

  @Test
  void theLeastRecentlyUsedCellsGoFirstWhenTheCountsHeldExceedTheBound() {
    // Each cell of 10 skills weighs 21 (10 mentions, 1 posting, 10 skills).
    SeriesCellCache cache = new SeriesCellCache(50);
    cache.put("i/a", cell(10));
    cache.put("i/b", cell(10));
    assertThat(cache.get("i/a")).isNotNull();
    cache.put("i/c", cell(10));
    assertThat(cache.get("i/b")).as("least recently used").isNull();
    assertThat(cache.get("i/a")).isNotNull();
    assertThat(cache.get("i/c")).isNotNull();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void aCellLargerThanTheBoundIsNotKept() {
    SeriesCellCache cache = new SeriesCellCache(50);
    cache.put("i/a", cell(10));
    cache.put("i/big", cell(40));
    assertThat(cache.get("i/big")).isNull();
    assertThat(cache.get("i/a")).isNotNull();
    assertThat(SeriesCellCache.key("idx", "C|*|d|false")).isEqualTo("idx/C|*|d|false");
  }
}
