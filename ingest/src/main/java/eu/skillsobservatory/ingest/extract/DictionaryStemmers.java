package eu.skillsobservatory.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.SortingStrategy;

/**
 * Stemmers that look words up in a dictionary of the language instead of cutting endings by rule,
 * for the languages Lucene has no rule-based stemmer for: Croatian, Icelandic, Slovak and Slovenian
 * by Hunspell (Lucene's reader of the spelling dictionaries LibreOffice ships, kept gzipped beside
 * this class with their licences, see {@code words/README.md}), Ukrainian by Morfologik (the
 * dict_uk dictionary Lucene's Ukrainian analyzer uses). A word becomes its dictionary form
 * ("projektov" and "projekty" both "projekt"); a word the dictionary does not know stays as it is.
 * Each dictionary is read once, on first use (Slovak, the largest, in about a second), and shared;
 * the stemmers built on it are not safe to share between threads.
 */
final class DictionaryStemmers {
  private DictionaryStemmers() {}

  static final Set<String> HUNSPELL = Set.of("hr", "is", "sk", "sl");
  static final Set<String> LANGUAGES = Set.of("hr", "is", "sk", "sl", "uk");

  private static final String WORDS = "words/";
  private static final Map<String, Dictionary> HUNSPELL_DICTIONARIES = new ConcurrentHashMap<>();
  private static volatile morfologik.stemming.Dictionary ukrainian;

  /** A new stemmer (not safe to share between threads) of one of {@link #LANGUAGES}. */
  static UnaryOperator<String> of(String lang) {
    if (lang.equals("uk")) {
      DictionaryLookup lookup = new DictionaryLookup(ukrainian());
      return word -> ukrainianLemma(lookup, word);
    }
    if (!HUNSPELL.contains(lang)) {
      throw new IllegalArgumentException("no dictionary stemmer for '" + lang + "'");
    }
    Hunspell hunspell =
        new Hunspell(HUNSPELL_DICTIONARIES.computeIfAbsent(lang, DictionaryStemmers::hunspell));
    return word -> shortest(hunspell.getRoots(word), word);
  }

  /**
   * Of a word's dictionary forms, the shortest (then the first in alphabetical order): a form that
   * is also a noun and a verb, or a plural listed on its own ("projekti" beside "projekt" in
   * Slovenian), then meets the other forms of the word.
   */
  static String shortest(List<String> roots, String word) {
    String best = null;
    for (String r : roots) {
      String root = r.toLowerCase(Locale.ROOT);
      if (best == null
          || root.length() < best.length()
          || (root.length() == best.length() && root.compareTo(best) < 0)) {
        best = root;
      }
    }
    return best == null ? word : best;
  }

  /**
   * The lemma of a Ukrainian word: the dictionary's first common-noun reading (its lemmas of proper
   * names are capitalised), else its first reading; ґ is looked up as г, as the dictionary spells
   * it, and typographic apostrophes as the ASCII one.
   */
  static String ukrainianLemma(DictionaryLookup lookup, String word) {
    String w = word.replace('ґ', 'г').replace('’', '\'').replace('ʼ', '\'').replace("\u0301", "");
    List<WordData> readings = lookup.lookup(w);
    String first = null;
    for (WordData d : readings) {
      String lemma = d.getStem().toString();
      if (!lemma.isEmpty() && Character.isLowerCase(lemma.charAt(0))) {
        return lemma;
      }
      if (first == null) {
        first = lemma.toLowerCase(Locale.ROOT);
      }
    }
    return first == null ? w : first;
  }

  private static morfologik.stemming.Dictionary ukrainian() {
    morfologik.stemming.Dictionary d = ukrainian;
    if (d == null) {
      synchronized (DictionaryStemmers.class) {
        d = ukrainian;
        if (d == null) {
          URL url = DictionaryStemmers.class.getResource("/ua/net/nlp/ukrainian.dict");
          if (url == null) {
            throw new IllegalStateException("the Ukrainian dictionary (dict_uk) is missing");
          }
          try {
            d = morfologik.stemming.Dictionary.read(url);
          } catch (IOException e) {
            throw new UncheckedIOException("the Ukrainian dictionary cannot be read", e);
          }
          ukrainian = d;
        }
      }
    }
    return d;
  }

  private static Dictionary hunspell(String lang) {
    try (InputStream aff = resource(lang + ".aff.gz");
        InputStream dic = resource(lang + ".dic.gz")) {
      return new Dictionary(aff, List.of(dic), false, SortingStrategy.inMemory());
    } catch (IOException e) {
      throw new UncheckedIOException("the Hunspell dictionary of '" + lang + "' cannot be read", e);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "the Hunspell dictionary of '" + lang + "' is malformed at line " + e.getErrorOffset(),
          e);
    }
  }

  /** A resource of {@code words/}, un-gzipped. */
  private static InputStream resource(String name) throws IOException {
    InputStream in = DictionaryStemmers.class.getResourceAsStream(WORDS + name);
    if (in == null) {
      throw new IllegalStateException("the resource " + WORDS + name + " is missing");
    }
    return new GZIPInputStream(in, 1 << 16);
  }
}
