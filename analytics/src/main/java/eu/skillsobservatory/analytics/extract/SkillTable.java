package eu.skillsobservatory.analytics.extract;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The skills of one ESCO version and all their labels, numbered: skills 0..n-1, labels 0..m-1, each
 * label knowing its skill. The extractor's matchers and vectors refer to these numbers.
 */
public final class SkillTable {
  private final List<SkillInfo> skills;
  private final List<SkillLabel> labels = new ArrayList<>();
  private final int[] labelSkill;
  private final Map<String, Integer> byUri = new HashMap<>();

  public SkillTable(List<SkillInfo> skills) {
    this.skills = List.copyOf(skills);
    List<Integer> owner = new ArrayList<>();
    for (int s = 0; s < this.skills.size(); s++) {
      SkillInfo info = this.skills.get(s);
      byUri.put(info.uri(), s);
      for (SkillLabel l : info.labels()) {
        labels.add(l);
        owner.add(s);
      }
    }
    labelSkill = owner.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The skills of one ESCO version in the catalog, with every label in every language. */
  public static SkillTable of(SkillCatalog catalog, EscoVersion version) {
    List<SkillInfo> skills = new ArrayList<>();
    catalog.forEachConcept(
        version,
        d -> {
          if (d.type() != ConceptType.SKILL) {
            return;
          }
          List<SkillLabel> labels = new ArrayList<>();
          d.labels().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(
                  e -> {
                    String lang = e.getKey();
                    ConceptDocument.Labels l = e.getValue();
                    if (!l.preferred().isBlank()) {
                      labels.add(new SkillLabel(d.uri(), l.preferred(), LabelKind.PREFERRED, lang));
                    }
                    l.alternative()
                        .forEach(
                            a ->
                                labels.add(
                                    new SkillLabel(d.uri(), a, LabelKind.ALTERNATIVE, lang)));
                    l.hidden()
                        .forEach(
                            h -> labels.add(new SkillLabel(d.uri(), h, LabelKind.HIDDEN, lang)));
                  });
          ConceptDocument.Labels en = d.labels().get("en");
          String preferred =
              en != null && !en.preferred().isBlank()
                  ? en.preferred()
                  : labels.stream()
                      .filter(l -> l.kind() == LabelKind.PREFERRED)
                      .map(SkillLabel::label)
                      .findFirst()
                      .orElse(d.uri());
          skills.add(new SkillInfo(d.uri(), preferred, d.skillType(), d.reuseLevel(), labels));
        });
    // The catalog's order is not fixed; the numbering (and cached vectors) must be.
    skills.sort(Comparator.comparing(SkillInfo::uri));
    return new SkillTable(skills);
  }

  public int size() {
    return skills.size();
  }

  public SkillInfo skill(int index) {
    return skills.get(index);
  }

  public int labelCount() {
    return labels.size();
  }

  public SkillLabel label(int id) {
    return labels.get(id);
  }

  public int skillOf(int label) {
    return labelSkill[label];
  }

  /** The index of a skill by URI, or -1. */
  public int indexOf(String uri) {
    return byUri.getOrDefault(uri, -1);
  }

  /** The preferred label of a skill in a language, else the English one, else any. */
  public String preferredLabel(int skill, String language) {
    String english = null;
    for (SkillLabel l : skills.get(skill).labels()) {
      if (l.kind() == LabelKind.PREFERRED) {
        if (l.language().equalsIgnoreCase(language)) {
          return l.label();
        }
        if (l.language().equals("en")) {
          english = l.label();
        }
      }
    }
    return english != null ? english : skills.get(skill).preferredLabel();
  }
}
