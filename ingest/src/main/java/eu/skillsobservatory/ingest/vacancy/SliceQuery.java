package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import eu.skillsobservatory.analytics.demand.Slice;
import java.util.ArrayList;
import java.util.List;

/** The vacancies of a slice as a query of the vacancies index. */
public final class SliceQuery {
  private SliceQuery() {}

  /** The query of a slice: filters only, so it is cached by Elasticsearch and scores nothing. */
  public static Query of(Slice slice) {
    List<Query> must = new ArrayList<>();
    if (!slice.includeDuplicates()) {
      must.add(term("duplicate", "false"));
    }
    slice
        .sector()
        .ifPresent(
            s -> {
              if (s.length() == 1) {
                must.add(term("naceSection", s));
              } else {
                String division = s.substring(0, 2);
                must.add(
                    Query.of(
                        q ->
                            q.bool(
                                b ->
                                    b.should(prefix("nace", division))
                                        .should(
                                            prefix(
                                                "nace",
                                                slice.sectorSection().orElse("") + division))
                                        .minimumShouldMatch("1"))));
              }
            });
    slice
        .occupation()
        .ifPresent(
            o -> {
              if (o.startsWith("http")) {
                must.add(term("escoOccupation", o));
              } else if (o.length() == 1) {
                must.add(term("iscoMajor", o));
              } else {
                must.add(prefix("isco", o));
              }
            });
    slice.country().ifPresent(c -> must.add(countryTerm(c)));
    slice.region().ifPresent(r -> must.add(prefix("region", r)));
    slice.dataset().ifPresent(d -> must.add(term("dataset", d)));
    if (slice.from().isPresent() || slice.to().isPresent()) {
      must.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("posted");
                                slice.from().ifPresent(f -> d.gte(f.atDay(1).toString()));
                                slice.to().ifPresent(t -> d.lte(t.atEndOfMonth().toString()));
                                return d;
                              }))));
    }
    return Query.of(q -> q.bool(b -> b.filter(must)));
  }

  /** A country's codes as vacancies may carry it: Greece and the United Kingdom have two. */
  public static List<String> countryCodes(String c) {
    return switch (c) {
      case "GR", "EL" -> List.of("GR", "EL");
      case "GB", "UK" -> List.of("GB", "UK");
      default -> List.of(c);
    };
  }

  /** Greece and the United Kingdom under both their ISO and their Eurostat codes. */
  private static Query countryTerm(String c) {
    List<String> codes = countryCodes(c);
    return Query.of(
        q ->
            q.terms(
                t ->
                    t.field("country")
                        .terms(v -> v.value(codes.stream().map(FieldValue::of).toList()))));
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  private static Query prefix(String field, String value) {
    return Query.of(q -> q.prefix(p -> p.field(field).value(value)));
  }
}
