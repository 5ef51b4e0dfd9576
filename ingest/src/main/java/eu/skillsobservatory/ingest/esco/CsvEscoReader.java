package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Maps the official ESCO CSV download onto the official ESCO RDF model: plain SKOS labels, {@code
 * esco:NodeLiteral} descriptions, direct {@code esco:relatedEssentialSkill} links, {@code
 * skos:broader} for both pillars, collections through {@code skos:inScheme}.
 *
 * <p>Concept files are read before relation files so that a relation naming a concept that no file
 * declares can be skipped and counted rather than loaded against nothing.
 */
final class CsvEscoReader {

  /** What a CSV file of the download holds, from its name without language suffix. */
  enum Role {
    CONCEPT_SCHEMES("conceptSchemes", 0, "conceptSchemeUri"),
    ISCO_GROUPS("ISCOGroups", 1, "conceptUri", "code", "preferredLabel"),
    SKILL_GROUPS("skillGroups", 1, "conceptUri", "preferredLabel"),
    SKILLS("skills", 1, "conceptUri", "preferredLabel"),
    OCCUPATIONS("occupations", 1, "conceptUri", "preferredLabel"),
    OCCUPATION_SKILLS("occupationSkillRelations", 2, "occupationUri", "relationType", "skillUri"),
    SKILL_SKILLS("skillSkillRelations", 2, "originalSkillUri", "relationType", "relatedSkillUri"),
    BROADER_SKILLS("broaderRelationsSkillPillar", 2, "conceptUri", "broaderUri"),
    BROADER_OCCUPATIONS("broaderRelationsOccPillar", 2, "conceptUri", "broaderUri"),
    /** Collections and the hierarchy table repeat what inScheme and broader already say. */
    REDUNDANT("", 3),
    UNKNOWN("", 3);

    final String baseName;
    final int order;
    final List<String> required;

    Role(String baseName, int order, String... required) {
      this.baseName = baseName;
      this.order = order;
      this.required = List.of(required);
    }

    static Role of(String fileName) {
      String base = CsvEscoFiles.baseName(fileName);
      for (Role r : values()) {
        if (!r.baseName.isEmpty() && r.baseName.equalsIgnoreCase(base)) {
          return r;
        }
      }
      String lower = base.toLowerCase(Locale.ROOT);
      if (lower.endsWith("collection") || lower.equals("skillshierarchy")) {
        return REDUNDANT;
      }
      return UNKNOWN;
    }
  }

  static final Pattern LANG_SUFFIX =
      Pattern.compile("^(.*)_([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\\.csv$", Pattern.CASE_INSENSITIVE);
  private static final Pattern URI = Pattern.compile("https?://\\S+");
  private static final Pattern LIST_SPLIT = Pattern.compile("[\\n,|]+");
  private static final Node LANGUAGE_TYPE = NodeFactory.createURI(XSDDatatype.XSDlanguage.getURI());

  private final LoadSink sink;
  private final LoadLog log;

  CsvEscoReader(LoadSink sink, LoadLog log) {
    this.sink = sink;
    this.log = log;
  }

