package eu.skillsobservatory.ingest.extract;

import eu.skillsobservatory.analytics.extract.WordForms;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Word forms from Lucene: the Snowball stemmer and the default stop words of each language Lucene
 * has them for; other languages get exact words and no stop words.
 */
public final class LuceneWordForms implements WordForms {
  private static final Map<String, String> SNOWBALL =
      Map.ofEntries(
          Map.entry("en", "English"),
          Map.entry("de", "German"),
          Map.entry("fr", "French"),
          Map.entry("es", "Spanish"),
          Map.entry("it", "Italian"),
          Map.entry("nl", "Dutch"),
          Map.entry("pt", "Portuguese"),
          Map.entry("sv", "Swedish"),
          Map.entry("no", "Norwegian"),
          Map.entry("nb", "Norwegian"),
          Map.entry("da", "Danish"),
          Map.entry("fi", "Finnish"),
          Map.entry("hu", "Hungarian"),
          Map.entry("ro", "Romanian"),
          Map.entry("ca", "Catalan"),
          Map.entry("ga", "Irish"),
          Map.entry("lt", "Lithuanian"),
          Map.entry("et", "Estonian"));

  private static final Map<String, String> STOP_WORDS =
      Map.ofEntries(
          Map.entry("en", "en.EnglishAnalyzer"),
          Map.entry("de", "de.GermanAnalyzer"),
          Map.entry("fr", "fr.FrenchAnalyzer"),
          Map.entry("es", "es.SpanishAnalyzer"),
          Map.entry("it", "it.ItalianAnalyzer"),
          Map.entry("nl", "nl.DutchAnalyzer"),
          Map.entry("pt", "pt.PortugueseAnalyzer"),
          Map.entry("sv", "sv.SwedishAnalyzer"),
          Map.entry("no", "no.NorwegianAnalyzer"),
          Map.entry("da", "da.DanishAnalyzer"),
          Map.entry("fi", "fi.FinnishAnalyzer"),
          Map.entry("hu", "hu.HungarianAnalyzer"),
          Map.entry("ro", "ro.RomanianAnalyzer"),
          Map.entry("ca", "ca.CatalanAnalyzer"),
          Map.entry("ga", "ga.IrishAnalyzer"),
          Map.entry("lt", "lt.LithuanianAnalyzer"),
          Map.entry("et", "et.EstonianAnalyzer"),
          Map.entry("bg", "bg.BulgarianAnalyzer"),
          Map.entry("cs", "cz.CzechAnalyzer"),
          Map.entry("el", "el.GreekAnalyzer"),
          Map.entry("lv", "lv.LatvianAnalyzer"),
          Map.entry("pl", "pl.PolishAnalyzer"));

  /** Stemmers keep state: one per thread and language. */
  private final Map<String, ThreadLocal<SnowballStemmer>> stemmers = new ConcurrentHashMap<>();

  private final Map<String, CharArraySet> stops = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  @Override
  public String stem(String word, String language) {
    String lang = primary(language);
    String name = SNOWBALL.get(lang);
    if (name == null || word.length() < 3 || !Character.isLetter(word.charAt(0))) {
      return word;
    }
    Map<String, String> known = cache.computeIfAbsent(lang, l -> new ConcurrentHashMap<>());
    String s = known.get(word);
    if (s != null) {
      return s;
    }
    SnowballStemmer stemmer =
        stemmers.computeIfAbsent(lang, l -> ThreadLocal.withInitial(snowball(name))).get();
    stemmer.setCurrent(word);
    stemmer.stem();
    s = stemmer.getCurrent();
    if (known.size() < 500_000) {
      known.put(word, s);
    }
    return s;
  }

  @Override
  public boolean isStopWord(String word, String language) {
    String lang = primary(language);
    CharArraySet set = stops.computeIfAbsent(lang, LuceneWordForms::stopSet);
    return set.contains(word);
  }

  private static String primary(String language) {
    int cut = language.indexOf('-');
    return cut < 0 ? language : language.substring(0, cut);
  }

  private static Supplier<SnowballStemmer> snowball(String name) {
    return () -> {
      try {
        return (SnowballStemmer)
            Class.forName("org.tartarus.snowball.ext." + name + "Stemmer")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Lucene's " + name + " stemmer is missing", e);
      }
    };
  }

  private static CharArraySet stopSet(String lang) {
    String analyzer = STOP_WORDS.get(lang);
    if (analyzer == null) {
      return CharArraySet.EMPTY_SET;
    }
    try {
      return (CharArraySet)
          Class.forName("org.apache.lucene.analysis." + analyzer)
              .getMethod("getDefaultStopSet")
              .invoke(null);
    } catch (ReflectiveOperationException e) {
      return CharArraySet.EMPTY_SET;
    }
  }
}
