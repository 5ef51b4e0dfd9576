package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.web.CsvText;
import java.io.IOException;
import java.util.List;

/** ESCO results as CSV, the same for the command line and the REST API. */
public final class EscoCsv {
  private EscoCsv() {}

  public static String versions(List<VersionSummary> versions) {
    return CsvText.write(
        new String[] {
          "version",
          "current",
          "skills",
          "knowledge",
          "occupations",
          "iscoGroups",
          "skillGroups",
          "occupationSkillRelations",
          "essentialRelations",
          "skillSkillRelations",
          "triples",
          "languages",
          "loadedAt"
        },
        p -> {
          for (VersionSummary v : versions) {
            p.printRecord(
                v.version().value(),
                v.current(),
                v.skills(),
                v.knowledge(),
                v.occupations(),
                v.iscoGroups(),
                v.skillGroups(),
                v.occupationSkillRelations(),
                v.essentialRelations(),
                v.skillSkillRelations(),
                v.triples(),
                String.join(" ", v.languages()),
                v.loadedAt());
          }
        });
  }

  /** The hits of a search page; the page's total is in the JSON answer only. */
  public static String hits(ConceptSearch.Page page) {
    return CsvText.write(
        new String[] {"uri", "label", "type", "matched_label", "matched_field", "score"},
        p -> {
          for (ConceptSearch.Hit h : page.hits()) {
            p.printRecord(
                h.uri(),
                h.label(),
                h.type().label(),
                h.matchedLabel(),
                h.matchedField(),
                h.score());
          }
        });
  }

  /** One row per change: concept rows carry the concept, relation rows the occupation and skill. */
  public static String diff(VersionDiff d) {
    return CsvText.write(
        new String[] {
          "change",
          "uri",
          "type",
          "label",
          "previousLabel",
          "skillUri",
          "skillLabel",
          "relationType"
        },
        p -> {
          for (var c : d.added()) {
            p.printRecord("added", c.uri(), c.type().label(), c.label(), "", "", "", "");
          }
          for (var c : d.removed()) {
            p.printRecord("removed", c.uri(), c.type().label(), c.label(), "", "", "", "");
          }
          for (var r : d.relabelled()) {
            p.printRecord(
                "relabelled", r.uri(), r.type().label(), r.toLabel(), r.fromLabel(), "", "", "");
          }
          relations(p, "relation-added", d.relationsAdded());
          relations(p, "relation-removed", d.relationsRemoved());
        });
  }

  private static void relations(
      CsvText.Out p, String change, List<VersionDiff.RelationChange> changes) throws IOException {
    for (var r : changes) {
      p.printRecord(
          change,
          r.occupation(),
          "occupation",
          r.occupationLabel(),
          "",
          r.skill(),
          r.skillLabel(),
          r.relationType());
    }
  }
}
