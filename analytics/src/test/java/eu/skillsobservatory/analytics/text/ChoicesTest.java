package eu.skillsobservatory.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.demand.DemandLevel;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import org.junit.jupiter.api.Test;

class ChoicesTest {
  @Test
  void aChoiceIsReadInAnyCaseAroundBlanks() {
    assertThat(GroupBy.parse(" Country ")).isEqualTo(GroupBy.COUNTRY);
    assertThat(ExtractionMode.parse("FULL")).isEqualTo(ExtractionMode.FULL);
    assertThat(DemandLevel.GROUP.key()).isEqualTo("group");
  }

  @Test
  void anythingElseIsRefusedWithTheParameterAndTheChoices() {
    assertThatThrownBy(() -> DemandLevel.parse("family"))
        .hasMessage("level: skill or group, not 'family'");
    assertThatThrownBy(() -> GroupBy.parse(""))
        .hasMessage("groupBy: one of country, isco, month, occupation, region, sector, not ''");
  }
}
