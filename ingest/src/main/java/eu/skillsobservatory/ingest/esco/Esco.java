package eu.skillsobservatory.ingest.esco;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/** The ESCO RDF vocabulary as the official dump uses it (see ESCO-MODEL.md). */
final class Esco {
  private Esco() {}

  static final String BASE = "http://data.europa.eu/esco/";
  static final String MODEL = BASE + "model#";
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  static final String SKOSXL = "http://www.w3.org/2008/05/skos-xl#";
  static final String DCT = "http://purl.org/dc/terms/";
  static final String ISO_THES = "http://purl.org/iso25964/skos-thes#";
  static final String SCHEME = BASE + "concept-scheme/";
  static final String ISCO_PREFIX = BASE + "isco/C";

  static final Node TYPE = RDF.type.asNode();
  static final Node SKOS_CONCEPT = uri(SKOS + "Concept");
  static final Node SKOS_CONCEPT_SCHEME = uri(SKOS + "ConceptScheme");
  static final Node MEMBER_CONCEPT = uri(MODEL + "MemberConcept");
  static final Node SKILL = uri(MODEL + "Skill");
  static final Node OCCUPATION = uri(MODEL + "Occupation");
  static final Node NODE_LITERAL = uri(MODEL + "NodeLiteral");

  static final Node PREF_LABEL = uri(SKOS + "prefLabel");
  static final Node ALT_LABEL = uri(SKOS + "altLabel");
  static final Node HIDDEN_LABEL = uri(SKOS + "hiddenLabel");
  static final Node BROADER = uri(SKOS + "broader");
  static final Node IN_SCHEME = uri(SKOS + "inScheme");
  static final Node NOTATION = uri(SKOS + "notation");
  static final Node SCOPE_NOTE = uri(SKOS + "scopeNote");
  static final Node DEFINITION = uri(SKOS + "definition");
  static final Node DESCRIPTION = uri(DCT + "description");
  static final Node TITLE = uri(DCT + "title");
  static final Node DCT_TYPE = uri(DCT + "type");
  static final Node MODIFIED = uri(DCT + "modified");
  static final Node STATUS = uri(ISO_THES + "status");

  static final Node XL_PREF_LABEL = uri(SKOSXL + "prefLabel");
  static final Node XL_ALT_LABEL = uri(SKOSXL + "altLabel");
  static final Node XL_HIDDEN_LABEL = uri(SKOSXL + "hiddenLabel");
  static final Node XL_LITERAL_FORM = uri(SKOSXL + "literalForm");

  static final Node LANGUAGE = uri(MODEL + "language");
  static final Node NODE_LITERAL_VALUE = uri(MODEL + "nodeLiteral");
  static final Node SKILL_TYPE = uri(MODEL + "skillType");
  static final Node REUSE_LEVEL = uri(MODEL + "skillReuseLevel");
  static final Node MEMBER_OF_ISCO_GROUP = uri(MODEL + "memberOfISCOGroup");
  static final Node RELATED_ESSENTIAL = uri(MODEL + "relatedEssentialSkill");
  static final Node RELATED_OPTIONAL = uri(MODEL + "relatedOptionalSkill");
  static final Node IS_ESSENTIAL_FOR = uri(MODEL + "isEssentialSkillFor");
  static final Node IS_OPTIONAL_FOR = uri(MODEL + "isOptionalSkillFor");
  static final Node IS_ASSOCIATION_FOR = uri(MODEL + "isAssociationFor");
  static final Node TARGET = uri(MODEL + "target");
  static final Node REGULATED_NOTE = uri(MODEL + "regulatedProfessionNote");

  static final String SKILL_TYPE_BASE = BASE + "skill-type/";
  static final String REUSE_LEVEL_BASE = BASE + "skill-reuse-level/";
  static final Node KNOWLEDGE = uri(SKILL_TYPE_BASE + "knowledge");
  static final Node SKILLS_HIERARCHY = uri(SCHEME + "skills-hierarchy");

  /** ESCO's collections, by concept scheme, with the names the observatory gives them. */
  static final Map<String, String> COLLECTIONS =
      Map.of(
          SCHEME + "6c930acd-c104-4ece-acf7-f44fd7333036", "digital",
          SCHEME + "green", "green",
          SCHEME + "skill-transversal-groups", "transversal",
          SCHEME + "skill-language-groups", "language",
          SCHEME + "research", "research",
          SCHEME + "8ae4b9f3-507e-4057-a145-2f96f0132613", "research",
          SCHEME + "digcomp", "digcomp");

  static Node uri(String s) {
    return NodeFactory.createURI(s);
  }
}
