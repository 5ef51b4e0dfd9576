package eu.skillsobservatory.api.export;

import eu.skillsobservatory.analytics.export.OfferRow;
import eu.skillsobservatory.analytics.export.RowExport;
import eu.skillsobservatory.analytics.export.VacancyRow;
import eu.skillsobservatory.api.web.CsvConverter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

/**
 * A page of rows as CSV over HTTP ({@code GET /api/vacancies}, {@code GET /api/offers} with {@code
 * format=csv} or {@code Accept: text/csv}): the columns of {@code export}, one line per row; the
 * next page is named by the {@code Link} header.
 */
@Component
public class RowsCsvConverter extends CsvConverter {
  @SuppressWarnings({"unchecked", "rawtypes"})
  public RowsCsvConverter() {
    super(
        new Tables()
            .add(
                ResolvableType.forClassWithGenerics(RowExport.Page.class, VacancyRow.class),
                (Class<RowExport.Page<VacancyRow>>) (Class) RowExport.Page.class,
                p -> csv(p.rows(), out -> ExportFiles.vacancies("csv", out)))
            .add(
                ResolvableType.forClassWithGenerics(RowExport.Page.class, OfferRow.class),
                (Class<RowExport.Page<OfferRow>>) (Class) RowExport.Page.class,
                p -> csv(p.rows(), out -> ExportFiles.offers("csv", out)))
            .add(VacancyRow.class, r -> csv(List.of(r), out -> ExportFiles.vacancies("csv", out))));
  }

  private static <T> String csv(List<T> rows, Function<OutputStream, ExportFiles.Sink<T>> sinkOf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportFiles.Sink<T> sink = sinkOf.apply(out)) {
      rows.forEach(sink::write);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
