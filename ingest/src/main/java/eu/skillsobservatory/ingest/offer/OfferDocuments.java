package eu.skillsobservatory.ingest.offer;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.OfferRecord;
import eu.skillsobservatory.analytics.offer.TrainingOffers.Taught;
import eu.skillsobservatory.ingest.search.SkillFields;
import eu.skillsobservatory.ingest.vacancy.VacancyIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training offers as documents of the offers index, and filters as its queries. */
final class OfferDocuments {
  private OfferDocuments() {}

  /** The document id of an offer: a digest of its source and id. */
  public static String documentId(Offer o) {
    return VacancyIndex.documentId(o.source(), o.id());
  }

  static Map<String, Object> document(OfferRecord r, String ingestedAt) {
    Offer o = r.offer();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", o.source());
    d.put("id", o.id());
    d.put("provider", o.provider());
    d.put("title", o.title());
    d.put("description", o.description());
    d.put("country", o.country());
    d.put("region", o.region());
    d.put("eqf", o.eqf());
    d.put("isced", o.iscedF());
    d.put("mode", o.mode());
    d.put("hours", o.hours());
    d.put("ects", o.ects());
    d.put("cost", o.cost());
    d.put("currency", o.currency());
    d.put("language", r.language());
    d.put("start", o.startDates().stream().map(Object::toString).toList());
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (Offer.Outcome out : o.outcomes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", out.text());
      m.put("skills", out.skills());
      outcomes.add(m);
    }
    d.put("outcomes", outcomes);
    d.put("url", o.url());
    d.put("format", o.format());
    SkillFields.put(d, r.skills());
    d.put("ingest", r.ingest());
    d.put("ingestedAt", ingestedAt);
    return d;
  }

  /** The query of a filter. Offers that do not say their hours, cost or level are kept. */
  public static Query query(OfferFilter f) {
    List<Query> must = new ArrayList<>();
    f.country().ifPresent(c -> must.add(terms("country", List.of(c))));
    f.region().ifPresent(r -> must.add(Query.of(q -> q.prefix(p -> p.field("region").value(r)))));
    if (!f.modes().isEmpty()) {
      must.add(terms("mode", new ArrayList<>(f.modes())));
    }
    if (f.eqfMin().isPresent() || f.eqfMax().isPresent()) {
      must.add(
          unknownOr(
              "eqf",
              Query.of(
                  q ->
                      q.range(
                          r ->
                              r.number(
                                  n -> {
                                    n.field("eqf");
                                    f.eqfMin().ifPresent(x -> n.gte((double) x));
                                    f.eqfMax().ifPresent(x -> n.lte((double) x));
                                    return n;
                                  })))));
    }
    f.maxHours()
        .ifPresent(
            h ->
                must.add(
                    unknownOr(
                        "hours",
                        Query.of(q -> q.range(r -> r.number(n -> n.field("hours").lte(h)))))));
    f.maxCost()
        .ifPresent(
            c ->
                must.add(
                    unknownOr(
                        "cost",
                        Query.of(q -> q.range(r -> r.number(n -> n.field("cost").lte(c)))))));
    return Query.of(q -> q.bool(b -> b.filter(must)));
  }

  static Query unknownOr(String field, Query q) {
    return Query.of(
        x ->
            x.bool(
                b ->
                    b.should(q)
                        .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(field)))))
                        .minimumShouldMatch("1")));
  }

  static Query terms(String field, List<String> values) {
    return Query.of(
        q ->
            q.terms(
                t ->
                    t.field(field)
                        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  @SuppressWarnings("unchecked")
  static Taught taught(Map<String, Object> o) {
    return new Taught(
        str(o.get("source")),
        str(o.get("id")),
        str(o.get("title")),
        str(o.get("provider")),
        str(o.get("country")),
        str(o.get("region")),
        o.get("eqf") instanceof Number n ? n.intValue() : null,
        str(o.get("mode")),
        o.get("hours") instanceof Number n ? n.doubleValue() : null,
        o.get("cost") instanceof Number n ? n.doubleValue() : null,
        str(o.get("currency")),
        o.get("skills") instanceof List<?> l ? (List<String>) l : List.of());
  }

  static String str(Object o) {
    return o == null ? null : o.toString();
  }

  static Map<String, Long> buckets(Aggregate a) {
    Map<String, Long> out = new LinkedHashMap<>();
    a.sterms().buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
    return out;
  }
}
