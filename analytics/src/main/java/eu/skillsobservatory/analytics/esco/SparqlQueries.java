package eu.skillsobservatory.analytics.esco;

import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import java.util.List;
import java.util.Locale;

/**
 * SPARQL 1.1 queries over the ESCO graphs, read only: updates and {@code SERVICE} are refused, and
 * every query runs within limits (a timeout, rows, bytes, string lengths, regular expressions,
 * memory). Refusals raise {@link QueryRefusedException} with their kind.
 */
public interface SparqlQueries {
  /** A result format: its media type, and the format parameter that names it. */
  enum Format {
    JSON("application/sparql-results+json", "json"),
    XML("application/sparql-results+xml", "xml"),
    CSV("text/csv", "csv"),
    TSV("text/tab-separated-values", "tsv"),
    TURTLE("text/turtle", "turtle"),
    JSONLD("application/ld+json", "jsonld"),
    NTRIPLES("application/n-triples", "ntriples"),
    RDFXML("application/rdf+xml", "rdfxml"),
    NQUADS("application/n-quads", "nquads"),
    TRIG("application/trig", "trig");

    public final String mediaType;
    public final String name;

    Format(String mediaType, String name) {
      this.mediaType = mediaType;
      this.name = name;
    }

    /** Whether the format serializes graphs (CONSTRUCT, DESCRIBE) rather than result rows. */
    public boolean forGraphs() {
      return this == TURTLE
          || this == JSONLD
          || this == NTRIPLES
          || this == RDFXML
          || this == NQUADS
          || this == TRIG;
    }

    /** The format a parameter or a media type names, or null. */
    public static Format of(String nameOrType) {
      String s = nameOrType.strip().toLowerCase(Locale.ROOT);
      for (Format f : values()) {
        if (f.name.equals(s) || f.mediaType.equals(s)) {
          return f;
        }
      }
      return switch (s) {
        case "application/json" -> JSON;
        case "application/xml", "text/xml" -> XML;
        case "text/tsv" -> TSV;
        case "application/x-turtle" -> TURTLE;
        case "application/json+ld" -> JSONLD;
        case "rdf/xml", "xml/rdf" -> RDFXML;
        case "text/x-nquads" -> NQUADS;
        default -> null;
      };
    }
  }

  /** An answer: its media type and body. */
  record Answer(String mediaType, byte[] body) {}

  /**
   * Runs a query.
   *
   * @param accepted the formats the client accepts, most wanted first; empty for the default (JSON
   *     for rows, Turtle for graphs)
   * @throws QueryRefusedException when the query is not run or stopped
   */
  Answer query(String query, List<Format> accepted);
}
