package eu.skillsobservatory.analytics.vacancy;

/**
 * Why a vacancy carries a skill: the source gave it, or extraction found it.
 *
 * @param uri the ESCO skill URI
 * @param origin {@code given} or {@code extracted}
 * @param score the extractor's score (1 for a given skill)
 * @param field where the span is: {@code title} or {@code description}; null for a given skill
 * @param start the span's first character in that field, or -1
 * @param end the span's end (exclusive), or -1
 */
public record SkillEvidence(
    String uri, String origin, double score, String field, int start, int end) {
  public static SkillEvidence given(String uri) {
    return new SkillEvidence(uri, "given", 1.0, null, -1, -1);
  }
}
