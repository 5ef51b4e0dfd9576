package eu.skillsobservatory.ingest.extract;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.bg.BulgarianStemmer;
import org.apache.lucene.analysis.cz.CzechStemmer;
import org.apache.lucene.analysis.el.GreekStemmer;
import org.apache.lucene.analysis.lv.LatvianStemmer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;

/**
 * The stemmers Lucene has outside Snowball, as its analyzers use them: Arabic (after its
 * normalizer), Bulgarian, Czech, Greek and Latvian (light, rule-based, on the word's characters)
 * and Polish (Stempel, a table learnt from a corpus); and a light stemmer of this project's own for
 * Maltese, for which neither Lucene nor a published dictionary has one. Each word comes
 * lower-cased; Greek is folded as Lucene's Greek filter folds it first (accents dropped, final
 * sigma made medial).
 */
final class LightStemmers {
  private LightStemmers() {}

  static final Set<String> LANGUAGES = Set.of("ar", "bg", "cs", "el", "lv", "mt", "pl");

  /** A new stemmer (not safe to share between threads) of one of {@link #LANGUAGES}. */
  static UnaryOperator<String> of(String lang) {
    return switch (lang) {
      case "bg" -> array(new BulgarianStemmer()::stem);
      case "cs" -> array(new CzechStemmer()::stem);
      case "lv" -> array(new LatvianStemmer()::stem);
      case "ar" -> {
        ArabicNormalizer normalizer = new ArabicNormalizer();
        ArabicStemmer stemmer = new ArabicStemmer();
        yield array((c, len) -> stemmer.stem(c, normalizer.normalize(c, len)));
      }
      case "el" -> {
        UnaryOperator<String> greek = array(new GreekStemmer()::stem);
        yield word -> greek.apply(greekFold(word));
      }
      case "pl" -> {
        StempelStemmer stempel = new StempelStemmer(PolishAnalyzer.getDefaultTable());
        yield word -> {
          StringBuilder s = stempel.stem(word);
          return s == null || s.isEmpty() ? word : s.toString();
        };
      }
      case "mt" -> LightStemmers::maltese;
      default -> throw new IllegalArgumentException("no light stemmer for '" + lang + "'");
    };
  }

  interface ArrayStemmer {
    int stem(char[] s, int len);
  }

  private static UnaryOperator<String> array(ArrayStemmer stemmer) {
    return word -> {
      char[] c = word.toCharArray();
      return new String(c, 0, stemmer.stem(c, c.length));
    };
  }

  /** Greek as Lucene's GreekLowerCaseFilter leaves it: lower case, no tonos, no final sigma. */
  static String greekFold(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = Character.toLowerCase(word.charAt(i));
      b.append(
          switch (c) {
            case 'ά' -> 'α';
            case 'έ' -> 'ε';
            case 'ή' -> 'η';
            case 'ί', 'ΐ', 'ϊ' -> 'ι';
            case 'ό' -> 'ο';
            case 'ύ', 'ΰ', 'ϋ' -> 'υ';
            case 'ώ' -> 'ω';
            case 'ς' -> 'σ';
            default -> c;
          });
    }
    return b.toString();
  }

  /** Maltese plural endings, longest first: "kwalifikazzjonijiet", "attivitajiet", "ommijiet". */
  private static final String[] MALTESE_PLURALS = {"ijiet", "jiet", "iet"};

  /**
   * A light Maltese stemmer: a sound plural's ending (-ijiet, -jiet, -iet), then one final vowel
   * (-a, -i, -à, the feminine and plural of nouns and adjectives), each only while three letters
   * are left. "magna" and "magni" (machine, machines) meet in "magn", "impjegat", "impjegata" and
   * "impjegati" in "impjegat". Broken plurals (inside the word: "ktieb", "kotba") are not met; that
   * needs a dictionary.
   */
  static String maltese(String word) {
    String w = word;
    for (String suffix : MALTESE_PLURALS) {
      if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
        w = w.substring(0, w.length() - suffix.length());
        break;
      }
    }
    char last = w.charAt(w.length() - 1);
    if ((last == 'a' || last == 'i' || last == 'à') && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}
