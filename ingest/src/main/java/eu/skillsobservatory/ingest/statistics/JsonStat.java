package eu.skillsobservatory.ingest.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-stat 2.0 dataset as Eurostat's dissemination API returns it: dimensions named in {@code
 * id} with their sizes in {@code size}, each dimension's category codes in {@code
 * dimension.X.category.index} (an object of code to position, or an array of codes), and the values
 * in {@code value} (an array, or an object of position to value when the cube is sparse), their
 * flags in {@code status}. Positions run in row-major order over the dimensions.
 */
public final class JsonStat {
  /** One dimension: its id, its label, and its category codes in position order. */
  public record Dimension(String id, String label, List<String> codes, Map<String, String> labels) {
    public Dimension {
      codes = List.copyOf(codes);
      labels = Map.copyOf(labels);
    }
  }

  /** One value of the cube: a code per dimension (in dimension order), the value and its flag. */
  public record Cell(List<String> codes, double value, String status) {}

  private final String label;
  private final String updated;
  private final List<Dimension> dimensions;
  private final Map<Long, Double> values;
  private final Map<Long, String> status;

  private JsonStat(
      String label,
      String updated,
      List<Dimension> dimensions,
      Map<Long, Double> values,
      Map<Long, String> status) {
    this.label = label;
    this.updated = updated;
    this.dimensions = List.copyOf(dimensions);
    this.values = values;
    this.status = status;
  }

  /**
   * Reads a dataset.
   *
   * @throws IllegalArgumentException naming the member that is missing or malformed
   */
  public static JsonStat parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("JSON-stat: the answer is not a JSON object");
    }
    JsonNode id = need(root, "id", "id");
    JsonNode size = need(root, "size", "size");
    if (!id.isArray() || !size.isArray() || id.size() != size.size()) {
      throw new IllegalArgumentException(
          "JSON-stat: 'id' and 'size' must be arrays of the same length");
    }
    JsonNode dims = need(root, "dimension", "dimension");
    List<Dimension> dimensions = new ArrayList<>();
    long cells = 1;
    for (int i = 0; i < id.size(); i++) {
      String d = id.get(i).asText();
      JsonNode dim = need(dims, d, "dimension." + d);
      JsonNode category = need(dim, "category", "dimension." + d + ".category");
      int n = size.get(i).asInt(-1);
      if (n < 0) {
        throw new IllegalArgumentException("JSON-stat: size[" + i + "] is not a count");
      }
      List<String> codes = codes(category, d, n);
      Map<String, String> labels = new LinkedHashMap<>();
      JsonNode l = category.get("label");
      if (l != null && l.isObject()) {
        l.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      }
      dimensions.add(new Dimension(d, dim.path("label").asText(d), codes, labels));
      cells = Math.multiplyExact(cells, n);
    }
    long total = cells;
    Map<Long, Double> values = new LinkedHashMap<>();
    JsonNode value = need(root, "value", "value");
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        if (value.get(i).isNumber()) {
          values.put((long) i, value.get(i).asDouble());
        }
      }
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        long pos = position(e.getKey(), cells, "value");
        if (e.getValue().isNumber()) {
          values.put(pos, e.getValue().asDouble());
        }
      }
    } else {
      throw new IllegalArgumentException("JSON-stat: 'value' is neither an array nor an object");
    }
    Map<Long, String> status = new LinkedHashMap<>();
    JsonNode s = root.get("status");
    if (s != null && s.isObject()) {
      s.properties()
          .forEach(e -> status.put(position(e.getKey(), total, "status"), e.getValue().asText()));
    } else if (s != null && s.isArray()) {
      for (int i = 0; i < s.size(); i++) {
        if (!s.get(i).isNull()) {
          status.put((long) i, s.get(i).asText());
        }
      }
    }
    for (long pos : values.keySet()) {
      if (pos >= cells) {
        throw new IllegalArgumentException(
            "JSON-stat: value position " + pos + " is outside the cube of " + cells + " cells");
      }
    }
    return new JsonStat(
        root.path("label").asText(""), root.path("updated").asText(""), dimensions, values, status);
  }

  private static List<String> codes(JsonNode category, String d, int n) {
    JsonNode index = category.get("index");
    String[] codes = new String[n];
    if (index == null) {
      // A dimension of one category may give only its label.
      JsonNode label = category.get("label");
      if (n == 1 && label != null && label.isObject() && label.size() == 1) {
        return List.of(label.fieldNames().next());
      }
      throw new IllegalArgumentException("JSON-stat: no dimension." + d + ".category.index");
    }
    if (index.isArray()) {
      if (index.size() != n) {
        throw new IllegalArgumentException(
            "JSON-stat: dimension." + d + " has " + index.size() + " codes but size " + n);
      }
      for (int i = 0; i < n; i++) {
        codes[i] = index.get(i).asText();
      }
    } else if (index.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int pos = e.getValue().asInt(-1);
        if (pos < 0 || pos >= n || codes[pos] != null) {
          throw new IllegalArgumentException(
              "JSON-stat: dimension."
                  + d
                  + ".category.index."
                  + e.getKey()
                  + " = "
                  + e.getValue()
                  + " is not a free position below "
                  + n);
        }
        codes[pos] = e.getKey();
      }
    } else {
      throw new IllegalArgumentException(
          "JSON-stat: dimension." + d + ".category.index is neither an object nor an array");
    }
    for (int i = 0; i < n; i++) {
      if (codes[i] == null) {
        throw new IllegalArgumentException(
            "JSON-stat: dimension." + d + " has no code at position " + i);
      }
    }
    return List.of(codes);
  }

  private static long position(String key, long cells, String member) {
    try {
      long pos = Long.parseLong(key);
      if (pos < 0 || pos >= cells) {
        throw new IllegalArgumentException(
            "JSON-stat: "
                + member
                + " position "
                + key
                + " is outside the cube of "
                + cells
                + " cells");
      }
      return pos;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "JSON-stat: " + member + " key '" + key + "' is not a position", e);
    }
  }

  private static JsonNode need(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("JSON-stat: no '" + path + "'");
    }
    return v;
  }

  public String label() {
    return label;
  }

  public String updated() {
    return updated;
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** The values present, each with its codes, in position order. */
  public List<Cell> cells() {
    List<Cell> out = new ArrayList<>(values.size());
    int n = dimensions.size();
    for (Map.Entry<Long, Double> e : values.entrySet()) {
      long pos = e.getKey();
      String[] codes = new String[n];
      for (int i = n - 1; i >= 0; i--) {
        List<String> c = dimensions.get(i).codes();
        codes[i] = c.get((int) (pos % c.size()));
        pos /= c.size();
      }
      out.add(new Cell(List.of(codes), e.getValue(), status.getOrDefault(e.getKey(), "")));
    }
    return out;
  }
}
