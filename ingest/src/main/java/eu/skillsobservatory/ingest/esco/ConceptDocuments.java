package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** A concept's document, its labels by language and its other fields, as read from its graph. */
final class ConceptDocuments {
  private ConceptDocuments() {}

  static ConceptDocument document(GraphReader g, Node s, ConceptType type) {
    Map<String, List<String>> prefs = byLanguage(g.labels(s, Esco.PREF_LABEL, Esco.XL_PREF_LABEL));
    Map<String, List<String>> alts = byLanguage(g.labels(s, Esco.ALT_LABEL, Esco.XL_ALT_LABEL));
    Map<String, List<String>> hidden =
        byLanguage(g.labels(s, Esco.HIDDEN_LABEL, Esco.XL_HIDDEN_LABEL));
    Set<String> languages = new TreeSet<>(prefs.keySet());
    languages.addAll(alts.keySet());
    Map<String, ConceptDocument.Labels> labels = new HashMap<>();
    for (String lang : languages) {
      String preferred = prefs.getOrDefault(lang, List.of()).stream().findFirst().orElse("");
      labels.put(
          lang,
          new ConceptDocument.Labels(
              preferred,
              distinctWithout(alts.getOrDefault(lang, List.of()), preferred),
              distinctWithout(hidden.getOrDefault(lang, List.of()), preferred),
              exactDescription(g, s, lang)));
    }
    List<Node> groups = g.objects(s, Esco.MEMBER_OF_ISCO_GROUP);
    return new ConceptDocument(
        s.getURI(),
        type,
        labels,
        collections(g, s),
        localName(g.objects(s, Esco.SKILL_TYPE)),
        localName(g.objects(s, Esco.REUSE_LEVEL)),
        code(g.objects(s, Esco.NOTATION)),
        groups.isEmpty() || !groups.get(0).isURI() ? null : groups.get(0).getURI());
  }

  /**
   * The preferred, alternative and hidden labels of {@code s} in one language, without its
   * description; null when it has none in that language.
   */
  static ConceptDocument.Labels labels(GraphReader g, Node s, String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    List<String> prefs =
        byLanguage(g.labels(s, Esco.PREF_LABEL, Esco.XL_PREF_LABEL)).getOrDefault(l, List.of());
    List<String> alts =
        byLanguage(g.labels(s, Esco.ALT_LABEL, Esco.XL_ALT_LABEL)).getOrDefault(l, List.of());
    if (prefs.isEmpty() && alts.isEmpty()) {
      return null;
    }
    String preferred = prefs.isEmpty() ? "" : prefs.get(0);
    List<String> hidden =
        byLanguage(g.labels(s, Esco.HIDDEN_LABEL, Esco.XL_HIDDEN_LABEL)).getOrDefault(l, List.of());
    return new ConceptDocument.Labels(
        preferred, distinctWithout(alts, preferred), distinctWithout(hidden, preferred), "");
  }

  static Map<String, List<String>> byLanguage(List<Node> literals) {
    Map<String, List<String>> out = new HashMap<>();
    for (Node n : literals) {
      if (n.isLiteral() && !n.getLiteralLanguage().isEmpty()) {
        out.computeIfAbsent(n.getLiteralLanguage().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(n.getLiteralLexicalForm());
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  static List<String> distinctWithout(List<String> labels, String preferred) {
    Set<String> out = new TreeSet<>(labels);
    out.remove(preferred);
    return List.copyOf(out);
  }

  static List<String> collections(GraphReader g, Node s) {
    return g.objects(s, Esco.IN_SCHEME).stream()
        .filter(Node::isURI)
        .map(n -> Esco.COLLECTIONS.get(n.getURI()))
        .filter(c -> c != null)
        .distinct()
        .sorted()
        .toList();
  }

  /** The description in exactly this language, empty if there is none (no English stand-in). */
  static String exactDescription(GraphReader g, Node s, String lang) {
    List<Node> texts = descriptions(g, s);
    texts.removeIf(t -> !t.getLiteralLanguage().equalsIgnoreCase(lang));
    return GraphReader.pick(texts, lang);
  }

  /** A description in the language asked for, or the closest one (English before others). */
  static String description(GraphReader g, Node s, String lang) {
    return GraphReader.pick(descriptions(g, s), lang);
  }

  /**
   * Plain literal descriptions and the texts of {@code esco:NodeLiteral}s, as language literals.
   */
  static List<Node> descriptions(GraphReader g, Node s) {
    List<Node> texts = new ArrayList<>();
    for (Node d : g.objects(s, Esco.DESCRIPTION)) {
      if (d.isLiteral()) {
        texts.add(d);
      } else {
        List<Node> values = g.objects(d, Esco.NODE_LITERAL_VALUE);
        List<Node> langs = g.objects(d, Esco.LANGUAGE);
        if (!values.isEmpty() && values.get(0).isLiteral()) {
          String tag = langs.isEmpty() ? "" : langs.get(0).getLiteralLexicalForm();
          texts.add(NodeFactory.createLiteralLang(values.get(0).getLiteralLexicalForm(), tag));
        }
      }
    }
    return texts;
  }

  static String localName(List<Node> nodes) {
    for (Node n : nodes) {
      if (n.isURI()) {
        String u = n.getURI();
        return u.substring(u.lastIndexOf('/') + 1);
      }
    }
    return null;
  }

  /** The plain notation (ESCO code or ISCO code), preferring one without a datatype. */
  static String code(List<Node> notations) {
    String typed = null;
    for (Node n : notations) {
      if (!n.isLiteral()) {
        continue;
      }
      if (n.getLiteralDatatypeURI().endsWith("#string")) {
        return n.getLiteralLexicalForm();
      }
      typed = n.getLiteralLexicalForm();
    }
    return typed;
  }
}
