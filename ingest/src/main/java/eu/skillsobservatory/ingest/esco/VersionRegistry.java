package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Which graph holds which ESCO version, kept in a graph of its own. A version's data is loaded into
 * a fresh graph and this registry is pointed at it in the same transaction, so a reader sees the
 * old version or the new one, never a mix, and a failed load leaves no trace.
 */
final class VersionRegistry {
  static final String PREFIX = "urn:skills-observatory:";
  static final Node GRAPH = NodeFactory.createURI(PREFIX + "catalog");
  static final String VERSION_GRAPH_PREFIX = PREFIX + "esco:";
  private static final String NS = PREFIX + "vocab#";

  private static final Node ESCO_VERSION = p("EscoVersion");
  private static final Node VERSION = p("version");
  private static final Node DATA_GRAPH = p("graph");
  private static final Node LOADED_AT = p("loadedAt");
  private static final Node SOURCE = p("source");
  private static final Node LANGUAGE = p("language");
  private static final Node SKILLS = p("skills");
  private static final Node KNOWLEDGE = p("knowledge");
  private static final Node OCCUPATIONS = p("occupations");
  private static final Node ISCO_GROUPS = p("iscoGroups");
  private static final Node SKILL_GROUPS = p("skillGroups");
  private static final Node OCC_SKILL = p("occupationSkillRelations");
  private static final Node ESSENTIAL = p("essentialRelations");
  private static final Node SKILL_SKILL = p("skillSkillRelations");
  private static final Node TRIPLES = p("triples");

  private final DatasetGraph dsg;

  VersionRegistry(DatasetGraph dsg) {
    this.dsg = dsg;
  }

  private static Node p(String local) {
    return NodeFactory.createURI(NS + local);
  }

  static Node entry(EscoVersion v) {
    return NodeFactory.createURI(VERSION_GRAPH_PREFIX + v.value());
  }

  /** A fresh graph name for a new load of {@code v}. */
  static Node newDataGraph(EscoVersion v) {
    return NodeFactory.createURI(
        VERSION_GRAPH_PREFIX + v.value() + ":load-" + Instant.now().toEpochMilli());
  }

  /** When the load that made a graph of ours started, from its name. */
  static Optional<Instant> loadedAt(Node graph) {
    String uri = graph.isURI() ? graph.getURI() : "";
    int at = uri.lastIndexOf(":load-");
    if (!uri.startsWith(VERSION_GRAPH_PREFIX) || at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(uri.substring(at + 6))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The graph that holds {@code v}, if it is loaded. Needs a transaction. */
  Optional<Node> graphOf(EscoVersion v) {
    var it = dsg.find(GRAPH, entry(v), DATA_GRAPH, Node.ANY);
    try {
      return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    } finally {
      Iter.close(it);
    }
  }

  /** Points {@code v} at {@code graph} with its counts. Needs a write transaction. */
  void record(Node graph, VersionSummary s) {
    Node e = entry(s.version());
    dsg.deleteAny(GRAPH, e, Node.ANY, Node.ANY);
    add(e, Esco.TYPE, ESCO_VERSION);
    add(e, VERSION, NodeFactory.createLiteralString(s.version().value()));
    add(e, DATA_GRAPH, graph);
    add(
        e,
        LOADED_AT,
        NodeFactory.createLiteralDT(s.loadedAt().toString(), XSDDatatype.XSDdateTime));
    add(e, SKILLS, n(s.skills()));
    add(e, KNOWLEDGE, n(s.knowledge()));
    add(e, OCCUPATIONS, n(s.occupations()));
    add(e, ISCO_GROUPS, n(s.iscoGroups()));
    add(e, SKILL_GROUPS, n(s.skillGroups()));
    add(e, OCC_SKILL, n(s.occupationSkillRelations()));
    add(e, ESSENTIAL, n(s.essentialRelations()));
    add(e, SKILL_SKILL, n(s.skillSkillRelations()));
    add(e, TRIPLES, n(s.triples()));
    s.languages().forEach(l -> add(e, LANGUAGE, NodeFactory.createLiteralString(l)));
    s.sources().forEach(src -> add(e, SOURCE, NodeFactory.createLiteralString(src)));
  }

  /** Every loaded version, oldest first, the newest marked current. Needs a transaction. */
  List<VersionSummary> versions() {
    List<VersionSummary> out = new ArrayList<>();
    var it = dsg.find(GRAPH, Node.ANY, Esco.TYPE, ESCO_VERSION);
    try {
      while (it.hasNext()) {
        Node e = it.next().getSubject();
        out.add(read(e));
      }
    } finally {
      Iter.close(it);
    }
    out.sort(Comparator.comparing(VersionSummary::version));
    List<VersionSummary> marked = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      marked.add(out.get(i).asCurrent(i == out.size() - 1));
    }
    return marked;
  }

  /** Graphs of ours that no version points at: left by an interrupted load or a replaced one. */
  List<Node> unusedDataGraphs() {
    List<Node> used = new ArrayList<>();
    dsg.find(GRAPH, Node.ANY, DATA_GRAPH, Node.ANY).forEachRemaining(q -> used.add(q.getObject()));
    List<Node> out = new ArrayList<>();
    dsg.listGraphNodes()
        .forEachRemaining(
            g -> {
              if (g.isURI() && g.getURI().startsWith(VERSION_GRAPH_PREFIX) && !used.contains(g)) {
                out.add(g);
              }
            });
    return out;
  }

  private VersionSummary read(Node e) {
    return new VersionSummary(
        EscoVersion.parse(string(e, VERSION)),
        false,
        number(e, SKILLS),
        number(e, KNOWLEDGE),
        number(e, OCCUPATIONS),
        number(e, ISCO_GROUPS),
        number(e, SKILL_GROUPS),
        number(e, OCC_SKILL),
        number(e, ESSENTIAL),
        number(e, SKILL_SKILL),
        number(e, TRIPLES),
        strings(e, LANGUAGE),
        Instant.parse(string(e, LOADED_AT)),
        strings(e, SOURCE));
  }

  private void add(Node s, Node p, Node o) {
    dsg.add(new Quad(GRAPH, s, p, o));
  }

  private static Node n(long value) {
    return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDlong);
  }

  private String string(Node s, Node p) {
    List<String> all = strings(s, p);
    return all.isEmpty() ? "" : all.get(0);
  }

  private List<String> strings(Node s, Node p) {
    List<String> out = new ArrayList<>();
    dsg.find(GRAPH, s, p, Node.ANY)
        .forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
    out.sort(null);
    return out;
  }

  private long number(Node s, Node p) {
    String v = string(s, p);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }
}
