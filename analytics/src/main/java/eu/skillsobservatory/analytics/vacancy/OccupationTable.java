package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.text.TextClean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ESCO occupations of every loaded version with their ISCO-08 unit group code: to file a
 * vacancy's occupation under its ISCO group, and to tell an occupation URI no loaded version knows.
 */
public final class OccupationTable {
  private final Map<String, String> isco;
  private final Map<String, Label> labels;
  private final Map<String, List<Label>> groupLabels;
  private final IscoExamples examples;

  /**
   * An occupation label, folded: the occupation it names, or null when several occupations share
   * it, and which kind of label it is.
   */
  public record Label(String uri, String label, String field) {}

  private OccupationTable(
      Map<String, String> isco,
      Map<String, Label> labels,
      Map<String, List<Label>> groupLabels,
      IscoExamples examples) {
    this.isco = Map.copyOf(isco);
    this.labels = labels;
    this.groupLabels = groupLabels;
    this.examples = examples;
  }

  public static OccupationTable of(SkillCatalog catalog) {
    Map<String, String> isco = new HashMap<>();
    Map<String, Label> labels = new HashMap<>();
    Map<String, List<Label>> groupLabels = new HashMap<>();
    IscoExamples examples = new IscoExamples();
    for (VersionSummary v : catalog.versions()) {
      catalog.forEachConcept(
          v.version(),
          d -> {
            if (d.type() == ConceptType.ISCO_GROUP && d.labels().containsKey("en")) {
              String code = iscoCode(d.code(), d.uri());
              examples.add(code, d.labels().get("en").description());
              examples.addName(code, d.labels().get("en").preferred());
            }
            if (d.type() == ConceptType.OCCUPATION) {
              String code = iscoCode(d.code(), d.iscoGroup());
              boolean first = isco.putIfAbsent(d.uri(), code) == null;
              d.labels()
                  .forEach(
                      (lang, l) -> {
                        label(labels, lang, l.preferred(), d.uri(), "preferred");
                        l.alternative()
                            .forEach(a -> label(labels, lang, a, d.uri(), "alternative"));
                        l.hidden().forEach(h -> label(labels, lang, h, d.uri(), "hidden"));
                        // Read only with ISCO's English examples: kept in English only.
                        if (first && lang.equals("en")) {
                          List<Label> group =
                              groupLabels.computeIfAbsent(
                                  lang + '\u0000' + code, k -> new ArrayList<>());
                          group.add(new Label(d.uri(), l.preferred(), "preferred"));
                          l.alternative()
                              .forEach(a -> group.add(new Label(d.uri(), a, "alternative")));
                        }
                      });
            }
          });
    }
    return new OccupationTable(isco, labels, groupLabels, examples);
  }

  /** The job titles ISCO-08 lists as examples of its unit groups (English). */
  public IscoExamples iscoExamples() {
    return examples;
  }

  /**
   * The preferred and alternative labels, in one language, of the occupations filed under an ISCO
   * unit group; kept for English only (empty for other languages), as only ISCO's English examples
   * read them.
   */
  public List<Label> labelsInGroup(String code, String language) {
    return groupLabels.getOrDefault(language + '\u0000' + code, List.of());
  }

  /**
   * Every English preferred and alternative label of the occupations filed under a unit group, in
   * the order of the groups' codes: what {@link TitleMeaning} embeds.
   */
  public List<Label> englishLabels() {
    List<Label> out = new ArrayList<>();
    groupLabels.entrySet().stream()
        .filter(e -> e.getKey().startsWith("en\u0000"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.addAll(e.getValue()));
    return out;
  }

  private static void label(
      Map<String, Label> labels, String lang, String text, String uri, String field) {
    String folded = TextClean.fold(text);
    if (folded.isEmpty()) {
      return;
    }
    String key = lang + '\u0000' + folded;
    Label known = labels.get(key);
    if (known == null) {
      labels.put(key, new Label(uri, text, field));
    } else if (known.uri() != null && !known.uri().equals(uri)) {
      labels.put(key, new Label(null, text, field)); // shared by occupations: no exact answer
    } else if (known.uri() != null && rank(field) < rank(known.field())) {
      labels.put(key, new Label(uri, text, field));
    }
  }

  private static int rank(String field) {
    return switch (field) {
      case "preferred" -> 0;
      case "alternative" -> 1;
      default -> 2;
    };
  }

  /**
   * The occupation whose label this text is, exactly (case, accents and punctuation aside), in one
   * language; empty when none is, and a label with a null URI when several occupations share it.
   */
  public Optional<Label> exactLabel(String text, String language) {
    return Optional.ofNullable(labels.get(language + '\u0000' + TextClean.fold(text)));
  }

  static String iscoCode(String escoCode, String iscoGroupUri) {
    if (escoCode != null && !escoCode.isBlank()) {
      int dot = escoCode.indexOf('.');
      return dot > 0 ? escoCode.substring(0, dot) : escoCode;
    }
    if (iscoGroupUri != null) {
      String local = iscoGroupUri.substring(iscoGroupUri.lastIndexOf('/') + 1);
      return local.replaceFirst("^C", "");
    }
    return "";
  }

  /** Whether some loaded version has this occupation. */
  public boolean knows(String uri) {
    return isco.containsKey(uri);
  }

  /**
   * The ISCO-08 code of an occupation as a vacancy gives it: an ESCO URI's unit group, or the ISCO
   * code itself; empty when unknown.
   */
  public Optional<String> iscoOf(String occupation) {
    if (occupation == null || occupation.isBlank()) {
      return Optional.empty();
    }
    if (occupation.chars().allMatch(Character::isDigit)) {
      return Optional.of(occupation);
    }
    String code = isco.get(occupation);
    return code == null || code.isEmpty() ? Optional.empty() : Optional.of(code);
  }

  public int size() {
    return isco.size();
  }
}
