package eu.skillsobservatory.analytics.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.VersionSnapshot.Entry;
import eu.skillsobservatory.analytics.esco.VersionSnapshot.OccupationSkill;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscoDiffTest {
  static final String COOK = "http://data.europa.eu/esco/occupation/cook";
  static final String KNIFE = "http://data.europa.eu/esco/skill/knife";
  static final String BAKE = "http://data.europa.eu/esco/skill/bake";
  static final String PLATE = "http://data.europa.eu/esco/skill/plate";

  @Test
  void addedRemovedRelabelledAndRelinkedConceptsAreEachCounted() {
    VersionSnapshot from =
        new VersionSnapshot(
            EscoVersion.parse("v1.0.0"),
            Map.of(
                COOK, new Entry(ConceptType.OCCUPATION, "cook"),
                KNIFE, new Entry(ConceptType.SKILL, "use knives"),
                BAKE, new Entry(ConceptType.SKILL, "bake")),
            Set.of(new OccupationSkill(COOK, KNIFE, true), new OccupationSkill(COOK, BAKE, true)));
    VersionSnapshot to =
        new VersionSnapshot(
            EscoVersion.parse("v1.1.0"),
            Map.of(
                COOK, new Entry(ConceptType.OCCUPATION, "cook"),
                KNIFE, new Entry(ConceptType.SKILL, "handle knives"),
                PLATE, new Entry(ConceptType.SKILL, "plate dishes")),
            Set.of(
                new OccupationSkill(COOK, KNIFE, false), new OccupationSkill(COOK, PLATE, true)));

    VersionDiff d = EscoDiff.compare(from, to, "en");

    assertThat(d.counts()).isEqualTo(new VersionDiff.Counts(1, 1, 1, 2, 2));
    assertThat(d.added()).extracting(VersionDiff.ConceptChange::uri).containsExactly(PLATE);
    assertThat(d.removed()).extracting(VersionDiff.ConceptChange::label).containsExactly("bake");
    assertThat(d.relabelled().get(0).fromLabel()).isEqualTo("use knives");
    assertThat(d.relabelled().get(0).toLabel()).isEqualTo("handle knives");
    assertThat(d.relationsAdded())
        .extracting(r -> r.skill() + " " + r.relationType())
        .containsExactlyInAnyOrder(KNIFE + " optional", PLATE + " essential");
    assertThat(d.relationsRemoved())
        .extracting(r -> r.skillLabel() + " " + r.relationType())
        .containsExactlyInAnyOrder("use knives essential", "bake essential");
  }

  @Test
  void aVersionComparedWithItselfHasNoChanges() {
    VersionSnapshot v =
        new VersionSnapshot(
            EscoVersion.parse("v1.0.0"),
            Map.of(COOK, new Entry(ConceptType.OCCUPATION, "cook")),
            Set.of(new OccupationSkill(COOK, KNIFE, true)));
    assertThat(EscoDiff.compare(v, v, "en").counts())
        .isEqualTo(new VersionDiff.Counts(0, 0, 0, 0, 0));
  }
}
