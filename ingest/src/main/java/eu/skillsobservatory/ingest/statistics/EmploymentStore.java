package eu.skillsobservatory.ingest.statistics;

import eu.skillsobservatory.analytics.employment.EmploymentFigures;
import eu.skillsobservatory.analytics.employment.EmploymentTables;
import eu.skillsobservatory.ingest.http.RetryingHttp;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Employment statistics: held in Elasticsearch, read from files or from Eurostat's API. */
public final class EmploymentStore {
  private EmploymentStore() {}

  /** The employment figures held in the index behind the alias {@code employment}. */
  public static EmploymentFigures figures(SearchConnection connection) {
    return new EmploymentIndex(connection);
  }

  /** Tables from files, and from Eurostat's dissemination API at {@code eurostat}. */
  public static EmploymentTables tables(URI eurostat, RetryingHttp.Settings http) {
    return new EmploymentTables() {
      @Override
      public Table file(Path file) {
        EurostatEmploymentCsv.Table t = EurostatEmploymentCsv.read(file);
        return new Table(
            file.toString(),
            "",
            "",
            t.cells(),
            t.unavailable() == 0 ? Map.of() : Map.of("not available (:)", t.unavailable()),
            t.problems());
      }

      @Override
      public Table eurostat(String dataset, List<Map.Entry<String, String>> filters) {
        EurostatClient client = new EurostatClient(eurostat, http);
        URI uri = client.uri(dataset, filters);
        JsonStat data = client.fetch(dataset, filters);
        EurostatEmployment.Table t = EurostatEmployment.cells(data, dataset);
        return new Table(
            uri.toString(), data.label(), data.updated(), t.cells(), t.skipped(), List.of());
      }
    };
  }
}