  void read(Source source, Source.ByteCounter counter) throws IOException {
    Role role = Role.of(source.fileName());
    if (skipped(role, source, counter)) {
      return;
    }
    String lang = CsvEscoFiles.language(source.fileName());
    if (lang == null) {
      lang = "en";
      if (role.order == 1) {
        log.warn(
            source.name()
                + ": no language in the file name (skills_en.csv); labels taken as English");
      }
    }
    long rows = 0;
    try (Reader reader = CsvEscoFiles.reader(source.opener().open(counter));
        CSVParser parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader)) {
      Map<String, Integer> header = parser.getHeaderMap();
      checkHeader(source, role, header);
      int width = header.size();
      Iterator<CSVRecord> it = parser.iterator();
      long startLine = parser.getCurrentLineNumber() + 1;
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw CsvEscoFiles.csvError(source, startLine, e);
        }
        if (record.size() != width) {
          throw new EscoInputException(
              source.name(),
              "line " + startLine,
              "expected "
                  + width
                  + " fields as in the header, found "
                  + record.size()
                  + " (an unbalanced quote or a stray delimiter)");
        }
        CsvRow row = new CsvRow(source.name(), startLine, record);
        map(role, row, lang);
        rows++;
        startLine = parser.getCurrentLineNumber() + 1;
      }
    } catch (UncheckedIOException e) {
      throw CsvEscoFiles.encodingOr(source, e.getCause());
    } catch (MalformedInputException e) {
      throw new EscoInputException(source.name(), "", "not valid UTF-8 text", e);
    }
    if (rows == 0) {
      throw new EscoInputException(source.name(), "", "the file has a header but no rows");
    }
    log.read(source.name(), "csv", rows);
  }

  /**
   * Files read only for their bytes (progress): those this version does not read, and the
   * collection and hierarchy tables whose facts come from other files.
   */
  private boolean skipped(Role role, Source source, Source.ByteCounter counter) throws IOException {
    if (role != Role.UNKNOWN && role != Role.REDUNDANT) {
      return false;
    }
    if (role == Role.UNKNOWN) {
      log.warn(
          source.name() + ": not an ESCO CSV file this version of the observatory reads; skipped");
    }
    try (InputStream in = source.opener().open(counter)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    if (role == Role.REDUNDANT) {
      log.read(
          source.name(), "csv (collection or hierarchy table: its facts come from other files)", 0);
    }
    return true;
  }

  private static void checkHeader(Source source, Role role, Map<String, Integer> header) {
    if (header == null || header.isEmpty()) {
      throw new EscoInputException(source.name(), "line 1", "no header row");
    }
    for (String column : role.required) {
      if (!header.containsKey(column)) {
        throw new EscoInputException(
            source.name(),
            "line 1",
            "missing required column '" + column + "' (the header has " + header.keySet() + ")");
      }
    }
  }

  private void map(Role role, CsvRow row, String lang) {
    switch (role) {
      case CONCEPT_SCHEMES -> scheme(row, lang);
      case ISCO_GROUPS -> concept(row, lang, ConceptKind.ISCO);
      case SKILL_GROUPS -> concept(row, lang, ConceptKind.SKILL_GROUP);
      case SKILLS -> concept(row, lang, ConceptKind.SKILL);
      case OCCUPATIONS -> concept(row, lang, ConceptKind.OCCUPATION);
      case OCCUPATION_SKILLS -> link(row, "occupationUri", "skillUri", true);
      case SKILL_SKILLS -> link(row, "originalSkillUri", "relatedSkillUri", false);
      case BROADER_SKILLS, BROADER_OCCUPATIONS -> broader(row);
      default -> throw new IllegalStateException(role.name());
    }
  }

  private enum ConceptKind {
    SKILL,
    SKILL_GROUP,
    OCCUPATION,
    ISCO
  }

  private void scheme(CsvRow row, String lang) {
    Node s = row.uri("conceptSchemeUri");
    sink.add(s, Esco.TYPE, Esco.SKOS_CONCEPT_SCHEME);
    label(s, Esco.PREF_LABEL, row.get("preferredLabel"), lang);
    label(s, Esco.TITLE, row.get("title"), lang);
    literal(s, Esco.STATUS, row.get("status"));
  }

  private void concept(CsvRow row, String lang, ConceptKind kind) {
    Node s = row.uri("conceptUri");
    sink.declare(s.getURI());
    sink.add(s, Esco.TYPE, Esco.SKOS_CONCEPT);
    switch (kind) {
      case SKILL -> {
        sink.add(s, Esco.TYPE, Esco.MEMBER_CONCEPT);
        sink.add(s, Esco.TYPE, Esco.SKILL);
        skillType(row, s);
        String reuse = row.get("reuseLevel");
        if (!reuse.isBlank()) {
          sink.add(s, Esco.REUSE_LEVEL, Esco.uri(Esco.REUSE_LEVEL_BASE + CsvEscoFiles.slug(reuse)));
        }
      }
      case OCCUPATION -> {
        sink.add(s, Esco.TYPE, Esco.MEMBER_CONCEPT);
        sink.add(s, Esco.TYPE, Esco.OCCUPATION);
        String isco = row.get("iscoGroup");
        if (!isco.isBlank()) {
          sink.add(s, Esco.MEMBER_OF_ISCO_GROUP, Esco.uri(Esco.ISCO_PREFIX + isco.trim()));
        }
        String regulated = row.get("regulatedProfessionNote");
        if (URI.matcher(regulated.trim()).matches()) {
          sink.add(s, Esco.REGULATED_NOTE, Esco.uri(regulated.trim()));
        }
      }
      default -> {}
    }
    literal(s, Esco.NOTATION, row.get("code"));
    label(s, Esco.PREF_LABEL, row.get("preferredLabel"), lang);
    for (String alt : CsvEscoFiles.lines(row.get("altLabels"))) {
      label(s, Esco.ALT_LABEL, alt, lang);
    }
    for (String hidden : CsvEscoFiles.lines(row.get("hiddenLabels"))) {
      label(s, Esco.HIDDEN_LABEL, hidden, lang);
    }
    literal(s, Esco.STATUS, row.get("status"));
    label(s, Esco.SCOPE_NOTE, row.get("scopeNote"), lang);
    label(s, Esco.DEFINITION, row.get("definition"), lang);
    String modified = row.get("modifiedDate").trim();
    if (!modified.isEmpty()) {
      try {
        OffsetDateTime.parse(modified);
        sink.add(s, Esco.MODIFIED, NodeFactory.createLiteralDT(modified, XSDDatatype.XSDdateTime));
      } catch (DateTimeParseException e) {
        log.skip(
            row.file,
            "modifiedDate is not an ISO date-time; value ignored",
            row.where("modifiedDate"));
      }
    }
    for (String scheme : LIST_SPLIT.split(row.get("inScheme"))) {
      String u = scheme.trim();
      if (URI.matcher(u).matches()) {
        sink.add(s, Esco.IN_SCHEME, Esco.uri(u));
      }
    }
    description(s, row.get("description"), lang);
  }

  private void skillType(CsvRow row, Node s) {
    String type = row.get("skillType").trim();
    if (type.isEmpty()) {
      return;
    }
    String slug =
        switch (type) {
          case "skill/competence", "skill" -> "skill";
          case "knowledge" -> "knowledge";
          default -> null;
        };
    if (slug == null) {
      log.skip(
          row.file,
          "skillType not understood; value ignored",
          row.where("skillType") + " '" + type + "'");
      return;
    }
    sink.add(s, Esco.SKILL_TYPE, Esco.uri(Esco.SKILL_TYPE_BASE + slug));
  }

  private void description(Node s, String text, String lang) {
    if (text.isBlank()) {
      return;
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            (s.getURI() + "|description|" + lang).getBytes(StandardCharsets.UTF_8));
    Node node = Esco.uri(Esco.BASE + "node-literal/" + id);
    sink.add(s, Esco.DESCRIPTION, node);
    sink.add(node, Esco.TYPE, Esco.NODE_LITERAL);
    sink.add(node, Esco.LANGUAGE, NodeFactory.createLiteralDT(lang, XSDDatatype.XSDlanguage));
    sink.add(node, Esco.NODE_LITERAL_VALUE, NodeFactory.createLiteralString(text));
  }

  private void link(CsvRow row, String fromColumn, String toColumn, boolean occupationSkill) {
    Node from = row.uri(fromColumn);
    Node to = row.uri(toColumn);
    String type = row.get("relationType").trim().toLowerCase(Locale.ROOT);
    Node predicate =
        switch (type) {
          case "essential" -> Esco.RELATED_ESSENTIAL;
          case "optional" -> Esco.RELATED_OPTIONAL;
          default ->
              throw new EscoInputException(
                  row.file,
                  row.where("relationType"),
                  "relationType must be essential or optional, not '" + type + "'");
        };
    if (!known(row, from, fromColumn) || !known(row, to, toColumn)) {
      return;
    }
    sink.add(from, predicate, to);
  }

  private void broader(CsvRow row) {
    Node s = row.uri("conceptUri");
    Node b = row.uri("broaderUri");
    if (known(row, s, "conceptUri") && known(row, b, "broaderUri")) {
      sink.add(s, Esco.BROADER, b);
    }
  }

  private boolean known(CsvRow row, Node concept, String column) {
    if (sink.isDeclared(concept.getURI())) {
      return true;
    }
    log.skip(
        row.file,
        "names a concept that no concept file of this load declares; row skipped",
        row.where(column) + " " + concept.getURI());
    return false;
  }

  private void label(Node s, Node p, String text, String lang) {
    if (!text.isBlank()) {
      sink.add(s, p, NodeFactory.createLiteralLang(text, lang));
    }
  }

  private void literal(Node s, Node p, String text) {
    if (!text.isBlank()) {
      sink.add(s, p, NodeFactory.createLiteralString(text));
    }
  }
}
