package eu.skillsobservatory.analytics.esco;

import eu.skillsobservatory.analytics.esco.VersionDiff.ConceptChange;
import eu.skillsobservatory.analytics.esco.VersionDiff.Relabel;
import eu.skillsobservatory.analytics.esco.VersionDiff.RelationChange;
import eu.skillsobservatory.analytics.esco.VersionSnapshot.Entry;
import eu.skillsobservatory.analytics.esco.VersionSnapshot.OccupationSkill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares two ESCO versions concept by concept and link by link. */
public final class EscoDiff {

  private EscoDiff() {}

  public static VersionDiff compare(VersionSnapshot from, VersionSnapshot to, String language) {
    Map<String, Entry> before = from.concepts();
    Map<String, Entry> after = to.concepts();

    List<ConceptChange> added = new ArrayList<>();
    List<Relabel> relabelled = new ArrayList<>();
    after.forEach(
        (uri, entry) -> {
          Entry old = before.get(uri);
          if (old == null) {
            added.add(new ConceptChange(uri, entry.type(), entry.preferredLabel()));
          } else if (!old.preferredLabel().equals(entry.preferredLabel())) {
            relabelled.add(
                new Relabel(uri, entry.type(), old.preferredLabel(), entry.preferredLabel()));
          }
        });
    List<ConceptChange> removed = new ArrayList<>();
    before.forEach(
        (uri, entry) -> {
          if (!after.containsKey(uri)) {
            removed.add(new ConceptChange(uri, entry.type(), entry.preferredLabel()));
          }
        });

    List<RelationChange> relationsAdded =
        linksOnlyIn(to.occupationSkills(), from.occupationSkills(), after);
    List<RelationChange> relationsRemoved =
        linksOnlyIn(from.occupationSkills(), to.occupationSkills(), before);

    Comparator<ConceptChange> byUri = Comparator.comparing(ConceptChange::uri);
    added.sort(byUri);
    removed.sort(byUri);
    relabelled.sort(Comparator.comparing(Relabel::uri));
    return new VersionDiff(
        from.version(),
        to.version(),
        language,
        new VersionDiff.Counts(
            added.size(),
            removed.size(),
            relabelled.size(),
            relationsAdded.size(),
            relationsRemoved.size()),
        added,
        removed,
        relabelled,
        relationsAdded,
        relationsRemoved);
  }

  private static List<RelationChange> linksOnlyIn(
      Set<OccupationSkill> these, Set<OccupationSkill> notThose, Map<String, Entry> labels) {
    List<RelationChange> out = new ArrayList<>();
    for (OccupationSkill link : these) {
      if (!notThose.contains(link)) {
        out.add(
            new RelationChange(
                link.occupation(),
                label(labels, link.occupation()),
                link.skill(),
                label(labels, link.skill()),
                link.essential() ? "essential" : "optional"));
      }
    }
    out.sort(
        Comparator.comparing(RelationChange::occupation)
            .thenComparing(RelationChange::skill)
            .thenComparing(RelationChange::relationType));
    return out;
  }

  private static String label(Map<String, Entry> labels, String uri) {
    Entry e = labels.get(uri);
    return e == null ? "" : e.preferredLabel();
  }
}
