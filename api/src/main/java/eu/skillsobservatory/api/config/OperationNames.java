package eu.skillsobservatory.api.config;

import eu.skillsobservatory.api.web.ApiKeyFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a client generated from the OpenAPI document needs: an operation id of its own for every
 * operation (springdoc names an operation after its Java method and numbers the repeats, {@code
 * stats_1}; a repeated name becomes the method and the path instead: {@code getOffersStats}), and
 * the API-key scheme, with the 401 and 403 it answers without a key, on every operation that needs
 * one (the writes, and the list of jobs), by the rule the key filter applies.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class OperationNames implements OpenApiCustomizer {
  static final String SCHEME = "apiKey";

  @Override
  public void customise(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    record Op(String path, PathItem.HttpMethod method, Operation operation) {}
    List<Op> all = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap().forEach((m, op) -> all.add(new Op(path, m, op))));
    Map<String, Integer> uses = new HashMap<>();
    for (Op o : all) {
      uses.merge(base(o.operation().getOperationId()), 1, Integer::sum);
    }
    for (Op o : all) {
      String id = o.operation().getOperationId();
      if (id == null || uses.get(base(id)) > 1) {
        o.operation().setOperationId(fromPath(o.method(), o.path()));
      }
      if (ApiKeyFilter.needsKey(o.method().name(), o.path())) {
        o.operation().addSecurityItem(new SecurityRequirement().addList(SCHEME));
        for (String[] error : OperationExamples.WRITES) {
          if (!error[0].equals("413")) {
            OperationExamples.problem(o.operation(), error);
          }
        }
      }
    }
  }

  /** An operation id without the number springdoc adds to a repeated one. */
  static String base(String id) {
    return id == null ? "" : id.replaceFirst("_\\d+$", "");
  }

  /**
   * An id from the method and the path's words: {@code GET /api/offers/stats} gives {@code
   * getOffersStats}, {@code DELETE /api/datasets/{name}} gives {@code deleteDatasetsByName}.
   */
  static String fromPath(PathItem.HttpMethod method, String path) {
    StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals("api")) {
        continue;
      }
      boolean variable = part.startsWith("{");
      String word = variable ? part.substring(1, part.length() - 1) : part;
      if (variable) {
        id.append("By");
      }
      for (String w : word.split("[^A-Za-z0-9]+")) {
        if (!w.isEmpty()) {
          id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
    }
    return id.toString();
  }
}
