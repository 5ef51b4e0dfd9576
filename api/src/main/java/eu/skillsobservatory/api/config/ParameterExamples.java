package eu.skillsobservatory.api.config;

import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.api.web.Formats;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every parameter of the OpenAPI document that carries one of the API's common names the same
 * description and a real example, so that the conventions (slice parameters, ESCO URIs, formats,
 * paging) read the same on every endpoint.
 */
@Component
public class ParameterExamples implements OpenApiCustomizer {
  static final String OCCUPATION =
      "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";
  static final String SKILL =
      "http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d";

  /** Name to example and description. */
  static final Map<String, String[]> COMMON =
      Map.ofEntries(
          Map.entry("sector", new String[] {"C", "NACE Rev. 2 section letter (A-U) or division"}),
          Map.entry("occupation", new String[] {"7212", "ESCO occupation URI or ISCO-08 code"}),
          Map.entry("country", new String[] {"DE", "ISO 3166 alpha-2 country code"}),
          Map.entry("region", new String[] {"DE21", "NUTS code; its sub-regions are included"}),
          Map.entry("from", new String[] {"2024-01", "first month, YYYY-MM"}),
          Map.entry("to", new String[] {"2024-12", "last month, YYYY-MM"}),
          Map.entry("includeDuplicates", new String[] {"false", "count near-duplicates too"}),
          Map.entry(
              "dataset",
              new String[] {"sample", "only the vacancies of this dataset (the name of a load)"}),
          Map.entry("name", new String[] {"docs", "a dataset's name"}),
          Map.entry(
              "synthetic",
              new String[] {"false", "the rows are made by a generator, not real adverts"}),
          Map.entry(
              "groupBy",
              new String[] {"month", "sector, country, region, month, isco or occupation"}),
          Map.entry("level", new String[] {"group", "skill, or group (nearest ESCO skill group)"}),
          Map.entry("limit", new String[] {"20", "how many rows at most"}),
          Map.entry("offset", new String[] {"0", "rows skipped, for paging"}),
          Map.entry(
              "cursor",
              new String[] {
                new HeldKey("portal-a", "v42").cursor(),
                "the next of the page before (opaque); none for the first page"
              }),
          Map.entry("format", new String[] {"csv", "json (default) or csv; or Accept: text/csv"}),
          Map.entry(
              "lang", new String[] {"de", "label language (ISO 639-1); else Accept-Language"}),
          Map.entry("skill", new String[] {SKILL, "ESCO skill URI"}),
          Map.entry("uri", new String[] {OCCUPATION, "ESCO concept URI"}),
          Map.entry("q", new String[] {"welding", "text to search"}),
          Map.entry(
              "type", new String[] {"occupation", "skill, skillGroup, occupation or iscoGroup"}),
          Map.entry("collection", new String[] {"digital", "ESCO collection"}),
          Map.entry("version", new String[] {"v1.1.1", "ESCO version; default the current one"}),
          Map.entry(
              "language",
              new String[] {"de", "the ESCO web service's name for lang (lang wins when both)"}),
          Map.entry(
              "selectedVersion",
              new String[] {
                "v1.1.1", "the ESCO web service's name for version (version wins when both)"
              }),
          Map.entry("eqfMin", new String[] {"3", "lowest EQF level of the offers"}),
          Map.entry("eqfMax", new String[] {"5", "highest EQF level of the offers"}),
          Map.entry("mode", new String[] {"online", "classroom, blended, online, work-based"}),
          Map.entry("maxHours", new String[] {"200", "offers of at most these hours"}),
          Map.entry("maxCost", new String[] {"1500", "offers costing at most this"}),
          Map.entry("maxOffers", new String[] {"5", "offers recommended at most"}),
          Map.entry("budget", new String[] {"3000", "total budget (cost, or hours)"}),
          Map.entry(
              "currency",
              new String[] {
                "EUR", "the currency of a budget on cost (ISO 4217); needed when offers use several"
              }),
          Map.entry("budgetOn", new String[] {"cost", "what the budget counts: cost or hours"}),
          Map.entry("growth", new String[] {"true", "weigh demanded skills by their growth"}),
          Map.entry("source", new String[] {"portal-a", "the catalogue or portal of the rows"}),
          Map.entry("extraction", new String[] {"fast", "fast (labels) or full (and meaning)"}),
          Map.entry("wait", new String[] {"false", "load in the request instead of as a job"}),
          Map.entry("query", new String[] {"ASK { ?s ?p ?o }", "a SPARQL 1.1 query"}),
          Map.entry("recentMonths", new String[] {"6", "months of the recent window"}),
          Map.entry("minSupport", new String[] {"20", "postings at least"}),
          Map.entry("alpha", new String[] {"0.01", "false discovery rate"}),
          Map.entry("baselineMonths", new String[] {"12", "months of the baseline; 0: all before"}),
          Map.entry("minLift", new String[] {"1.2", "recent share over baseline share at least"}),
          Map.entry(
              "occupations",
              new String[] {"10", "top occupations checked for untaught essential skills"}),
          Map.entry("skills", new String[] {"30", "the gap's most weighted skills considered"}),
          Map.entry("rank", new String[] {"10", "offers ranked one by one"}),
          Map.entry("nace", new String[] {"J", "NACE Rev. 2 section letter"}),
          Map.entry("isco", new String[] {"2", "ISCO-08 major group"}),
          Map.entry("year", new String[] {"2024", "calendar year"}),
          Map.entry("index", new String[] {"true", "also build the version's search index"}));

  @Override
  public void customise(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) -> {
              for (Operation op : item.readOperations()) {
                addFormat(op);
                if (op.getParameters() == null) {
                  continue;
                }
                for (Parameter p : op.getParameters()) {
                  String[] common = COMMON.get(p.getName());
                  if (path.startsWith("/api/esco/diff")
                      && (p.getName().equals("from") || p.getName().equals("to"))) {
                    common =
                        new String[] {
                          p.getName().equals("from") ? "v1.1.0" : "v1.1.1", "ESCO version"
                        };
                  }
                  if (p.getName().equals("id")) {
                    if (path.startsWith("/api/jobs")) {
                      common = new String[] {"90f04940-7fed-4f66-9ad5-ccb2193f8ca3", "job id"};
                    } else if (path.startsWith("/api/vacancies")) {
                      common = new String[] {"v42", "the vacancy's id in its source"};
                    } else {
                      common = new String[] {"o0", "the offer's id in its source"};
                    }
                  }
                  if (common == null) {
                    continue;
                  }
                  if (p.getExample() == null) {
                    p.setExample(common[0]);
                  }
                  if (p.getDescription() == null) {
                    p.setDescription(common[1]);
                  }
                }
              }
            });
  }

  /**
   * The {@code format} query parameter of an endpoint that answers JSON or CSV: read by content
   * negotiation ({@code TabularFormats}), not by the controller, so springdoc does not see it.
   */
  private static void addFormat(Operation op) {
    ApiResponse ok = op.getResponses() == null ? null : op.getResponses().get("200");
    if (ok == null || ok.getContent() == null || !ok.getContent().containsKey(Formats.CSV)) {
      return;
    }
    if (op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> "format".equals(p.getName()))) {
      return;
    }
    op.addParametersItem(
        new QueryParameter()
            .name("format")
            .schema(new StringSchema()._enum(List.of("json", "csv"))));
  }
}
