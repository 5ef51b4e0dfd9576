package eu.skillsobservatory.api.web;

import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.api.esco.IndexingFailedException;
import eu.skillsobservatory.api.esco.UnknownConceptException;
import eu.skillsobservatory.api.jobs.JobDisk;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every domain failure to RFC 9457 problem details, once, with a stable {@code type}. No class
 * name or stack trace reaches a client.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
  static final String TYPE_PREFIX = "urn:skills-observatory:problem:";

  @ExceptionHandler(UnknownConceptException.class)
  ProblemDetail unknownConcept(UnknownConceptException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-concept", "Unknown ESCO concept", e.getMessage());
  }

  @ExceptionHandler(UnknownEscoVersionException.class)
  ProblemDetail unknownVersion(UnknownEscoVersionException e) {
    return problem(
        HttpStatus.NOT_FOUND, "unknown-esco-version", "Unknown ESCO version", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
  }

  @ExceptionHandler(QueryRefusedException.class)
  ProblemDetail sparqlRefused(QueryRefusedException e) {
    return switch (e.kind) {
      case TIMEOUT ->
          problem(
              HttpStatus.SERVICE_UNAVAILABLE, "query-timeout", "Query timed out", e.getMessage());
      case UPDATE ->
          problem(
              HttpStatus.BAD_REQUEST, "sparql-update-refused", "Updates refused", e.getMessage());
      case SERVICE ->
          problem(
              HttpStatus.BAD_REQUEST, "sparql-service-refused", "SERVICE refused", e.getMessage());
      case FORMAT ->
          problem(
              HttpStatus.NOT_ACCEPTABLE,
              "unsupported-media-type",
              "No such format",
              e.getMessage());
      case SYNTAX ->
          problem(HttpStatus.BAD_REQUEST, "sparql-syntax", "Not a SPARQL query", e.getMessage());
      case LIMIT ->
          problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              "sparql-limit-exceeded",
              "Query past a limit",
              e.getMessage());
    };
  }

  @ExceptionHandler(ExpensiveReads.Busy.class)
  ResponseEntity<ProblemDetail> busy(ExpensiveReads.Busy e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too many requests", e.getMessage()));
  }

  @ExceptionHandler(JobDisk.Refused.class)
  ResponseEntity<ProblemDetail> jobRefused(JobDisk.Refused e) {
    HttpStatus status = HttpStatus.valueOf(e.status);
    ResponseEntity.BodyBuilder b = ResponseEntity.status(status);
    if (e.status == 503) {
      b.header(HttpHeaders.RETRY_AFTER, "60");
    }
    return b.body(problem(status, e.type, "Upload not taken", e.getMessage()));
  }

  @ExceptionHandler(EscoInputException.class)
  ProblemDetail badInput(EscoInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "bad-input", "Unusable input", e.getMessage());
  }

  @ExceptionHandler(EscoStoreException.class)
  ProblemDetail storeFailed(EscoStoreException e) {
    LOG.error("ESCO store failure", e);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "store-unavailable",
        "ESCO store unavailable",
        "the ESCO store could not answer; try again later");
  }

  @ExceptionHandler(SearchStoreException.class)
  ProblemDetail searchFailed(SearchStoreException e) {
    LOG.warn("Elasticsearch failure: {}", e.getMessage());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "search-unavailable",
        "Search unavailable",
        "Elasticsearch could not answer; the ESCO concept and version endpoints still work");
  }

  @ExceptionHandler(RemoteServiceException.class)
  ProblemDetail remoteFailed(RemoteServiceException e) {
    LOG.warn("Remote service failure: {}", e.getMessage());
    return problem(
        HttpStatus.BAD_GATEWAY, "remote-service-failed", "A remote service failed", e.getMessage());
  }

  @ExceptionHandler(IndexingFailedException.class)
  ProblemDetail indexingFailed(IndexingFailedException e) {
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "indexing-failed", "Indexing failed", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof RequestLimits.BodyTooLarge) {
        return problem(
            HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", c.getMessage());
      }
      if (c instanceof JobDisk.Refused r) {
        return problem(HttpStatus.valueOf(r.status), r.type, "Upload not taken", r.getMessage());
      }
    }
    LOG.error("Unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "the request failed unexpectedly; the server log has the details");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(ex, BadRequests.unreadable(ex), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(ex, BadRequests.invalid(ex), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(ex, BadRequests.invalid(ex), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return badRequest(ex, BadRequests.mismatch(ex), headers, request);
  }

  private ResponseEntity<Object> badRequest(
      Exception ex, String detail, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(
        ex,
        problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail),
        headers,
        HttpStatus.BAD_REQUEST,
        request);
  }

  /** Gives Spring MVC's own problem details (missing parameter, 404, 405...) a stable type too. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, status, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail p
        && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
      p.setType(URI.create(TYPE_PREFIX + typeFor(status.value())));
    }
    return response;
  }

  static String typeFor(int status) {
    return switch (status) {
      case 400 -> "validation";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406, 415 -> "unsupported-media-type";
      case 413 -> "payload-too-large";
      case 500 -> "internal";
      case 503 -> "unavailable";
      default -> "http-" + status;
    };
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, Redaction.paths(detail));
    p.setType(URI.create(TYPE_PREFIX + type));
    p.setTitle(title);
    return p;
  }
}
