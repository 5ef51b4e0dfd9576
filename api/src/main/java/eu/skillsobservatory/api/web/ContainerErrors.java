package eu.skillsobservatory.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The errors the servlet container raises before any controller runs (a method it refuses, such as
 * {@code TRACE}; a failure in a filter), answered as problem details like every other error, in
 * place of Spring Boot's default error body. Nothing of the failure itself is shown: the status
 * says what happened and the server log has the rest. Asked directly, the error path is a resource
 * that does not exist, and it is no operation of the API's description.
 */
@Hidden
@RestController
class ContainerErrors implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer c
            ? (HttpStatus.resolve(c) == null
                ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(c))
            : HttpStatus.NOT_FOUND;
    String detail =
        status.is5xxServerError()
            ? "the request failed unexpectedly; the server log has the details"
            : "the server refused the request: "
                + status.getReasonPhrase().toLowerCase(Locale.ROOT);
    ProblemDetail p =
        ProblemAdvice.problem(
            status, ProblemAdvice.typeFor(status.value()), status.getReasonPhrase(), detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
