package eu.skillsobservatory.ingest.esco;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

/**
 * Streams an RDF file of the official ESCO dump into a load, triple by triple: nothing is held in a
 * model. Quads lose their graph: everything goes into the version's graph.
 */
final class RdfEscoReader {
  private static final int WARNINGS_SHOWN = 5;

  private final LoadSink sink;
  private final LoadLog log;

  RdfEscoReader(LoadSink sink, LoadLog log) {
    this.sink = sink;
    this.log = log;
  }

  void read(Source source, Source.ByteCounter counter) throws IOException {
    AtomicLong triples = new AtomicLong();
    AtomicLong warnings = new AtomicLong();
    StreamRDFBase stream =
        new StreamRDFBase() {
          @Override
          public void triple(Triple t) {
            sink.add(t.getSubject(), t.getPredicate(), t.getObject());
            triples.incrementAndGet();
          }

          @Override
          public void quad(Quad q) {
            sink.add(q.getSubject(), q.getPredicate(), q.getObject());
            triples.incrementAndGet();
          }
        };
    ErrorHandler errors =
        new ErrorHandler() {
          @Override
          public void warning(String message, long line, long col) {
            if (warnings.incrementAndGet() <= WARNINGS_SHOWN) {
              log.warn(source.name() + ": " + where(line, col) + ": " + message);
            }
          }

          @Override
          public void error(String message, long line, long col) {
            throw new EscoInputException(source.name(), where(line, col), message);
          }

          @Override
          public void fatal(String message, long line, long col) {
            throw new EscoInputException(source.name(), where(line, col), message);
          }
        };
    try (InputStream in = source.opener().open(counter)) {
      RDFParser.source(in)
          .lang(source.rdfLang())
          .base("http://data.europa.eu/esco/")
          // Syntax is still checked; per-IRI and per-literal validation is skipped: it costs a
          // third of the parse and ESCO's identifiers are well-formed HTTP URIs.
          .checking(false)
          .errorHandler(errors)
          .context(offline())
          .parse(stream);
    } catch (RiotParseException e) {
      throw new EscoInputException(
          source.name(), where(e.getLine(), e.getCol()), e.getOriginalMessage(), e);
    } catch (RiotException e) {
      if (e.getCause() instanceof IOException io) {
        throw new EscoInputException(source.name(), "", "cannot be read: " + io.getMessage(), e);
      }
      throw new EscoInputException(source.name(), "", String.valueOf(e.getMessage()), e);
    } catch (UncheckedIOException e) {
      throw new EscoInputException(
          source.name(), "", "cannot be read: " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new EscoInputException(source.name(), "", "cannot be read: " + e.getMessage(), e);
    }
    if (warnings.get() > WARNINGS_SHOWN) {
      log.warn(source.name() + ": " + warnings.get() + " parser warnings in all");
    }
    if (triples.get() == 0) {
      throw new EscoInputException(source.name(), "", "no triples in the file");
    }
    log.read(source.name(), "rdf " + source.rdfLang().getLabel(), triples.get());
  }

  /**
   * A JSON-LD file's {@code @context} given by URL (http, https or file) is never fetched: reading
   * an upload must not make this server send requests, nor read its own files. Such a file is
   * refused with the URL named; a file whose context is inline loads as before.
   */
  static Context offline() {
    Context cxt = new Context();
    JsonLdOptions options =
        new JsonLdOptions(
            (url, how) -> {
              throw new JsonLdError(
                  JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                  "the JSON-LD @context "
                      + url
                      + " is not fetched: this server loads no remote or local context; put the"
                      + " context inline in the file");
            });
    cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
    return cxt;
  }

  private static String where(long line, long col) {
    if (line < 0) {
      return "";
    }
    return col < 0 ? "line " + line : "line " + line + ", column " + col;
  }
}
