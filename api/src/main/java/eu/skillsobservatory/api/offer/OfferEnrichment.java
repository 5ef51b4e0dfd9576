package eu.skillsobservatory.api.offer;

import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.LanguageGuess;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferRecord;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The enrich stage of an offer load: the language (given or guessed) and the skills, given for the
 * offer and its outcomes or extracted from the outcomes' texts (else from the title and
 * description), each with the field and span it came from.
 */
@Service
public class OfferEnrichment {
  /** Extracted skills kept per learning outcome (or per title and description). */
  static final int SKILLS_PER_TEXT = 20;

  private final ObservatoryMetrics metrics;
  private final WordForms forms;

  public OfferEnrichment(ObservatoryMetrics metrics, WordForms forms) {
    this.metrics = metrics;
    this.forms = forms;
  }

  /**
   * An offer's skills: those given for the offer and with each outcome; each outcome without given
   * skills has its text extracted; an offer with neither skills nor outcome texts has its title and
   * description extracted.
   */
  OfferRecord enrich(Offer o, SkillExtractor extractor, ExtractionMode mode, String ingest) {
    String language = o.language();
    if (language == null) {
      StringBuilder all = new StringBuilder(o.title()).append('\n').append(o.description());
      o.outcomes().forEach(x -> all.append('\n').append(x.text()));
      language = LanguageGuess.of(all.toString(), extractor.languages(), forms).orElse("en");
    }
    List<SkillEvidence> skills = new ArrayList<>();
    o.skills().forEach(u -> skills.add(SkillEvidence.given(u)));
    boolean anyText = false;
    for (int i = 0; i < o.outcomes().size(); i++) {
      Offer.Outcome out = o.outcomes().get(i);
      out.skills().forEach(u -> skills.add(SkillEvidence.given(u)));
      if (out.skills().isEmpty() && o.skills().isEmpty() && !out.text().isBlank()) {
        anyText = true;
        extract(extractor, mode, out.text(), language, "outcomes[" + (i + 1) + "]", skills);
      }
    }
    if (skills.isEmpty() && !anyText) {
      extract(extractor, mode, o.title(), language, "title", skills);
      if (!o.description().isBlank()) {
        extract(extractor, mode, o.description(), language, "description", skills);
      }
    }
    return new OfferRecord(o, language, dedupe(skills), ingest);
  }

  private void extract(
      SkillExtractor extractor,
      ExtractionMode mode,
      String text,
      String language,
      String field,
      List<SkillEvidence> out) {
    Extraction x =
        metrics
            .extract("offer", mode, () -> extractor.extract(text, language, mode, SKILLS_PER_TEXT))
            .counted();
    for (ExtractedSkill s : x.skills()) {
      out.add(
          new SkillEvidence(
              s.uri(), "extracted", s.score(), field, s.span().start(), s.span().end()));
    }
  }

  /** The first evidence of each skill: given before extracted, as added. */
  private static List<SkillEvidence> dedupe(List<SkillEvidence> skills) {
    Map<String, SkillEvidence> first = new LinkedHashMap<>();
    skills.forEach(s -> first.putIfAbsent(s.uri(), s));
    return new ArrayList<>(first.values());
  }
}
