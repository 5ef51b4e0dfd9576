package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.ingest.extract.LuceneWordForms;
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
   * Elasticsearch has no Croatian analyzer, its Serbian one folds the diacritics and stems). 4:
   * labels of the languages Elasticsearch cannot stem also kept stemmed by the project ({@code
   * stems.pref.xx}, {@code stems.alt.xx}).
   */
  static final int VERSION = 4;

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
    return ANALYZERS.getOrDefault(primary(language), "standard");
  }

  /**
   * Whether a language's labels are stemmed by the project rather than by Elasticsearch: a language
   * of the project's stemmer table ({@link LuceneWordForms#LANGUAGES}) that no analyzer of
   * Elasticsearch's own stems (Icelandic, Maltese, Polish, Slovak, Slovenian, Ukrainian). Those
   * labels are also indexed through {@link LabelStems}, under {@code stems.pref} and {@code
   * stems.alt}, where a search's text, stemmed the same way, meets them.
   */
  static boolean stemmedHere(String language) {
    String p = primary(language);
    return !ANALYZERS.containsKey(p) && LuceneWordForms.LANGUAGES.contains(p);
  }

  /**
   * The primary language of a tag or of its field name: {@code en} of {@code en-US}, {@code en_us}.
   */
  static String primary(String language) {
    return language.toLowerCase(Locale.ROOT).split("[-_]")[0];
  }

  /** The field name part for a language tag: {@code en-us} becomes {@code en_us}. */
  static String field(String language) {
    return language.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }

  static String json(Collection<String> languages) {
    StringBuilder labels = new StringBuilder();
    StringBuilder descriptions = new StringBuilder();
    StringBuilder stems = new StringBuilder();
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
      if (stemmedHere(lang)) {
        stems.append(stems.length() > 0 ? "," : "");
        stems.append(
            String.format(Locale.ROOT, "\"%s\":{\"type\":\"text\",\"analyzer\":\"plain\"}", f));
      }
    }
    String stemObject = "{\"properties\":{" + stems + "}}";
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
        + "}},\"stems\":{\"properties\":{\"pref\":"
        + stemObject
        + ",\"alt\":"
        + stemObject
        + "}}}}}";
  }
}
