package eu.skillsobservatory.ingest.search;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The settings and mapping of an ESCO concepts index, for the languages of one version. Each
 * language's labels get that language's analyzer (the standard one where Elasticsearch has none),
 * an exact sub-field (the whole label, case and accents folded), an edge n-gram sub-field for
 * type-ahead and a {@code raw} keyword kept only in doc values, which searches read to show labels
 * (much cheaper than loading each hit's source).
 */
final class EscoIndexMapping {
  private EscoIndexMapping() {}

  /**
   * Raised whenever the mapping changes; an index built with another version is rebuilt on start.
   * 2: labels gained a doc-values-only {@code raw} sub-field, read by searches instead of the
   * source. 3: Croatian labels analysed as Serbian (Latin script, the same inflection;
   * Elasticsearch has no Croatian analyzer, its Serbian one folds the diacritics and stems).
   */
  static final int VERSION = 3;

  /** Elasticsearch's language analyzers, by ISO 639-1 code. */
  static final Map<String, String> ANALYZERS =
      Map.ofEntries(
          Map.entry("ar", "arabic"),
          Map.entry("bg", "bulgarian"),
          Map.entry("ca", "catalan"),
          Map.entry("cs", "czech"),
          Map.entry("da", "danish"),
          Map.entry("de", "german"),
          Map.entry("el", "greek"),
          Map.entry("en", "english"),
          Map.entry("es", "spanish"),
          Map.entry("et", "estonian"),
          Map.entry("fi", "finnish"),
          Map.entry("fr", "french"),
          Map.entry("hr", "serbian"),
          Map.entry("ga", "irish"),
          Map.entry("hu", "hungarian"),
          Map.entry("it", "italian"),
          Map.entry("lt", "lithuanian"),
          Map.entry("lv", "latvian"),
          Map.entry("nl", "dutch"),
          Map.entry("no", "norwegian"),
          Map.entry("nb", "norwegian"),
          Map.entry("pt", "portuguese"),
          Map.entry("ro", "romanian"),
          Map.entry("sv", "swedish"));

  static String analyzer(String language) {
    String primary = language.toLowerCase(Locale.ROOT).split("-")[0];
    return ANALYZERS.getOrDefault(primary, "standard");
  }

  /** The field name part for a language tag: {@code en-us} becomes {@code en_us}. */
  static String field(String language) {
    return language.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }

  static String json(Collection<String> languages) {
    StringBuilder labels = new StringBuilder();
    StringBuilder descriptions = new StringBuilder();
    for (String lang : languages) {
      String a = analyzer(lang);
      String f = field(lang);
      if (labels.length() > 0) {
        labels.append(',');
        descriptions.append(',');
      }
      labels.append(
          String.format(
              Locale.ROOT,
              "\"%s\":{\"type\":\"text\",\"analyzer\":\"%s\",\"fields\":{"
                  + "\"exact\":{\"type\":\"text\",\"analyzer\":\"exact\"},"
                  + "\"plain\":{\"type\":\"text\",\"analyzer\":\"plain\"},"
                  + "\"prefix\":{\"type\":\"text\",\"analyzer\":\"autocomplete\","
                  + "\"search_analyzer\":\"plain\"},"
                  + "\"raw\":{\"type\":\"keyword\",\"index\":false,\"ignore_above\":4096}}}",
              f,
              a));
      descriptions.append(
          String.format(Locale.ROOT, "\"%s\":{\"type\":\"text\",\"analyzer\":\"%s\"}", f, a));
    }
    String labelObject = "{\"properties\":{" + labels + "}}";
    return "{\"settings\":{\"number_of_shards\":1,\"auto_expand_replicas\":\"0-1\","
        + "\"analysis\":{\"filter\":{\"prefixes\":{\"type\":\"edge_ngram\",\"min_gram\":1,"
        + "\"max_gram\":24}},\"analyzer\":{"
        + "\"autocomplete\":{\"type\":\"custom\",\"tokenizer\":\"standard\","
        + "\"filter\":[\"lowercase\",\"asciifolding\",\"prefixes\"]},"
        + "\"plain\":{\"type\":\"custom\",\"tokenizer\":\"standard\","
        + "\"filter\":[\"lowercase\",\"asciifolding\"]},"
        + "\"exact\":{\"type\":\"custom\",\"tokenizer\":\"keyword\","
        + "\"filter\":[\"lowercase\",\"asciifolding\"]}}}},"
        + "\"mappings\":{\"dynamic\":\"strict\",\"_meta\":{\"mappingVersion\":"
        + VERSION
        + "},\"properties\":{"
        + "\"uri\":{\"type\":\"keyword\"},\"type\":{\"type\":\"keyword\"},"
        + "\"version\":{\"type\":\"keyword\"},\"collections\":{\"type\":\"keyword\"},"
        + "\"skillType\":{\"type\":\"keyword\"},\"reuseLevel\":{\"type\":\"keyword\"},"
        + "\"code\":{\"type\":\"keyword\"},\"iscoGroup\":{\"type\":\"keyword\"},"
        + "\"display\":{\"type\":\"object\",\"enabled\":false},"
        + "\"pref\":"
        + labelObject
        + ",\"alt\":"
        + labelObject
        + ",\"hidden\":"
        + labelObject
        + ",\"description\":{\"properties\":{"
        + descriptions
        + "}}}}}";
  }
}
