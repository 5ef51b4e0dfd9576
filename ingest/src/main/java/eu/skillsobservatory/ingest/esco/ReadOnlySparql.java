package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.SparqlQueries;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;

/**
 * SPARQL 1.1 queries over the ESCO graphs, read only: updates are refused, and so is {@code
 * SERVICE} in any form (no call to another service, see {@link QueryGuard}); the query runs against
 * the store's dataset only (a {@code FROM} picks among its graphs, it never loads a file or a URL),
 * inside a read transaction, within {@link SparqlLimits}: a timeout, a cap on the rows or triples
 * returned and on the bytes of the answer, on the strings built inside a row, on regular
 * expressions and on the memory the query allocates.
 */
public final class ReadOnlySparql implements SparqlQueries {

  private final Function<Query, QueryExecution> executions;
  private final Function<Supplier<Answer>, Answer> reading;
  private final SparqlLimits limits;
  private final boolean local;

  /** Queries run against {@code dsg} in this process, inside a read transaction. */
  public ReadOnlySparql(DatasetGraph dsg, SparqlLimits limits) {
    this(
        q -> {
          QueryExecution exec =
              QueryExecution.dataset(DatasetFactory.wrap(dsg))
                  .query(q)
                  .timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
                  .build();
          QueryGuard.secure(exec.getContext(), limits);
          return exec;
        },
        action -> Txn.calculateRead(dsg, action::get),
        limits,
        true);
  }

  private ReadOnlySparql(
      Function<Query, QueryExecution> executions,
      Function<Supplier<Answer>, Answer> reading,
      SparqlLimits limits,
      boolean local) {
    this.executions = executions;
    this.reading = reading;
    this.limits = limits;
    this.local = local;
  }

  /**
   * Queries sent to a SPARQL server's query endpoint, after the same checks (no update, no {@code
   * SERVICE}, the row cap, the size of the answer). The timeout is sent with the query (Fuseki's
   * {@code timeout} parameter, in seconds), so that the server stops a query the application gives
   * up on, and bounds the whole exchange, {@link #SERVER_GRACE} later, should the server not. What
   * a query costs inside a row is the server's to bound (see {@code src/docs/security.md}).
   */
  public static ReadOnlySparql remote(
      String queryEndpoint, HttpClient client, SparqlLimits limits) {
    long seconds = Math.max(1, (limits.timeout().toMillis() + 999) / 1000);
    return new ReadOnlySparql(
        q ->
            QueryExecutionHTTP.service(queryEndpoint)
                .httpClient(client)
                .query(q)
                .param("timeout", Long.toString(seconds))
                .timeout(
                    Duration.ofSeconds(seconds).plus(SERVER_GRACE).toMillis(),
                    TimeUnit.MILLISECONDS)
                .build(),
        Supplier::get,
        limits,
        false);
  }

