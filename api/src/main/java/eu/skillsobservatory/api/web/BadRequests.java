package eu.skillsobservatory.api.web;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The detail of a 400 answer, naming the parameter or body field at fault ({@code limit: must be
 * less than or equal to 1000}, {@code skills[0].uri: must not be blank}), for the failures Spring
 * MVC raises before a controller runs.
 */
final class BadRequests {
  private BadRequests() {}

  /** A request body that is not JSON, or not of the expected shape. */
  static String unreadable(HttpMessageNotReadableException e) {
    IllegalArgumentException refusal = refusal(e);
    if (refusal != null) {
      return refusal.getMessage();
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JacksonException j) {
        if (j.getPath().isEmpty()) {
          var at = j.getLocation();
          return at == null
              ? "body: not valid JSON"
              : "body: not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return fields(j) + ": " + expected(j);
      }
    }
    return "body: not readable as JSON";
  }

  /** Body fields that broke a constraint ({@code @NotBlank}, {@code @Size}...). */
  static String invalid(MethodArgumentNotValidException e) {
    return e.getBindingResult().getAllErrors().stream()
        .map(
            err ->
                err instanceof FieldError f
                        && f.isBindingFailure()
                        && f.contains(TypeMismatchException.class)
                    // A parameter bound into a record: "eqfMin: 'x' is not a valid integer",
                    // not the converter's message.
                    ? mismatch(f.unwrap(TypeMismatchException.class))
                    : (err instanceof FieldError f ? f.getField() : err.getObjectName())
                        + ": "
                        + err.getDefaultMessage())
        .sorted()
        .collect(Collectors.joining("; "));
  }

  /** Query parameters (or body fields) that broke a constraint. */
  static String invalid(HandlerMethodValidationException e) {
    return e.getParameterValidationResults().stream()
        .flatMap(
            r ->
                r.getResolvableErrors().stream()
                    .map(err -> name(r.getMethodParameter().getParameterName(), err)))
        .sorted()
        .collect(Collectors.joining("; "));
  }

  /** A query parameter of the wrong type: {@code limit: 'ten' is not a number}. */
  static String mismatch(TypeMismatchException e) {
    IllegalArgumentException refusal = refusal(e);
    if (refusal != null && refusal.getMessage() != null) {
      return refusal.getMessage();
    }
    String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return e.getPropertyName()
        + ": '"
        + e.getValue()
        + "' is not a valid "
        + type.toLowerCase(Locale.ROOT);
  }

  private static String name(String parameter, MessageSourceResolvable err) {
    String field = err instanceof FieldError f ? parameter + "." + f.getField() : parameter;
    return field + ": " + err.getDefaultMessage();
  }

  /** A refusal of ours ({@code GroupBy.parse}...) under the framework's wrapping, if any. */
  private static IllegalArgumentException refusal(Throwable e) {
    IllegalArgumentException found = null;
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof IllegalArgumentException i
          && c.getClass() == IllegalArgumentException.class) {
        found = i;
      }
    }
    return found;
  }

  private static String fields(JacksonException j) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : j.getPath()) {
      if (r.getPropertyName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** What the field should have held, in words: Jackson's own message names Java classes. */
  private static String expected(JacksonException j) {
    Class<?> t = j instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (t == null) {
      return "not a valid value";
    }
    if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
      return "expected a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "expected true or false";
    }
    if (t == String.class || t.isEnum()) {
      return "expected a text";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "expected a list";
    }
    return "expected an object";
  }
}
