package eu.skillsobservatory.analytics.extract;

/** Evidence gathered for one skill while a text is read ({@link SkillExtractor}). */
final class SkillCandidate {
  final int skill;
  double lexical;
  int occurrences;
  Span lexicalSpan;
  String matchedLabel;
  double cosine = -1;
  Span semanticSpan;
  String closestLabel;
  int lexicalSegment = -1;
  int semanticSegment = -1;
  double spanCosine = -1;

  SkillCandidate(int skill) {
    this.skill = skill;
  }
}
