package eu.skillsobservatory.analytics.esco;

/** The kinds of ESCO concept the observatory reads. */
public enum ConceptType {
  /** A skill or knowledge concept ({@code esco:Skill}). */
  SKILL("skill"),
  /** A node of the skills hierarchy, such as {@code S1.1} ({@code skos:Concept} only). */
  SKILL_GROUP("skillGroup"),
  /** An ESCO occupation ({@code esco:Occupation}). */
  OCCUPATION("occupation"),
  /** An ISCO-08 group, {@code http://data.europa.eu/esco/isco/C<code>}. */
  ISCO_GROUP("iscoGroup");

  private final String label;

  ConceptType(String label) {
    this.label = label;
  }

  /** The name used in JSON, CSV and query parameters. */
  public String label() {
    return label;
  }

  public static ConceptType fromLabel(String label) {
    for (ConceptType t : values()) {
      if (t.label.equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown concept type '" + label + "'");
  }
}
