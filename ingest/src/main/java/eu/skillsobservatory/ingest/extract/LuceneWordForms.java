package eu.skillsobservatory.ingest.extract;

import eu.skillsobservatory.analytics.extract.WordForms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Word forms of ESCO's 28 languages: a stemmer and stop words for each. Lucene's where it has them
 * (the Snowball stemmers; its own light stemmers for Arabic, Bulgarian, Czech, Greek and Latvian;
 * Stempel for Polish; Morfologik's Ukrainian dictionary; their stop words); Hunspell dictionaries
 * for Croatian, Icelandic, Slovak and Slovenian ({@link DictionaryStemmers}) and a light stemmer of
 * this project's for Maltese, with stop-word lists kept in {@code words/} (see its README). Other
 * languages get exact words and no stop words. {@link #LANGUAGES} is the table, and a test holds
 * each of its languages to working stop words and stemming.
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
          Map.entry("pl", "pl.PolishAnalyzer"),
          Map.entry("nb", "no.NorwegianAnalyzer"),
          Map.entry("ar", "ar.ArabicAnalyzer"));

  /** The languages whose stop words are a list in {@code words/} ({@code hr.stop.txt}...). */
  private static final Set<String> STOP_LISTS = Set.of("hr", "is", "mt", "sk", "sl");

  /** The languages stemmed and given stop words: ESCO's 28, and Norwegian also as {@code nb}. */
  public static final Set<String> LANGUAGES;

  static {
    Set<String> all = new TreeSet<>(SNOWBALL.keySet());
    all.addAll(LightStemmers.LANGUAGES);
    all.addAll(DictionaryStemmers.LANGUAGES);
    LANGUAGES = Set.copyOf(all);
  }

  /** Stemmers keep state: one per thread and language. */
  private final Map<String, ThreadLocal<UnaryOperator<String>>> stemmers =
      new ConcurrentHashMap<>();

  private final Map<String, CharArraySet> stops = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  @Override
  public String stem(String word, String language) {
    String lang = primary(language);
    if (!LANGUAGES.contains(lang) || word.length() < 3 || !Character.isLetter(word.charAt(0))) {
      return word;
    }
    Map<String, String> known = cache.computeIfAbsent(lang, l -> new ConcurrentHashMap<>());
    String s = known.get(word);
    if (s != null) {
      return s;
    }
    s = stemmers.computeIfAbsent(lang, l -> ThreadLocal.withInitial(stemmer(l))).get().apply(word);
    if (known.size() < 500_000) {
      known.put(word, s);
    }
    return s;
  }

  @Override
  public boolean isStopWord(String word, String language) {
    String lang = primary(language);
    CharArraySet set = stops.computeIfAbsent(lang, LuceneWordForms::stopSet);
    if (lang.equals("ro")) {
      // Lucene's Romanian list spells s and t with a cedilla; text today has the comma below.
      return set.contains(word.replace('ș', 'ş').replace('ț', 'ţ'));
    }
    return set.contains(word);
  }

  private static String primary(String language) {
    int cut = language.indexOf('-');
    return cut < 0 ? language : language.substring(0, cut);
  }

  /** A new stemmer of a language of the table. */
  private static Supplier<UnaryOperator<String>> stemmer(String lang) {
    if (DictionaryStemmers.LANGUAGES.contains(lang)) {
      return () -> DictionaryStemmers.of(lang);
    }
    String name = SNOWBALL.get(lang);
    if (name == null) {
      return () -> LightStemmers.of(lang);
    }
    return () -> {
      SnowballStemmer stemmer;
      try {
        stemmer =
            (SnowballStemmer)
                Class.forName("org.tartarus.snowball.ext." + name + "Stemmer")
                    .getDeclaredConstructor()
                    .newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Lucene's " + name + " stemmer is missing", e);
      }
      return word -> {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
      };
    };
  }

  private static CharArraySet stopSet(String lang) {
    if (lang.equals("uk")) {
      return UkrainianMorfologikAnalyzer.getDefaultStopwords();
    }
    if (STOP_LISTS.contains(lang)) {
      return stopList(lang + ".stop.txt");
    }
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
      throw new IllegalStateException("Lucene's stop words of '" + lang + "' are missing", e);
    }
  }

  /** A stop-word list of {@code words/}: one word a line, {@code #} starts a comment line. */
  static CharArraySet stopList(String name) {
    InputStream in = LuceneWordForms.class.getResourceAsStream("words/" + name);
    if (in == null) {
      throw new IllegalStateException("the stop-word list words/" + name + " is missing");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      CharArraySet set = new CharArraySet(256, false);
      r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(set::add);
      return CharArraySet.unmodifiableSet(set);
    } catch (IOException e) {
      throw new UncheckedIOException("the stop-word list words/" + name + " cannot be read", e);
    }
  }
}