  /**
   * @param formats the formats the client accepts, best first; empty for the default (JSON for
   *     SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE)
   */
  @Override
  public Answer query(String text, List<Format> formats) {
    if (text == null || text.isBlank()) {
      throw new QueryRefusedException(
          QueryRefusedException.Kind.SYNTAX, "query: give a SPARQL query");
    }
    Query query;
    try {
      query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      try {
        UpdateFactory.create(text);
      } catch (RuntimeException notAnUpdate) {
        throw new QueryRefusedException(
            QueryRefusedException.Kind.SYNTAX, "query: not SPARQL 1.1: " + e.getMessage());
      }
      throw new QueryRefusedException(
          QueryRefusedException.Kind.UPDATE,
          "updates are refused: this endpoint only answers queries");
    }
    QueryGuard.refuseService(query);
    boolean graphs = query.isConstructType() || query.isDescribeType();
    Format format = pick(formats, graphs);
    long rowCap = limits.maxRows();
    if (query.isConstructType() && query.getConstructTemplate() != null) {
      // Each row makes as many triples as the template holds: the cap is on triples.
      rowCap = Math.max(1, rowCap / Math.max(1, query.getConstructTemplate().getTriples().size()));
    }
    if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > rowCap)) {
      query.setLimit(rowCap);
    }
    Query q = query;
    try (AllocationWatch watch = local ? AllocationWatch.start(limits.maxAllocation()) : null) {
      return reading.apply(
          () -> {
            try (QueryExecution exec = executions.apply(q)) {
              QueryGuard.Tripwire tripwire =
                  exec.getContext().get(QueryGuard.TRIPWIRE, new QueryGuard.Tripwire());
              tripwire.onTrip(exec::abort);
              if (watch != null) {
                watch.onExceeded(
                    () ->
                        tripwire.trip(
                            "the query allocated more than "
                                + limits.maxAllocation() / (1024 * 1024)
                                + " MB (observatory.sparql.max-allocation), or allocated while"
                                + " the heap was nearly full, and was stopped"));
              }
              return run(q, exec, format, tripwire);
            }
          });
    } catch (QueryGuard.LimitExceeded e) {
      throw new QueryRefusedException(QueryRefusedException.Kind.LIMIT, e.getMessage());
    } catch (HttpException e) {
      if (e.getCause() instanceof HttpTimeoutException
          || e.getCause() instanceof QueryCancelledException) {
        throw timedOut();
      }
      throw new EscoStoreException("the SPARQL server failed the query: " + e.getMessage(), e);
    } catch (QueryExceptionHTTP e) {
      if (e.getStatusCode() == 503) {
        throw timedOut(); // how Fuseki answers a query it stopped at its timeout
      }
      throw new EscoStoreException("the SPARQL server failed the query: " + e.getMessage(), e);
    }
  }

  private Answer run(Query q, QueryExecution exec, Format format, QueryGuard.Tripwire tripwire) {
    BoundedOutput out = new BoundedOutput(limits.maxBytes());
    try {
      if (q.isSelectType()) {
        ResultSet rs = exec.execSelect();
        ResultSetMgr.write(out, rs, lang(format));
      } else if (q.isAskType()) {
        ResultSetMgr.write(out, exec.execAsk(), lang(format));
      } else {
        Graph g = GraphFactory.createDefaultGraph();
        Iterator<Triple> it = q.isConstructType() ? exec.execConstructTriples() : describe(exec);
        while (it.hasNext() && g.size() < limits.maxRows()) {
          g.add(it.next());
        }
        switch (format) {
          // A graph as quads: its triples in the default graph.
          case NQUADS -> RDFDataMgr.write(out, DatasetGraphFactory.wrap(g), Lang.NQUADS);
          case TRIG -> RDFDataMgr.write(out, DatasetGraphFactory.wrap(g), Lang.TRIG);
          case JSONLD -> RDFDataMgr.write(out, g, Lang.JSONLD);
          case NTRIPLES -> RDFDataMgr.write(out, g, Lang.NTRIPLES);
          case RDFXML -> RDFDataMgr.write(out, g, Lang.RDFXML);
          default -> RDFDataMgr.write(out, g, Lang.TURTLE);
        }
      }
    } catch (QueryCancelledException | QueryGuard.LimitExceeded e) {
      if (tripwire.reason() != null) {
        throw new QueryGuard.LimitExceeded(tripwire.reason());
      }
      if (e instanceof QueryGuard.LimitExceeded l) {
        throw l;
      }
      throw timedOut();
    } catch (RuntimeException e) {
      if (tripwire.reason() != null) {
        throw new QueryGuard.LimitExceeded(tripwire.reason());
      }
      throw e;
    }
    if (tripwire.reason() != null) {
      // The engine swallowed the exception (a filter does): the answer is refused all the same.
      throw new QueryGuard.LimitExceeded(tripwire.reason());
    }
    return new Answer(format.mediaType, out.toByteArray());
  }

  private static Iterator<Triple> describe(QueryExecution exec) {
    return exec.execDescribe().getGraph().find();
  }

  /** How long past the timeout it sends a SPARQL server the application waits for its answer. */
  static final Duration SERVER_GRACE = Duration.ofSeconds(5);

  private QueryRefusedException timedOut() {
    return new QueryRefusedException(
        QueryRefusedException.Kind.TIMEOUT,
        "the query ran past the limit of "
            + limits.timeout().toMillis()
            + " ms (observatory.sparql.timeout) and was stopped");
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
    throw new QueryRefusedException(
        QueryRefusedException.Kind.FORMAT,
        graphs
            ? "none of the formats asked for can be served: a CONSTRUCT or DESCRIBE answers"
                + " text/turtle, application/ld+json, application/n-triples, application/rdf+xml,"
                + " application/n-quads or application/trig"
            : "none of the formats asked for can be served: a SELECT or ASK answers"
                + " application/sparql-results+json, application/sparql-results+xml, text/csv or"
                + " text/tab-separated-values");
  }

  /** An answer buffer that stops the query once it holds more than the limit. */
  private static final class BoundedOutput extends ByteArrayOutputStream {
    private final long limit;

    BoundedOutput(long limit) {
      this.limit = limit;
    }

    private void check(int more) {
      if ((long) count + more > limit) {
        throw new QueryGuard.LimitExceeded(
            "the answer grew past "
                + limit
                + " bytes (observatory.sparql.max-bytes) and was stopped: ask for fewer rows");
      }
    }

    @Override
    public synchronized void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {}
  }
}
