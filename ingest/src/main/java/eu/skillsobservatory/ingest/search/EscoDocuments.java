package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.text.TextClean;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * ESCO concepts as documents of the label index, the label clauses of a search, and the matched
 * label of a hit.
 */
final class EscoDocuments {
  private EscoDocuments() {}

  static Map<String, Object> source(ConceptDocument d, EscoVersion version, LabelStems stems) {
    Map<String, Object> pref = new LinkedHashMap<>();
    Map<String, Object> alt = new LinkedHashMap<>();
    Map<String, Object> hidden = new LinkedHashMap<>();
    Map<String, Object> description = new LinkedHashMap<>();
    Map<String, Object> prefStems = new LinkedHashMap<>();
    Map<String, Object> altStems = new LinkedHashMap<>();
    d.labels()
        .forEach(
            (lang, l) -> {
              String f = EscoIndexMapping.field(lang);
              if (EscoIndexMapping.stemmedHere(lang)) {
                prefStems.put(f, stems.of(l.preferred(), lang));
                altStems.put(f, l.alternative().stream().map(a -> stems.of(a, lang)).toList());
              }
              if (!l.preferred().isEmpty()) {
                pref.put(f, l.preferred());
              }
              if (!l.alternative().isEmpty()) {
                alt.put(f, l.alternative());
              }
              if (!l.hidden().isEmpty()) {
                hidden.put(f, l.hidden());
              }
              if (!l.description().isEmpty()) {
                description.put(f, l.description());
              }
            });
    Map<String, Object> doc = new HashMap<>();
    doc.put("uri", d.uri());
    doc.put("type", d.type().label());
    doc.put("version", version.value());
    doc.put("collections", d.collections());
    doc.put("skillType", d.skillType());
    doc.put("reuseLevel", d.reuseLevel());
    doc.put("code", d.code());
    doc.put("iscoGroup", d.iscoGroup());
    doc.put("pref", pref);
    doc.put("alt", alt);
    doc.put("hidden", hidden);
    doc.put("description", description);
    doc.put("stems", Map.of("pref", prefStems, "alt", altStems));
    doc.put("display", pref);
    return doc;
  }

  static List<Query> clauses(String f, String text, boolean tolerant, LabelStems stems) {
    List<Query> should = new ArrayList<>();
    for (String lang : languagesFor(f)) {
      double w = lang.equals(f) ? 1.0 : 0.5;
      // Stemmed by Elasticsearch's analyzer of the language, or else by the project's stemmer.
      boolean here = EscoIndexMapping.stemmedHere(lang);
      String stemmed = (here ? "stems.pref." : "pref.") + lang;
      String altStemmed = (here ? "stems.alt." : "alt.") + lang;
      String stemText = here ? stems.of(text, lang) : text;
      // The whole label, exactly (case and accents folded): the strongest evidence.
      should.add(match("pref." + lang + ".exact", text, 20 * w, false, true));
      should.add(match("alt." + lang + ".exact", text, 12 * w, false, true));
      // All words, folded; in the tolerant pass each may carry a typo.
      should.add(match("pref." + lang + ".plain", text, 6 * w, tolerant, true));
      should.add(match("alt." + lang + ".plain", text, 4 * w, tolerant, true));
      // Inflected forms through the language's stemmer; in the tolerant pass, any of the words.
      should.add(match(stemmed, stemText, 3 * w, false, !tolerant));
      should.add(match(altStemmed, stemText, 2 * w, false, !tolerant));
      should.add(match("hidden." + lang + ".plain", text, 1 * w, false, !tolerant));
    }
    return should;
  }

  static List<String> languagesFor(String f) {
    return f.equals("en") ? List.of("en") : List.of(f, "en");
  }

  static Query match(String field, String text, double boost, boolean fuzzy, boolean allWords) {
    return Query.of(
        x ->
            x.match(
                m -> {
                  m.field(field).query(text).boost((float) boost);
                  if (allWords) {
                    m.operator(Operator.And);
                  }
                  if (fuzzy) {
                    m.fuzziness("AUTO").prefixLength(1).maxExpansions(10);
                  }
                  return m;
                }));
  }

  static List<String> strings(Map<String, JsonData> values, String field) {
    JsonData v = values.get(field);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (var item : v.toJson().asJsonArray()) {
      out.add(((JsonString) item).getString());
    }
    return out;
  }

  static String first(Map<String, JsonData> values, String field) {
    List<String> all = strings(values, field);
    return all.isEmpty() ? "" : all.get(0);
  }

  /**
   * Of a hit's labels, the one closest to the text: the same label (case, accents and punctuation
   * aside), then one that starts with the text, then the one with most of the words typed; among
   * equals a preferred label, then an alternative one, then the shortest.
   */
  static LabelMatch bestMatch(
      String text, List<String> pref, List<String> alt, List<String> hidden, String fallback) {
    return bestMatch(text, pref, alt, hidden, fallback, TextClean::fold);
  }

  /**
   * As {@link #bestMatch(String, List, List, List, String)}, text and labels compared after {@code
   * normal} (folded, or stemmed for the languages {@link LabelStems} serves).
   */
  static LabelMatch bestMatch(
      String text,
      List<String> pref,
      List<String> alt,
      List<String> hidden,
      String fallback,
      UnaryOperator<String> normal) {
    String t = normal.apply(text);
    List<String> words = List.of(t.split(" "));
    LabelMatch best = new LabelMatch(fallback, "preferred");
    long bestRank = Long.MIN_VALUE;
    List<Map.Entry<String, List<String>>> groups =
        List.of(
            Map.entry("preferred", pref),
            Map.entry("alternative", alt),
            Map.entry("hidden", hidden));
    for (int g = 0; g < groups.size(); g++) {
      for (String c : groups.get(g).getValue()) {
        String lc = normal.apply(c);
        long closeness;
        if (lc.equals(t)) {
          closeness = 1_000;
        } else if (lc.startsWith(t)) {
          closeness = 500;
        } else {
          closeness = words.stream().filter(lc::contains).count();
        }
        long rank = (closeness * 4 + (3 - g)) * 10_000 - Math.min(lc.length(), 9_999);
        if (rank > bestRank) {
          bestRank = rank;
          best = new LabelMatch(c, groups.get(g).getKey());
        }
      }
    }
    return best;
  }

  /** The label of a hit that matched, and the field it is in. */
  record LabelMatch(String label, String field) {}
}
