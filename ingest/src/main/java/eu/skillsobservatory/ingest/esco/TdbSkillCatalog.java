package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** The ESCO read model over Jena TDB2: one graph per version, found through the registry. */
final class TdbSkillCatalog implements SkillCatalog {
  private static final int MAX_CHAIN = 32;
  private static final int PREFETCH = 300;

  private final DatasetGraph dsg;
  private final VersionRegistry registry;
  private final DocumentFile documents;

  /** A catalog over a shared store: documents are read from it each time. */
  TdbSkillCatalog(DatasetGraph dsg) {
    this(dsg, null);
  }

  /** A catalog whose documents, once read, are kept in {@code documents} (null: not kept). */
  TdbSkillCatalog(DatasetGraph dsg, Path documents) {
    this.dsg = dsg;
    this.registry = new VersionRegistry(dsg);
    this.documents = documents == null ? null : new DocumentFile(documents);
  }

  @Override
  public List<VersionSummary> versions() {
    return Txn.calculateRead(dsg, registry::versions);
  }

  @Override
  public Optional<EscoVersion> currentVersion() {
    List<VersionSummary> all = versions();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).version());
  }

  @Override
  public Optional<Concept> concept(String uri, String language, Optional<EscoVersion> version) {
    EscoVersion v = resolve(version);
    return Txn.calculateRead(
        dsg,
        () -> {
          Node graph = graphOf(v);
          return read(new GraphReader(dsg, graph), Esco.uri(uri), language, v);
        });
  }

  @Override
  public VersionSnapshot snapshot(EscoVersion version, String language) {
    EscoVersion v = resolve(Optional.of(version));
    return Txn.calculateRead(
        dsg,
        () -> {
          GraphReader g = new GraphReader(dsg, graphOf(v));
          EscoFacts facts = g.facts();
          Map<String, ConceptType> types = facts.conceptTypes();
          Map<String, String> labels = g.preferredLabels(language);
          Map<String, VersionSnapshot.Entry> entries = new HashMap<>();
          types.forEach(
              (uri, type) ->
                  entries.put(uri, new VersionSnapshot.Entry(type, labels.getOrDefault(uri, ""))));
          Set<VersionSnapshot.OccupationSkill> links = new HashSet<>();
          for (EscoFacts.Link l : facts.links()) {
            if (types.get(l.from().getURI()) == ConceptType.OCCUPATION) {
              links.add(
                  new VersionSnapshot.OccupationSkill(
                      l.from().getURI(), l.to().getURI(), l.essential()));
            }
          }
          return new VersionSnapshot(v, entries, links);
        });
  }

  @Override
  public Map<String, List<String>> broader(EscoVersion version) {
    EscoVersion v = resolve(Optional.of(version));
    return Txn.calculateRead(
        dsg,
        () -> {
          Map<String, List<String>> out = new HashMap<>();
          new GraphReader(dsg, graphOf(v))
              .each(
                  Node.ANY,
                  Esco.BROADER,
                  Node.ANY,
                  q -> {
                    if (q.getSubject().isURI() && q.getObject().isURI()) {
                      out.computeIfAbsent(q.getSubject().getURI(), k -> new ArrayList<>())
                          .add(q.getObject().getURI());
                    }
                  });
          return out;
        });
  }

  /** One look-up by scheme per collection: only the members' names are read. */
  @Override
  public Map<String, Set<String>> collections(EscoVersion version) {
    EscoVersion v = resolve(Optional.of(version));
    return Txn.calculateRead(
        dsg,
        () -> {
          GraphReader g = new GraphReader(dsg, graphOf(v));
          Map<String, Set<String>> out = new TreeMap<>();
          Esco.COLLECTIONS.forEach(
              (scheme, name) ->
                  g.each(
                      Node.ANY,
                      Esco.IN_SCHEME,
                      Esco.uri(scheme),
                      q -> {
                        if (q.getSubject().isURI()) {
                          out.computeIfAbsent(name, k -> new HashSet<>())
                              .add(q.getSubject().getURI());
                        }
                      }));
          return out;
        });
  }

  /** Only the concepts asked for are read, a few look-ups each. */
  @Override
  public Map<String, ConceptDocument.Labels> labels(
      EscoVersion version, Collection<String> uris, String language) {
    EscoVersion v = resolve(Optional.of(version));
    return Txn.calculateRead(
        dsg,
        () -> {
          GraphReader g = new GraphReader(dsg, graphOf(v));
          List<Node> nodes = uris.stream().distinct().map(Esco::uri).toList();
          g.prefetchDocuments(nodes);
          Map<String, ConceptDocument.Labels> out = new HashMap<>();
          for (Node s : nodes) {
            ConceptDocument.Labels l = ConceptDocuments.labels(g, s, language);
            if (l != null) {
              out.put(s.getURI(), l);
            }
          }
          return out;
        });
  }

  /**
   * Reads the documents a few hundred at a time (a shared store sends them in a few requests each),
   * or from the file they were kept in after the first read of this load of the version.
   */
  @Override
  public void forEachConcept(EscoVersion version, Consumer<ConceptDocument> action) {
    EscoVersion v = resolve(Optional.of(version));
    Txn.executeRead(
        dsg,
        () -> {
          Node graph = graphOf(v);
          if (documents != null && documents.read(graph, action)) {
            return;
          }
          DocumentFile.Writer kept = documents == null ? null : documents.writer(graph);
          try {
            GraphReader g = new GraphReader(dsg, graph);
            List<Map.Entry<String, ConceptType>> all =
                g.facts().conceptTypes().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList();
            for (int from = 0; from < all.size(); from += PREFETCH) {
              List<Map.Entry<String, ConceptType>> part =
                  all.subList(from, Math.min(all.size(), from + PREFETCH));
              g.prefetchDocuments(part.stream().map(e -> Esco.uri(e.getKey())).toList());
              for (Map.Entry<String, ConceptType> e : part) {
                ConceptDocument d =
                    ConceptDocuments.document(g, Esco.uri(e.getKey()), e.getValue());
                if (kept != null) {
                  kept.add(d);
                }
                action.accept(d);
              }
            }
          } catch (RuntimeException | Error e) {
            if (kept != null) {
              kept.abort();
            }
            throw e;
          }
          if (kept != null) {
            kept.commit();
          }
        });
  }

  private Node graphOf(EscoVersion v) {
    return registry
        .graphOf(v)
        .orElseThrow(
            () ->
                new UnknownEscoVersionException(
                    v.value(), registry.versions().stream().map(VersionSummary::version).toList()));
  }

  private static Optional<Concept> read(GraphReader g, Node s, String lang, EscoVersion v) {
    ConceptType type = g.typeOf(s);
    if (type == null) {
      return Optional.empty();
    }
    List<Node> prefs = g.labels(s, Esco.PREF_LABEL, Esco.XL_PREF_LABEL);
    String preferred = GraphReader.pick(prefs, lang);
    String used = languageUsed(prefs, lang);
    List<String> alt = labels(g.labels(s, Esco.ALT_LABEL, Esco.XL_ALT_LABEL), used, preferred);
    List<String> hidden =
        labels(g.labels(s, Esco.HIDDEN_LABEL, Esco.XL_HIDDEN_LABEL), used, preferred);
    Set<String> languages = new TreeSet<>();
    for (Node p : prefs) {
      if (p.isLiteral() && !p.getLiteralLanguage().isEmpty()) {
        languages.add(p.getLiteralLanguage());
      }
    }

    List<Node> groups = g.objects(s, Esco.MEMBER_OF_ISCO_GROUP);
    List<Node> broader = g.objects(s, Esco.BROADER);
    List<Node> essential = g.skillsOf(s, true);
    List<Node> optional = g.skillsOf(s, false);
    List<Node> neededBy = g.needing(s, true);
    List<Node> wantedBy = g.needing(s, false);
    List<Node> named = new ArrayList<>(groups);
    for (List<Node> l : List.of(broader, essential, optional, neededBy, wantedBy)) {
      named.addAll(l);
    }
    g.prefetch(named);
    ConceptRef isco = null;
    if (!groups.isEmpty() && groups.get(0).isURI()) {
      isco = g.ref(groups.get(0), lang);
    }
    List<String> collections = ConceptDocuments.collections(g, s);

    return Optional.of(
        new Concept(
            s.getURI(),
            type,
            v,
            used,
            preferred,
            alt,
            hidden,
            ConceptDocuments.description(g, s, used),
            ConceptDocuments.localName(g.objects(s, Esco.SKILL_TYPE)),
            ConceptDocuments.localName(g.objects(s, Esco.REUSE_LEVEL)),
            ConceptDocuments.code(g.objects(s, Esco.NOTATION)),
            isco,
            refs(g, broader, lang),
            chain(g, s, lang),
            collections,
            refs(g, essential, lang),
            refs(g, optional, lang),
            occupations(g, neededBy, lang),
            occupations(g, wantedBy, lang),
            List.copyOf(languages)));
  }

  private static String languageUsed(List<Node> prefs, String lang) {
    int best = Integer.MAX_VALUE;
    String tag = "en";
    for (Node p : prefs) {
      if (p.isLiteral()) {
        int r = GraphReader.languageRank(p.getLiteralLanguage(), lang);
        if (r < best) {
          best = r;
          tag = p.getLiteralLanguage();
        }
      }
    }
    return tag;
  }

  private static List<String> labels(List<Node> nodes, String lang, String preferred) {
    Set<String> out = new TreeSet<>();
    for (Node n : nodes) {
      if (n.isLiteral() && n.getLiteralLanguage().equalsIgnoreCase(lang)) {
        out.add(n.getLiteralLexicalForm());
      }
    }
    out.remove(preferred);
    return List.copyOf(out);
  }

  private static List<ConceptRef> refs(GraphReader g, List<Node> nodes, String lang) {
    Set<ConceptRef> out = new TreeSet<>();
    for (Node n : nodes) {
      if (n.isURI()) {
        out.add(g.ref(n, lang));
      }
    }
    return List.copyOf(out);
  }

  private static List<ConceptRef> occupations(GraphReader g, List<Node> nodes, String lang) {
    List<Node> occupations = new ArrayList<>();
    for (Node n : nodes) {
      if (n.isURI() && g.has(n, Esco.TYPE, Esco.OCCUPATION)) {
        occupations.add(n);
      }
    }
    return refs(g, occupations, lang);
  }

  /**
   * From the direct parent up to the top; where a concept has several parents, the first by URI.
   */
  private static List<ConceptRef> chain(GraphReader g, Node s, String lang) {
    List<ConceptRef> out = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>();
    seen.add(s);
    Node current = s;
    for (int i = 0; i < MAX_CHAIN; i++) {
      Node next =
          g.objects(current, Esco.BROADER).stream()
              .filter(Node::isURI)
              .min(Comparator.comparing(Node::getURI))
              .orElse(null);
      if (next == null || !seen.add(next)) {
        break;
      }
      out.add(g.ref(next, lang));
      current = next;
    }
    return out;
  }
}
