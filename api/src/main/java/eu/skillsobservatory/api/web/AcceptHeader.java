package eu.skillsobservatory.api.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * An {@code Accept} header as a client means it: its media types, most wanted first (by q-value;
 * equal ones in the order given), those with {@code q=0} left out. The SPARQL endpoint picks its
 * format from this list; the JSON and CSV endpoints are negotiated by Spring MVC on the same rule.
 */
public final class AcceptHeader {
  private AcceptHeader() {}

  /**
   * @throws IllegalArgumentException naming the header if it is not a list of media types
   */
  public static List<MediaType> ordered(String header) {
    List<MediaType> types;
    try {
      types = new ArrayList<>(MediaType.parseMediaTypes(header));
    } catch (InvalidMediaTypeException e) {
      throw new IllegalArgumentException("Accept: not a list of media types: " + e.getMessage());
    }
    types.removeIf(t -> t.getQualityValue() <= 0);
    // A stable sort: equal qualities keep the client's order.
    types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    return types;
  }
}
