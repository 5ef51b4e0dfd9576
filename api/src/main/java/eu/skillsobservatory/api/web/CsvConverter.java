package eu.skillsobservatory.api.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes the answers of tabular endpoints as CSV ({@code text/csv}), chosen by the answer's
 * declared type; the controller returns the record and content negotiation ({@link TabularFormats})
 * picks JSON or CSV. Each feature registers its tables with a subclass, so the CLI and the API
 * share one CSV writer per answer.
 */
public abstract class CsvConverter extends AbstractGenericHttpMessageConverter<Object> {
  private final List<Table> tables;

  private record Table(ResolvableType type, Function<Object, String> csv) {}

  protected CsvConverter(Tables tables) {
    super(Formats.TEXT_CSV);
    this.tables = List.copyOf(tables.list);
  }

  /** The answers a converter writes: a type and its CSV writer each. */
  public static final class Tables {
    private final List<Table> list = new ArrayList<>();

    public <T> Tables add(Class<T> type, Function<T, String> csv) {
      return add(ResolvableType.forClass(type), type, csv);
    }

    /** A list of {@code element}, for endpoints that answer a JSON array. */
    public <T> Tables addList(Class<T> element, Function<List<T>, String> csv) {
      @SuppressWarnings("unchecked")
      Class<List<T>> raw = (Class<List<T>>) (Class<?>) List.class;
      return add(ResolvableType.forClassWithGenerics(List.class, element), raw, csv);
    }

    /** A generic type ({@code Page<VacancyRow>}), told from others of its raw class. */
    public <T> Tables add(ResolvableType type, Class<T> raw, Function<T, String> csv) {
      list.add(new Table(type, o -> csv.apply(raw.cast(o))));
      return this;
    }
  }

  private Optional<Table> table(Type type, Class<?> clazz) {
    ResolvableType asked =
        type != null ? ResolvableType.forType(type) : ResolvableType.forClass(clazz);
    return tables.stream().filter(t -> t.type().isAssignableFrom(asked)).findFirst();
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return table(null, clazz).isPresent();
  }

  @Override
  public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
    return canWrite(mediaType) && table(type, clazz).isPresent();
  }

  @Override
  public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
    return false;
  }

  @Override
  protected boolean canRead(MediaType mediaType) {
    return false;
  }

  @Override
  protected void writeInternal(Object answer, Type type, HttpOutputMessage out) throws IOException {
    Table t =
        table(type, answer.getClass())
            .or(() -> table(null, answer.getClass()))
            .orElseThrow(() -> new IllegalStateException("no CSV for " + answer.getClass()));
    out.getBody().write(t.csv().apply(answer).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object read(Type type, Class<?> contextClass, HttpInputMessage in) {
    throw new HttpMessageNotReadableException("CSV is an answer format only", in);
  }

  @Override
  protected Object readInternal(Class<?> clazz, HttpInputMessage in) {
    throw new HttpMessageNotReadableException("CSV is an answer format only", in);
  }
}
