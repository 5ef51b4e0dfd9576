package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.ConceptType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Reads ESCO facts from one version's graph by index look-ups. Callers hold a read (or write)
 * transaction.
 */
final class GraphReader {
  private final DatasetGraph dsg;
  private final Node graph;

  GraphReader(DatasetGraph dsg, Node graph) {
    this.dsg = dsg;
    this.graph = graph;
  }

  void each(Node s, Node p, Node o, Consumer<Quad> action) {
    Iterator<Quad> it = dsg.find(graph, s, p, o);
    try {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    } finally {
      org.apache.jena.atlas.iterator.Iter.close(it);
    }
  }

  List<Node> objects(Node s, Node p) {
    List<Node> out = new ArrayList<>();
    each(s, p, Node.ANY, q -> out.add(q.getObject()));
    return out;
  }

  List<Node> subjects(Node p, Node o) {
    List<Node> out = new ArrayList<>();
    each(Node.ANY, p, o, q -> out.add(q.getSubject()));
    return out;
  }

  boolean has(Node s, Node p, Node o) {
    Iterator<Quad> it = dsg.find(graph, s, p, o);
    try {
      return it.hasNext();
    } finally {
      org.apache.jena.atlas.iterator.Iter.close(it);
    }
  }

  long count(Node s, Node p, Node o) {
    long[] n = {0};
    each(s, p, o, q -> n[0]++);
    return n[0];
  }

  /** The concept type of a subject, or null when it is not a concept the observatory serves. */
  ConceptType typeOf(Node s) {
    if (!s.isURI()) {
      return null;
    }
    if (has(s, Esco.TYPE, Esco.SKILL)) {
      return ConceptType.SKILL;
    }
    if (has(s, Esco.TYPE, Esco.OCCUPATION)) {
      return ConceptType.OCCUPATION;
    }
    if (s.getURI().startsWith(Esco.ISCO_PREFIX) && has(s, Esco.TYPE, Esco.SKOS_CONCEPT)) {
      return ConceptType.ISCO_GROUP;
    }
    if (has(s, Esco.IN_SCHEME, Esco.SKILLS_HIERARCHY)
        || (isSkillGroupUri(s.getURI()) && has(s, Esco.TYPE, Esco.SKOS_CONCEPT))) {
      return ConceptType.SKILL_GROUP;
    }
    return null;
  }

  /**
   * Skill groups are typed only {@code skos:Concept}; they sit in the skills hierarchy scheme, or
   * (in some releases, where the scheme is missing) under the skill or ISCED-F namespaces.
   */
  static boolean isSkillGroupUri(String uri) {
    return uri.startsWith(Esco.BASE + "skill/") || uri.startsWith(Esco.BASE + "isced-f/");
  }

  /** Every concept of the version with its type. */
  Map<String, ConceptType> concepts() {
    Map<String, ConceptType> out = new HashMap<>();
    each(
        Node.ANY,
        Esco.TYPE,
        Esco.SKOS_CONCEPT,
        q -> {
          Node s = q.getSubject();
          if (s.isURI() && s.getURI().startsWith(Esco.ISCO_PREFIX)) {
            out.put(s.getURI(), ConceptType.ISCO_GROUP);
          } else if (s.isURI() && isSkillGroupUri(s.getURI())) {
            out.put(s.getURI(), ConceptType.SKILL_GROUP);
          }
        });
    each(
        Node.ANY,
        Esco.IN_SCHEME,
        Esco.SKILLS_HIERARCHY,
        q -> {
          if (q.getSubject().isURI()) {
            out.put(q.getSubject().getURI(), ConceptType.SKILL_GROUP);
          }
        });
    each(
        Node.ANY,
        Esco.TYPE,
        Esco.OCCUPATION,
        q -> {
          if (q.getSubject().isURI()) {
            out.put(q.getSubject().getURI(), ConceptType.OCCUPATION);
          }
        });
    each(
        Node.ANY,
        Esco.TYPE,
        Esco.SKILL,
        q -> {
          if (q.getSubject().isURI()) {
            out.put(q.getSubject().getURI(), ConceptType.SKILL);
          }
        });
    return out;
  }

  /** The preferred label of every concept, in {@code lang} or else English or else any. */
  Map<String, String> preferredLabels(String lang) {
    Map<String, String> best = new HashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    each(
        Node.ANY,
        Esco.PREF_LABEL,
        Node.ANY,
        q -> {
          Node s = q.getSubject();
          Node o = q.getObject();
          if (!s.isURI() || !o.isLiteral()) {
            return;
          }
          int r = languageRank(o.getLiteralLanguage(), lang);
          Integer had = rank.get(s.getURI());
          if (had == null || r < had) {
            rank.put(s.getURI(), r);
            best.put(s.getURI(), o.getLiteralLexicalForm());
          }
        });
    return best;
  }

  String preferredLabel(Node s, String lang) {
    return pick(objects(s, Esco.PREF_LABEL), lang);
  }

  ConceptRef ref(Node s, String lang) {
    return new ConceptRef(s.getURI(), preferredLabel(s, lang));
  }

  /** The literal in {@code lang}, else English, else the first; empty when there is none. */
  static String pick(List<Node> literals, String lang) {
    String best = "";
    int bestRank = Integer.MAX_VALUE;
    for (Node o : literals) {
      if (!o.isLiteral()) {
        continue;
      }
      int r = languageRank(o.getLiteralLanguage(), lang);
      if (r < bestRank || (r == bestRank && o.getLiteralLexicalForm().compareTo(best) < 0)) {
        bestRank = r;
        best = o.getLiteralLexicalForm();
      }
    }
    return best;
  }

  /** 0 for the language asked for, 1 for a regional variant of it, 2 for English, 3 otherwise. */
  static int languageRank(String tag, String lang) {
    String t = tag.toLowerCase(Locale.ROOT);
    String l = lang.toLowerCase(Locale.ROOT);
    if (t.equals(l)) {
      return 0;
    }
    if (t.startsWith(l + "-") || l.startsWith(t + "-") && !t.isEmpty()) {
      return 1;
    }
    if (t.equals("en")) {
      return 2;
    }
    return t.isEmpty() ? 4 : 3;
  }

  /** The language tags the version's preferred labels carry. */
  Set<String> languages() {
    Set<String> out = new HashSet<>();
    each(
        Node.ANY,
        Esco.PREF_LABEL,
        Node.ANY,
        q -> {
          if (q.getObject().isLiteral() && !q.getObject().getLiteralLanguage().isEmpty()) {
            out.add(q.getObject().getLiteralLanguage().toLowerCase(Locale.ROOT));
          }
        });
    return out;
  }
}
