package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a document carries its skills, for vacancies and training offers alike: {@code skills} (all,
 * distinct), {@code skillsGiven}, {@code skillsExtracted}, and {@code evidence} (per skill: origin,
 * score, field and span), which is stored and not indexed.
 */
public final class SkillFields {
  private SkillFields() {}

  /** The mapping of the four fields, to put among a mapping's properties. */
  public static final String MAPPING =
      """
      "skills":{"type":"keyword"},"skillsGiven":{"type":"keyword"},
      "skillsExtracted":{"type":"keyword"},"evidence":{"type":"object","enabled":false}""";

  public static void put(Map<String, Object> document, List<SkillEvidence> skills) {
    List<String> all = new ArrayList<>();
    List<String> given = new ArrayList<>();
    List<String> extracted = new ArrayList<>();
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (SkillEvidence e : skills) {
      if (!all.contains(e.uri())) {
        all.add(e.uri());
      }
      (e.origin().equals("given") ? given : extracted).add(e.uri());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uri", e.uri());
      m.put("origin", e.origin());
      m.put("score", e.score());
      if (e.field() != null) {
        m.put("field", e.field());
        m.put("start", e.start());
        m.put("end", e.end());
      }
      evidence.add(m);
    }
    document.put("skills", all);
    document.put("skillsGiven", given);
    document.put("skillsExtracted", extracted);
    document.put("evidence", evidence);
  }
}
