package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.ConceptType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;

/**
 * What a version's counts are made of, gathered triple by triple: which concepts there are and of
 * which type, and every skill link in any of the dump's three forms. Fed during a load, it counts
 * the version without reading the graph back; fed from a graph, it classifies that graph's concepts
 * the same way.
 */
final class EscoFacts {
  private static final Node ESSENTIAL_TYPE =
      Esco.uri(Esco.BASE + "relationship-type/essential-skill");
  private static final Node OPTIONAL_TYPE =
      Esco.uri(Esco.BASE + "relationship-type/optional-skill");

  /** A skill link read as its direct form. */
  record Link(Node from, Node to, boolean essential) {}

  private final Set<Node> skills = new HashSet<>();
  private final Set<Node> occupations = new HashSet<>();
  private final Set<Node> skosConcepts = new HashSet<>();
  private final Set<Node> inSkillsHierarchy = new HashSet<>();
  private final Set<Node> knowledge = new HashSet<>();
  private final Set<Link> links = new HashSet<>();
  private final Map<Node, Node[]> associations = new HashMap<>();
  private final Set<String> languages = new TreeSet<>();

  private enum Kind {
    TYPE,
    IN_SCHEME,
    SKILL_TYPE,
    ESSENTIAL,
    OPTIONAL,
    ESSENTIAL_FOR,
    OPTIONAL_FOR,
    ASSOCIATION_FOR,
    TARGET,
    RELATION_TYPE,
    LABEL
  }

  /** The predicates that matter, for one hash look-up per triple. */
  private static final Map<Node, Kind> KINDS =
      Map.ofEntries(
          Map.entry(Esco.TYPE, Kind.TYPE),
          Map.entry(Esco.IN_SCHEME, Kind.IN_SCHEME),
          Map.entry(Esco.SKILL_TYPE, Kind.SKILL_TYPE),
          Map.entry(Esco.RELATED_ESSENTIAL, Kind.ESSENTIAL),
          Map.entry(Esco.RELATED_OPTIONAL, Kind.OPTIONAL),
          Map.entry(Esco.IS_ESSENTIAL_FOR, Kind.ESSENTIAL_FOR),
          Map.entry(Esco.IS_OPTIONAL_FOR, Kind.OPTIONAL_FOR),
          Map.entry(Esco.IS_ASSOCIATION_FOR, Kind.ASSOCIATION_FOR),
          Map.entry(Esco.TARGET, Kind.TARGET),
          Map.entry(Esco.DCT_TYPE, Kind.RELATION_TYPE),
          Map.entry(Esco.PREF_LABEL, Kind.LABEL),
          Map.entry(Esco.XL_LITERAL_FORM, Kind.LABEL));

  /** Takes note of one triple; any triple may come, in any order. */
  void accept(Node s, Node p, Node o) {
    Kind kind = KINDS.get(p);
    if (kind == null) {
      return;
    }
    switch (kind) {
      case TYPE -> {
        if (o.equals(Esco.SKILL)) {
          skills.add(s);
        } else if (o.equals(Esco.OCCUPATION)) {
          occupations.add(s);
        } else if (o.equals(Esco.SKOS_CONCEPT)) {
          skosConcepts.add(s);
        }
      }
      case IN_SCHEME -> {
        if (o.equals(Esco.SKILLS_HIERARCHY)) {
          inSkillsHierarchy.add(s);
        }
      }
      case SKILL_TYPE -> {
        if (o.equals(Esco.KNOWLEDGE)) {
          knowledge.add(s);
        }
      }
      case ESSENTIAL -> link(s, o, true);
      case OPTIONAL -> link(s, o, false);
      case ESSENTIAL_FOR -> link(o, s, true);
      case OPTIONAL_FOR -> link(o, s, false);
      case ASSOCIATION_FOR -> association(s)[0] = o;
      case TARGET -> association(s)[1] = o;
      case RELATION_TYPE -> {
        if (o.equals(ESSENTIAL_TYPE) || o.equals(OPTIONAL_TYPE)) {
          association(s)[2] = o;
        }
      }
      case LABEL -> {
        if (o.isLiteral() && !o.getLiteralLanguage().isEmpty()) {
          languages.add(o.getLiteralLanguage().toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  private void link(Node from, Node to, boolean essential) {
    if (from.isURI() && to.isURI()) {
      links.add(new Link(from, to, essential));
    }
  }

  private Node[] association(Node a) {
    return associations.computeIfAbsent(a, k -> new Node[3]);
  }

  /** Every concept with its type; a skill or occupation type wins over the structural rules. */
  Map<String, ConceptType> conceptTypes() {
    Map<String, ConceptType> out = new HashMap<>();
    for (Node s : skosConcepts) {
      if (!s.isURI()) {
        continue;
      }
      if (s.getURI().startsWith(Esco.ISCO_PREFIX)) {
        out.put(s.getURI(), ConceptType.ISCO_GROUP);
      } else if (isSkillGroupUri(s.getURI())) {
        out.put(s.getURI(), ConceptType.SKILL_GROUP);
      }
    }
    for (Node s : inSkillsHierarchy) {
      if (s.isURI()) {
        out.put(s.getURI(), ConceptType.SKILL_GROUP);
      }
    }
    for (Node s : occupations) {
      if (s.isURI()) {
        out.put(s.getURI(), ConceptType.OCCUPATION);
      }
    }
    for (Node s : skills) {
      if (s.isURI()) {
        out.put(s.getURI(), ConceptType.SKILL);
      }
    }
    return out;
  }

  /**
   * Skill groups are typed only {@code skos:Concept}; they sit in the skills hierarchy scheme, or
   * (in some releases, where the scheme is missing) under the skill or ISCED-F namespaces.
   */
  static boolean isSkillGroupUri(String uri) {
    return uri.startsWith(Esco.BASE + "skill/") || uri.startsWith(Esco.BASE + "isced-f/");
  }

  /** Every skill link, whichever form the source used. */
  Set<Link> links() {
    Set<Link> out = new HashSet<>(links);
    for (Node[] a : associations.values()) {
      if (a[0] != null && a[1] != null && a[2] != null && a[0].isURI() && a[1].isURI()) {
        out.add(new Link(a[0], a[1], a[2].equals(ESSENTIAL_TYPE)));
      }
    }
    return out;
  }

  Set<String> languages() {
    return languages;
  }

  /** The number of skills whose skill type is knowledge. */
  long knowledgeSkills() {
    return knowledge.stream().filter(skills::contains).count();
  }
}
