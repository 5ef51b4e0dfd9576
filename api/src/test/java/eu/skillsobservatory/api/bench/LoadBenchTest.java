package eu.skillsobservatory.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadBenchTest {
  @Test
  void distinctSlicesAreAllDifferentUntilEveryOneWasAsked() {
    int n = LoadBench.SECTORS.size() * LoadBench.COUNTRIES.size() * DistinctSlices.PERIODS.size();
    assertThat(DistinctSlices.PERIODS).hasSize(91);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      assertThat(seen.add(DistinctSlices.slice(i))).as("slice %d", i).isTrue();
    }
    assertThat(DistinctSlices.slice(n)).isEqualTo(DistinctSlices.slice(0));
    // Consecutive requests differ in sector and period.
    assertThat(DistinctSlices.slice(1)).doesNotContain(DistinctSlices.slice(0));
    assertThat(DistinctSlices.slice(0))
        .matches("&sector=[A-S](&country=[A-Z]{2})?" + "&from=202[34]-\\d\\d&to=202[34]-\\d\\d");
  }
}
