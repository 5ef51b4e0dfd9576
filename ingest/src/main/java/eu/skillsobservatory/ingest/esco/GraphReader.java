package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.ConceptType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.jena.atlas.iterator.Iter;
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

  /**
   * Tells the store which subjects are about to be read, with their preferred labels' skos-xl
   * nodes: a remote store then fetches them in a few requests instead of one each; TDB2, whose
   * look-ups cost microseconds, ignores it.
   */
  void prefetch(Collection<Node> subjects) {
    prefetch(subjects, List.of(Esco.XL_PREF_LABEL));
  }

  /**
   * As {@link #prefetch(Collection)}, with every skos-xl label and description node: for whole
   * concept documents.
   */
  void prefetchDocuments(Collection<Node> subjects) {
    prefetch(
        subjects,
        List.of(Esco.XL_PREF_LABEL, Esco.XL_ALT_LABEL, Esco.XL_HIDDEN_LABEL, Esco.DESCRIPTION));
  }

  private void prefetch(Collection<Node> subjects, List<Node> linked) {
    if (!(dsg instanceof RemoteDatasetGraph remote) || subjects.isEmpty()) {
      return;
    }
    remote.prefetch(graph, subjects);
    List<Node> nodes = new ArrayList<>();
    for (Node s : subjects) {
      if (s.isURI()) {
        linked.forEach(p -> nodes.addAll(objects(s, p)));
      }
    }
    remote.prefetch(graph, nodes);
  }

  void each(Node s, Node p, Node o, Consumer<Quad> action) {
    Iterator<Quad> it = dsg.find(graph, s, p, o);
    try {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    } finally {
      Iter.close(it);
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
      Iter.close(it);
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
        || (EscoFacts.isSkillGroupUri(s.getURI()) && has(s, Esco.TYPE, Esco.SKOS_CONCEPT))) {
      return ConceptType.SKILL_GROUP;
    }
    return null;
  }

  /** The preferred label of every concept, in {@code lang} or else English or else any. */
  Map<String, String> preferredLabels(String lang) {
    Map<String, String> best = new HashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    BiConsumer<Node, Node> offer =
        (subject, literal) -> {
          if (!subject.isURI() || !literal.isLiteral()) {
            return;
          }
          int r = languageRank(literal.getLiteralLanguage(), lang);
          Integer had = rank.get(subject.getURI());
          if (had == null
              || r < had
              || (r == had
                  && literal.getLiteralLexicalForm().compareTo(best.get(subject.getURI())) < 0)) {
            rank.put(subject.getURI(), r);
            best.put(subject.getURI(), literal.getLiteralLexicalForm());
          }
        };
    each(Node.ANY, Esco.PREF_LABEL, Node.ANY, q -> offer.accept(q.getSubject(), q.getObject()));
    each(
        Node.ANY,
        Esco.XL_PREF_LABEL,
        Node.ANY,
        q ->
            objects(q.getObject(), Esco.XL_LITERAL_FORM)
                .forEach(l -> offer.accept(q.getSubject(), l)));
    return best;
  }

  String preferredLabel(Node s, String lang) {
    return pick(labels(s, Esco.PREF_LABEL, Esco.XL_PREF_LABEL), lang);
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

  private static final Node ESSENTIAL_TYPE =
      Esco.uri(Esco.BASE + "relationship-type/essential-skill");
  private static final Node OPTIONAL_TYPE =
      Esco.uri(Esco.BASE + "relationship-type/optional-skill");

  /** The facts of the whole graph, classified as a load classifies them. */
  EscoFacts facts() {
    EscoFacts facts = new EscoFacts();
    for (Node type : List.of(Esco.SKILL, Esco.OCCUPATION, Esco.SKOS_CONCEPT)) {
      each(
          Node.ANY,
          Esco.TYPE,
          type,
          q -> facts.accept(q.getSubject(), q.getPredicate(), q.getObject()));
    }
    each(
        Node.ANY,
        Esco.IN_SCHEME,
        Esco.SKILLS_HIERARCHY,
        q -> facts.accept(q.getSubject(), q.getPredicate(), q.getObject()));
    for (Node p :
        List.of(
            Esco.SKILL_TYPE,
            Esco.RELATED_ESSENTIAL,
            Esco.RELATED_OPTIONAL,
            Esco.IS_ESSENTIAL_FOR,
            Esco.IS_OPTIONAL_FOR,
            Esco.IS_ASSOCIATION_FOR,
            Esco.TARGET,
            Esco.DCT_TYPE)) {
      each(
          Node.ANY,
          p,
          Node.ANY,
          q -> facts.accept(q.getSubject(), q.getPredicate(), q.getObject()));
    }
    return facts;
  }

  /** True for an essential-skill association, false for optional, null for anything else. */
  private Boolean associationKind(Node association) {
    if (has(association, Esco.DCT_TYPE, ESSENTIAL_TYPE)) {
      return Boolean.TRUE;
    }
    if (has(association, Esco.DCT_TYPE, OPTIONAL_TYPE)) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** The skills {@code s} needs, essential or optional, in any form. */
  List<Node> skillsOf(Node s, boolean essential) {
    Set<Node> out =
        new LinkedHashSet<>(objects(s, essential ? Esco.RELATED_ESSENTIAL : Esco.RELATED_OPTIONAL));
    each(
        Node.ANY,
        essential ? Esco.IS_ESSENTIAL_FOR : Esco.IS_OPTIONAL_FOR,
        s,
        q -> out.add(q.getSubject()));
    List<Node> associations = subjects(Esco.IS_ASSOCIATION_FOR, s);
    prefetch(associations);
    for (Node a : associations) {
      if (Boolean.valueOf(essential).equals(associationKind(a))) {
        out.addAll(objects(a, Esco.TARGET));
      }
    }
    return new ArrayList<>(out);
  }

  /** The concepts that need skill {@code s}, essential or optional, in any form. */
  List<Node> needing(Node s, boolean essential) {
    Set<Node> out =
        new LinkedHashSet<>(
            subjects(essential ? Esco.RELATED_ESSENTIAL : Esco.RELATED_OPTIONAL, s));
    out.addAll(objects(s, essential ? Esco.IS_ESSENTIAL_FOR : Esco.IS_OPTIONAL_FOR));
    List<Node> associations = subjects(Esco.TARGET, s);
    prefetch(associations);
    for (Node a : associations) {
      if (Boolean.valueOf(essential).equals(associationKind(a))) {
        out.addAll(objects(a, Esco.IS_ASSOCIATION_FOR));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The labels of {@code s} under a SKOS label property, from the plain literal and from the
   * skos-xl label nodes alike.
   */
  List<Node> labels(Node s, Node plain, Node xl) {
    List<Node> out = new ArrayList<>(objects(s, plain));
    for (Node label : objects(s, xl)) {
      out.addAll(objects(label, Esco.XL_LITERAL_FORM));
    }
    return out;
  }
}
