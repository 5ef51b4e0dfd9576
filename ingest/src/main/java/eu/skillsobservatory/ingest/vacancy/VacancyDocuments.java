package eu.skillsobservatory.ingest.vacancy;

import eu.skillsobservatory.analytics.vacancy.Nace;
import eu.skillsobservatory.analytics.vacancy.NearDuplicates;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.ingest.search.SkillFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Vacancies as documents of the vacancies index: their ids and their fields. */
final class VacancyDocuments {
  private VacancyDocuments() {}

  static Map<String, Object> source(VacancyRecord r) {
    Vacancy v = r.vacancy();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", v.source());
    d.put("id", v.id());
    d.put("posted", v.posted().toString());
    d.put("month", v.posted().toString().substring(0, 7));
    d.put("country", v.country());
    d.put("region", v.region());
    d.put("nace", v.nace());
    d.put("naceSection", Nace.section(v.nace()));
    d.put("occupation", v.occupation());
    d.put("occupationUnknown", r.occupationUnknown());
    d.put("escoOccupation", r.escoOccupation());
    d.put("occupationCoding", r.occupationCoding());
    Double confidence = null;
    if (r.coded() != null) {
      confidence = r.coded().confidence();
    } else if (r.escoOccupation() != null) {
      confidence = 1.0;
    }
    d.put("occupationConfidence", confidence);
    d.put("occupationMatch", r.coded() == null ? null : r.coded().matchedLabel());
    d.put("occupationResolvedBy", r.occupationRemote() ? "esco-api" : null);
    d.put("isco", r.iscoCode());
    d.put("iscoMajor", r.iscoCode() == null ? null : r.iscoCode().substring(0, 1));
    d.put("title", v.title());
    d.put("description", v.description());
    d.put("language", r.language());
    d.put("languageDetected", r.languageDetected());
    d.put("employer", v.employer());
    SkillFields.put(d, r.skills());
    if (r.facets() != null) {
      d.put("skillCollections", r.facets().collections());
      d.put("skillGroups", r.facets().groups());
      d.put("skillFactsVersion", r.facets().escoVersion());
    }
    d.put("phrases", r.phrases());
    // Phrases are looked for in English text only: the denominator of their shares.
    d.put(
        "phrasesExtracted",
        "en".equals(r.language())
            && !(v.title().isBlank() && (v.description() == null || v.description().isBlank())));
    d.put("duplicate", r.duplicateOf() != null);
    d.put("duplicateOf", r.duplicateOf());
    d.put("fingerprint", r.fingerprint());
    if (!r.bands().isEmpty()) {
      d.put("bandKeys", r.bands());
      d.put("titleKey", NearDuplicates.titleKey(v.title()));
    }
    d.put("ingest", r.ingest());
    d.put("ingestedAt", Instant.now().toString());
    return d;
  }
}
