package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BandKeysTest {
  private static final LocalDate START = LocalDate.of(2023, 1, 1);

  private static NearDuplicates.Print print(Random r) {
    byte[] hash = new byte[NearDuplicates.HASHES];
    r.nextBytes(hash);
    return new NearDuplicates.Print(hash, r.nextInt());
  }

  private static Set<Long> set(long[] keys) {
    return Arrays.stream(keys).boxed().collect(Collectors.toSet());
  }

  @Test
  void aLookUpFindsEveryOriginalAtMostThirtyDaysAwayUnderItsOwnKeys() {
    Random r = new Random(3);
    NearDuplicates.Print p = print(r);
    for (int day = 0; day < 400; day++) {
      LocalDate posted = START.plusDays(day);
      long[] probe = BandKeys.probe(p, "DE", posted);
      assertThat(probe).as("two periods of 20 bands").hasSize(2 * NearDuplicates.BANDS);
      for (int apart = -NearDuplicates.WINDOW_DAYS; apart <= NearDuplicates.WINDOW_DAYS; apart++) {
        long[] own = BandKeys.own(p, "DE", posted.plusDays(apart));
        assertThat(own).hasSize(NearDuplicates.BANDS);
        assertThat(set(probe)).as("day %d, %d apart", day, apart).containsAll(set(own));
      }
    }
  }

  @Test
  void farApartOtherCountriesOrTitlesShareNoKey() {
    Random r = new Random(7);
    NearDuplicates.Print p = print(r);
    LocalDate day = START.plusDays(100);
    Set<Long> probe = set(BandKeys.probe(p, "DE", day));
    assertThat(set(BandKeys.own(p, "DE", day.plusDays(121)))).doesNotContainAnyElementsOf(probe);
    assertThat(set(BandKeys.own(p, "AT", day))).doesNotContainAnyElementsOf(probe);
    NearDuplicates.Print otherTitle = new NearDuplicates.Print(p.minHash(), p.title() + 1);
    assertThat(set(BandKeys.own(otherTitle, "DE", day))).doesNotContainAnyElementsOf(probe);
  }

  @Test
  void theKeysOfOneGroupShareTheirFirstCharactersAndSortAsTheirNumbers() {
    Random r = new Random(11);
    LocalDate day = START.plusDays(10);
    NearDuplicates.Print p = print(r);
    NearDuplicates.Print other = new NearDuplicates.Print(print(r).minHash(), p.title());
    Set<String> prefixes =
        Stream.of(BandKeys.bandKeys(p, "DE", day), BandKeys.bandKeys(other, "DE", day))
            .flatMap(List::stream)
            .peek(k -> assertThat(k).hasSize(BandKeys.TEXT_LENGTH))
            .map(k -> k.substring(0, 8))
            .collect(Collectors.toSet());
    assertThat(prefixes).as("two originals of one country, title and period").hasSize(1);
    assertThat(BandKeys.bandKeys(p, "AT", day).get(0).substring(0, 8))
        .as("another country")
        .isNotIn(prefixes);
    for (int i = 0; i < 1_000; i++) {
      long a = r.nextLong();
      long b = r.nextLong();
      assertThat(Integer.signum(BandKeys.text(a).compareTo(BandKeys.text(b))))
          .as("%x against %x", a, b)
          .isEqualTo(Integer.signum(Long.compareUnsigned(a, b)));
    }
  }

  @Test
  void theTwentyBandsOfAnOriginalAreTwentyKeys() {
    Random r = new Random(13);
    for (int i = 0; i < 200; i++) {
      NearDuplicates.Print p = print(r);
      assertThat(set(BandKeys.own(p, "FR", START.plusDays(i)))).hasSize(NearDuplicates.BANDS);
    }
  }
}
