package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.text.TextClean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Where readers put the triples of a load: cleans every literal (see {@link TextClean}), drops the
 * ones left empty, remembers which concepts the load declared, and hands triples on in batches.
 */
final class LoadSink {
  private static final int BATCH = 5_000;
  private static final Set<Node> LABEL_PREDICATES =
      Set.of(
          Esco.PREF_LABEL,
          Esco.ALT_LABEL,
          Esco.HIDDEN_LABEL,
          Esco.XL_LITERAL_FORM,
          Esco.TITLE,
          Esco.NOTATION);

  private final Consumer<List<Triple>> downstream;
  private final Set<String> concepts = new HashSet<>();
  private final EscoFacts facts = new EscoFacts();
  private List<Triple> batch = new ArrayList<>(BATCH);
  private long triples;

  LoadSink(Consumer<List<Triple>> downstream) {
    this.downstream = downstream;
  }

  void add(Node s, Node p, Node o) {
    if (o.isLiteral()) {
      o = clean(p, o);
      if (o == null) {
        return;
      }
    }
    if (p.equals(Esco.TYPE) && s.isURI() && isConceptType(o)) {
      concepts.add(s.getURI());
    }
    facts.accept(s, p, o);
    batch.add(Triple.create(s, p, o));
    triples++;
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  /** A concept that a CSV row declares; relations may point at it. */
  void declare(String uri) {
    concepts.add(uri);
  }

  boolean isDeclared(String uri) {
    return concepts.contains(uri);
  }

  /** What the load's counts are made of, gathered as the triples went by. */
  EscoFacts facts() {
    return facts;
  }

  long triples() {
    return triples;
  }

  void flush() {
    if (!batch.isEmpty()) {
      downstream.accept(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  private static boolean isConceptType(Node o) {
    return o.equals(Esco.SKILL) || o.equals(Esco.OCCUPATION) || o.equals(Esco.SKOS_CONCEPT);
  }

  private static Node clean(Node p, Node o) {
    String lex = o.getLiteralLexicalForm();
    String lang = o.getLiteralLanguage();
    boolean plain =
        !lang.isEmpty() || XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI());
    if (!plain) {
      return o;
    }
    String cleaned = LABEL_PREDICATES.contains(p) ? TextClean.label(lex) : TextClean.text(lex);
    if (cleaned.isEmpty()) {
      return null;
    }
    if (cleaned.equals(lex)) {
      return o;
    }
    return lang.isEmpty()
        ? NodeFactory.createLiteralString(cleaned)
        : NodeFactory.createLiteralLang(cleaned, lang);
  }
}
