package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search TEXT}: ESCO concepts by their labels, as the REST search answers. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search ESCO concepts by label (typo-tolerant) in the current version.")
public class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The words to look for.")
  List<String> words;

  @Option(names = "--type", description = "skill, occupation, skillGroup or iscoGroup.")
  String type;

  @Option(names = "--collection", description = "digital, green, transversal, language...")
  String collection;

  @Option(names = "--lang", defaultValue = "en", description = "Label language (default: en).")
  String lang;

  @Option(names = "--limit", defaultValue = "10", description = "How many hits (default: 10).")
  int limit;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  String format;

  @Override
  public Integer call() {
    String fmt = Output.format(format, "table", "json");
    ConceptSearch.Query query =
        new ConceptSearch.Query(
            String.join(" ", words),
            lang,
            type == null ? Optional.empty() : Optional.of(ConceptType.fromLabel(type)),
            Optional.ofNullable(collection).map(c -> c.toLowerCase(Locale.ROOT)),
            limit,
            0);
    return EscoCommand.withEsco(
        spec,
        "search",
        esco -> {
          ConceptSearch.Page page = esco.search(query);
          if (fmt.equals("json")) {
            return EscoCommand.json(page);
          }
          return Output.table(
              List.of("score", "type", "label", "matched", "uri"),
              page.hits().stream()
                  .map(
                      h ->
                          List.of(
                              String.format(Locale.ROOT, "%.1f", h.score()),
                              h.type().label(),
                              h.label(),
                              h.matchedLabel().equals(h.label()) ? "" : h.matchedLabel(),
                              h.uri()))
                  .toList());
        });
  }
}
