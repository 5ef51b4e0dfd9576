package eu.skillsobservatory.ingest.esco;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;

/**
 * SPARQL 1.1 queries over the ESCO graphs, read only: updates are refused, and so is {@code
 * SERVICE} (no call to another service); the query runs against the store's dataset only (a {@code
 * FROM} picks among its graphs, it never loads a file or a URL), inside a read transaction, with a
 * timeout and a cap on the rows or triples returned.
 */
public final class ReadOnlySparql {
  /** A result format: its media type, and the format parameter that names it. */
  public enum Format {
    JSON("application/sparql-results+json", "json"),
    XML("application/sparql-results+xml", "xml"),
    CSV("text/csv", "csv"),
    TSV("text/tab-separated-values", "tsv"),
    TURTLE("text/turtle", "turtle"),
    JSONLD("application/ld+json", "jsonld"),
    NTRIPLES("application/n-triples", "ntriples");

    public final String mediaType;
    public final String name;

    Format(String mediaType, String name) {
      this.mediaType = mediaType;
      this.name = name;
    }

    boolean forGraphs() {
      return this == TURTLE || this == JSONLD || this == NTRIPLES;
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
        default -> null;
      };
    }
  }

  /** Why a query was not run: its kind names the problem for the client. */
  public static final class Refused extends RuntimeException {
    public enum Kind {
      SYNTAX,
      UPDATE,
      SERVICE,
      FORMAT,
      TIMEOUT
    }

    public final Kind kind;

    public Refused(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }
  }

  /** An answer: its media type and body. */
  public record Answer(String mediaType, byte[] body) {}

  private final Function<Query, QueryExecution> executions;
  private final Function<Supplier<Answer>, Answer> reading;
  private final Duration timeout;
  private final long maxRows;

  /** Queries run against {@code dsg} in this process, inside a read transaction. */
  public ReadOnlySparql(DatasetGraph dsg, Duration timeout, long maxRows) {
    this(
        q ->
            QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                .query(q)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(),
        action -> Txn.calculateRead(dsg, action::get),
        timeout,
        maxRows);
  }

  private ReadOnlySparql(
      Function<Query, QueryExecution> executions,
      Function<Supplier<Answer>, Answer> reading,
      Duration timeout,
      long maxRows) {
    this.executions = executions;
    this.reading = reading;
    this.timeout = timeout;
    this.maxRows = maxRows;
  }

  /**
   * Queries sent to a SPARQL server's query endpoint, after the same checks (no update, no {@code
   * SERVICE}, the row cap); the timeout bounds the whole exchange.
   */
  public static ReadOnlySparql remote(
      String queryEndpoint, java.net.http.HttpClient client, Duration timeout, long maxRows) {
    return new ReadOnlySparql(
        q ->
            org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(queryEndpoint)
                .httpClient(client)
                .query(q)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(),
        Supplier::get,
        timeout,
        maxRows);
  }

  /**
   * @param formats the formats the client accepts, best first; empty for the default (JSON for
   *     SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE)
   */
  public Answer query(String text, List<Format> formats) {
    if (text == null || text.isBlank()) {
      throw new Refused(Refused.Kind.SYNTAX, "query: give a SPARQL query");
    }
    Query query;
    try {
      query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      try {
        UpdateFactory.create(text);
      } catch (RuntimeException notAnUpdate) {
        throw new Refused(Refused.Kind.SYNTAX, "query: not SPARQL 1.1: " + e.getMessage());
      }
      throw new Refused(
          Refused.Kind.UPDATE, "updates are refused: this endpoint only answers queries");
    }
    refuseService(query);
    boolean graphs = query.isConstructType() || query.isDescribeType();
    Format format = pick(formats, graphs);
    if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
      query.setLimit(maxRows);
    }
    Query q = query;
    try {
      return reading.apply(
          () -> {
            try (QueryExecution exec = executions.apply(q)) {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              if (q.isSelectType()) {
                ResultSet rs = exec.execSelect();
                ResultSetMgr.write(out, rs, lang(format));
              } else if (q.isAskType()) {
                ResultSetMgr.write(out, exec.execAsk(), lang(format));
              } else {
                Model m = q.isConstructType() ? exec.execConstruct() : exec.execDescribe();
                RDFDataMgr.write(
                    out,
                    m,
                    switch (format) {
                      case JSONLD -> Lang.JSONLD;
                      case NTRIPLES -> Lang.NTRIPLES;
                      default -> Lang.TURTLE;
                    });
              }
              return new Answer(format.mediaType, out.toByteArray());
            }
          });
    } catch (QueryCancelledException e) {
      throw timedOut();
    } catch (org.apache.jena.atlas.web.HttpException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException
          || e.getCause() instanceof QueryCancelledException) {
        throw timedOut();
      }
      throw new EscoStoreException("the SPARQL server failed the query: " + e.getMessage(), e);
    }
  }

  private Refused timedOut() {
    return new Refused(
        Refused.Kind.TIMEOUT,
        "the query ran past the limit of " + timeout.toMillis() + " ms and was stopped");
  }

  private static Lang lang(Format f) {
    return switch (f) {
      case XML -> ResultSetLang.RS_XML;
      case CSV -> ResultSetLang.RS_CSV;
      case TSV -> ResultSetLang.RS_TSV;
      default -> ResultSetLang.RS_JSON;
    };
  }

  private static Format pick(List<Format> formats, boolean graphs) {
    if (formats.isEmpty()) {
      return graphs ? Format.TURTLE : Format.JSON;
    }
    for (Format f : formats) {
      if (f.forGraphs() == graphs) {
        return f;
      }
    }
    throw new Refused(
        Refused.Kind.FORMAT,
        graphs
            ? "a CONSTRUCT or DESCRIBE answers turtle, jsonld or ntriples"
            : "a SELECT or ASK answers json, xml, csv or tsv");
  }

  private static void refuseService(Query query) {
    if (query.getQueryPattern() == null) {
      return;
    }
    ElementWalker.walk(
        query.getQueryPattern(),
        new ElementVisitorBase() {
          @Override
          public void visit(ElementService el) {
            throw new Refused(
                Refused.Kind.SERVICE,
                "SERVICE is refused: this endpoint does not call other services");
          }
        });
  }
}
