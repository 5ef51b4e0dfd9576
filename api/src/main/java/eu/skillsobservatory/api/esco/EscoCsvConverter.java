package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.VersionDiff;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.api.web.CsvConverter;
import org.springframework.stereotype.Component;

/** ESCO's tabular answers as CSV over HTTP: the tables of {@link EscoCsv}. */
@Component
public class EscoCsvConverter extends CsvConverter {
  public EscoCsvConverter() {
    super(
        new Tables()
            .addList(VersionSummary.class, EscoCsv::versions)
            .add(VersionDiff.class, EscoCsv::diff)
            .add(ConceptSearch.Page.class, EscoCsv::hits));
  }
}
