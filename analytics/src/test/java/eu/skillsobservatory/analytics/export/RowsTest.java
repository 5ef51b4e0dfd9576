package eu.skillsobservatory.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {
  @Test
  void aCursorGivesBackItsKeyWhateverTheSourceAndIdHold() {
    HeldKey k = new HeldKey("portal/ä", "id\nwith newline");
    assertThat(HeldKey.ofCursor(k.cursor())).isEqualTo(k);
    assertThat(k.cursor()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aCursorThisDidNotGiveIsRefusedNamingTheParameter() {
    for (String bad : List.of("%%", "bm90IG1pbmU", "")) {
      assertThatThrownBy(() -> HeldKey.ofCursor(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cursor:");
    }
  }

  @Test
  void aPageOnlyPointsOnWhenRowsFollow() {
    Map<String, Object> d = Map.of("source", "a", "id", "7");
    assertThat(new HeldPage(List.of(d), true).next()).contains(new HeldKey("a", "7"));
    assertThat(new HeldPage(List.of(d), false).next()).isEmpty();
    assertThat(new HeldPage(List.of(), true).next()).isEmpty();
  }

  @Test
  void skillsAreLabelledAndTheirSpansCutFromTheFieldOrTheOutcome() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", "Welder");
    d.put("outcomes", List.of(Map.of("text", "x"), Map.of("text", "read technical drawings")));
    d.put(
        "evidence",
        List.of(
            Map.of("uri", "u:1", "origin", "given", "score", 1.0),
            Map.of(
                "uri",
                "u:2",
                "origin",
                "extracted",
                "score",
                0.5,
                "field",
                "title",
                "start",
                0,
                "end",
                4),
            Map.of(
                "uri",
                "u:3",
                "origin",
                "extracted",
                "score",
                0.4,
                "field",
                "outcomes[2]",
                "start",
                5,
                "end",
                14),
            Map.of(
                "uri",
                "u:4",
                "origin",
                "extracted",
                "score",
                0.4,
                "field",
                "title",
                "start",
                3,
                "end",
                99)));
    List<SkillOut> s = SkillOut.of(d, Map.of("u:1", "weld", "u:2", "welding"));
    assertThat(s).extracting(SkillOut::label).containsExactly("weld", "welding", null, null);
    assertThat(s).extracting(SkillOut::text).containsExactly(null, "Weld", "technical", null);
    assertThat(s.get(0).start()).isNull();
    assertThat(s.get(1).origin()).isEqualTo("extracted");
  }
}
