package eu.skillsobservatory.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts an example on every operation of the OpenAPI document: the request body a client sends and
 * the answer it gets, both captured from a real server on the shipped sample data ({@code
 * openapi/examples.json}, made by {@code src/docs/openapi/capture-examples.py}), and the problem
 * details of the errors each operation can answer with. The upload and SPARQL endpoints read their
 * body themselves, so their request bodies are declared here.
 */
@Component
public class OperationExamples implements OpenApiCustomizer {
  static final String RESOURCE = "openapi/examples.json";
  static final String PROBLEM = "application/problem+json";

  /** Status, problem type, title, detail: the errors every operation can answer with. */
  static final String[][] EVERYWHERE = {
    {"400", "validation", "Invalid request", "limit: 1 to 1000, not 0"},
    {"503", "search-unavailable", "Search unavailable", "Elasticsearch could not answer"},
  };

  static final String[][] WRITES = {
    {"401", "unauthorized", "API key required", "send an API key in the X-API-Key header"},
    {"403", "forbidden", "API key not accepted", "the API key is not accepted"},
    {"413", "payload-too-large", "Payload too large", "the body is larger than 1GB"},
  };

  static final String[] UNKNOWN_CONCEPT = {
    "404",
    "unknown-concept",
    "Unknown ESCO concept",
    "http://data.europa.eu/esco/skill/0000 is not in ESCO v1.1.1"
  };

  static final String[] BUSY = {
    "429",
    "busy",
    "Too many requests",
    "8 analytics requests are running, the most this server runs at once"
        + " (observatory.http.max-concurrent); try again in 2 s"
  };

  static final String[] NOT_FOUND = {
    "404", "not-found", "Not Found", "nothing is held under the name the path gives"
  };

  private final Map<String, Map<String, Object>> examples;

  @SuppressWarnings("unchecked")
  public OperationExamples() {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      examples = JsonMapper.builder().build().readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void customise(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          Map<String, Object> ex = examples.get(method.name() + " " + path);
                          if (ex != null) {
                            request(op, path, (Map<String, Object>) ex.get("request"));
                            responses(op, (Map<String, Map<String, Object>>) ex.get("responses"));
                          }
                          errors(op, path, method);
                        }));
  }

  private static void request(Operation op, String path, Map<String, Object> byMediaType) {
    if (byMediaType == null) {
      return;
    }
    RequestBody body = op.getRequestBody();
    if (body == null) {
      body =
          new RequestBody()
              .required(true)
              .description(
                  path.equals("/sparql")
                      ? "The query, as application/sparql-query or a form field 'query'"
                      : "The rows, as JSON Lines or CSV (gzip allowed; ELM JSON-LD for offers)");
      op.setRequestBody(body);
    }
    if (body.getContent() == null) {
      body.setContent(new Content());
    }
    for (Map.Entry<String, Object> e : byMediaType.entrySet()) {
      MediaType media = body.getContent().get(e.getKey());
      if (media == null) {
        media = new MediaType().schema(e.getValue() instanceof String ? new StringSchema() : null);
        body.getContent().addMediaType(e.getKey(), media);
      }
      media.setExample(e.getValue());
    }
  }

  private static void responses(Operation op, Map<String, Map<String, Object>> byStatus) {
    if (byStatus == null) {
      return;
    }
    ApiResponses responses = op.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      op.setResponses(responses);
    }
    for (Map.Entry<String, Map<String, Object>> status : byStatus.entrySet()) {
      ApiResponse response = responses.get(status.getKey());
      if (response == null) {
        response =
            new ApiResponse()
                .description(
                    status.getKey().equals("202")
                        ? "Accepted: the job that loads the body; follow its Location"
                        : "OK");
        responses.addApiResponse(status.getKey(), response);
      }
      if (response.getContent() == null) {
        response.setContent(new Content());
      }
      for (Map.Entry<String, Object> e : status.getValue().entrySet()) {
        MediaType media = response.getContent().get(e.getKey());
        if (media == null) {
          // springdoc's catch-all type would show beside the real one; the example names it.
          response.getContent().remove("*/*");
          media = new MediaType().schema(new ObjectSchema());
          response.getContent().addMediaType(e.getKey(), media);
        }
        media.setExample(e.getValue());
      }
    }
  }

  private static void errors(Operation op, String path, PathItem.HttpMethod method) {
    for (String[] error : EVERYWHERE) {
      problem(op, error);
    }
    boolean namesConcept =
        op.getParameters() != null
            && op.getParameters().stream()
                .anyMatch(
                    p ->
                        p.getName().equals("uri")
                            || p.getName().equals("skill")
                            || p.getName().equals("occupation"));
    if (namesConcept) {
      problem(op, UNKNOWN_CONCEPT);
    }
    if (path.startsWith("/api/analytics/")
        || path.startsWith("/api/reports/")
        || path.startsWith("/api/curricula/")
        || path.equals("/sparql")
        || path.equals("/api/extract")) {
      problem(op, BUSY);
    }
    if (path.contains("{")) {
      problem(op, NOT_FOUND);
    }
    if ((path.equals("/api/vacancies") || path.equals("/api/offers"))
        && method == PathItem.HttpMethod.POST) {
      for (String[] error : WRITES) {
        problem(op, error);
      }
    }
    if (path.equals("/sparql")) {
      problem(
          op,
          new String[] {
            "400", "sparql-update-refused", "Updates refused", "this endpoint only reads"
          });
    }
  }

  static void problem(Operation op, String[] error) {
    ApiResponses responses = op.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      op.setResponses(responses);
    }
    ApiResponse response = responses.get(error[0]);
    if (response == null) {
      response = new ApiResponse().description(error[2]).content(new Content());
      responses.addApiResponse(error[0], response);
    }
    if (response.getContent() == null) {
      response.setContent(new Content());
    }
    MediaType media = response.getContent().get(PROBLEM);
    if (media == null) {
      media = new MediaType().schema(new ObjectSchema());
      response.getContent().addMediaType(PROBLEM, media);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "urn:skills-observatory:problem:" + error[1]);
    p.put("title", error[2]);
    p.put("status", Integer.parseInt(error[0]));
    p.put("detail", error[3]);
    media.addExamples(error[1], new Example().summary(error[2]).value(p));
  }
}
