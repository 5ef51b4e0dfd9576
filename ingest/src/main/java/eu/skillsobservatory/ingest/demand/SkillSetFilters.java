package eu.skillsobservatory.ingest.demand;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.demand.DemandCounts.Facet;
import eu.skillsobservatory.analytics.demand.DemandCounts.SkillSet;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters that count the postings of named skill sets (a collection, a skill group). A vacancy
 * carries the collections and groups of its skills, written at ingest with the ESCO version of the
 * day ({@code skillFactsVersion}): where every vacancy of the slice carries them for the set's
 * version, a set is one term; otherwise those that do are counted by the term and the others
 * (ingested before the field existed, or under another version) by their skills, a terms query of
 * up to thousands of URIs, so the answer is the same either way.
 */
final class SkillSetFilters {
  static final String VERSION_FIELD = "skillFactsVersion";

  /** Whether no vacancy of the slice lacks facets of the version; asked once per version. */
  interface Check {
    boolean allWritten(Query slice, String escoVersion) throws IOException;
  }

  private SkillSetFilters() {}

  static Map<String, Query> of(Query slice, Map<String, SkillSet> sets, Check check)
      throws IOException {
    Map<String, Query> out = new LinkedHashMap<>();
    Map<String, Boolean> written = new HashMap<>();
    for (var e : sets.entrySet()) {
      SkillSet set = e.getValue();
      Boolean all = written.get(set.escoVersion());
      if (all == null) {
        all = check.allWritten(slice, set.escoVersion());
        written.put(set.escoVersion(), all);
      }
      out.put(e.getKey(), all ? byFacet(set) : mixed(set));
    }
    return out;
  }

  /** The vacancies of the slice without facets of this version. */
  static Query lacking(Query slice, String escoVersion) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(slice).mustNot(ElasticDemandCounts.term(VERSION_FIELD, escoVersion))));
  }

  static String field(Facet facet) {
    return switch (facet) {
      case COLLECTION -> "skillCollections";
      case GROUP -> "skillGroups";
    };
  }

  private static Query byFacet(SkillSet set) {
    return ElasticDemandCounts.term(field(set.facet()), set.value());
  }

  private static Query mixed(SkillSet set) {
    Query version = ElasticDemandCounts.term(VERSION_FIELD, set.escoVersion());
    Query bySkills =
        Query.of(
            q ->
                q.terms(
                    t ->
                        t.field("skills")
                            .terms(
                                v ->
                                    v.value(
                                        set.skills().stream()
                                            .sorted()
                                            .map(FieldValue::of)
                                            .toList()))));
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.should(s -> s.bool(x -> x.filter(version).filter(byFacet(set))))
                        .should(s -> s.bool(x -> x.mustNot(version).filter(bySkills)))
                        .minimumShouldMatch("1")));
  }
}
