package eu.skillsobservatory.analytics.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a skill finds the ESCO skill group it rolls up to. */
class SkillGroupTest {
  @Test
  void theNearestGroupUpTheBroaderLinksWinsAndTiesGoToTheSmallestUri() {
    Map<String, List<String>> broader =
        Map.of(
            "knowledge-child", List.of("knowledge-parent"),
            "knowledge-parent", List.of("S2.1"),
            "S2.1", List.of("S2"),
            "twin", List.of("S4.2", "S1.3"),
            "orphan", List.of(),
            "loop-a", List.of("loop-b"),
            "loop-b", List.of("loop-a"));
    Set<String> groups = Set.of("S2.1", "S2", "S4.2", "S1.3");
    assertThat(SkillHierarchy.nearestGroup("knowledge-child", broader, groups)).isEqualTo("S2.1");
    assertThat(SkillHierarchy.nearestGroup("twin", broader, groups)).isEqualTo("S1.3");
    assertThat(SkillHierarchy.nearestGroup("orphan", broader, groups)).isNull();
    assertThat(SkillHierarchy.nearestGroup("loop-a", broader, groups)).isNull();
  }
}
