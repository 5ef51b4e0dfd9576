package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Candidate terms outside ESCO: the word pairs and triples of an English text that no skill found
 * in it covers, with no stop word at either end, made of letters (and digits after a letter, as in
 * "web3"). Counted per vacancy and tested for a rise like skills, they show taxonomy maintainers
 * what adverts ask for that ESCO has no label for.
 */
public final class Phrases {
  private Phrases() {}

  /** Phrases kept per text at most. */
  public static final int MAX_PER_TEXT = 40;

  static final Set<String> STOP =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "etc",
          "few",
          "for",
          "from",
          "further",
          "get",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "him",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "just",
          "may",
          "me",
          "might",
          "more",
          "most",
          "must",
          "my",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "per",
          "same",
          "shall",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "them",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "us",
          "very",
          "via",
          "was",
          "we",
          "well",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "within",
          "would",
          "you",
          "your",
          "yours",
          "new",
          "good",
          "great",
          "strong",
          "excellent",
          "able",
          "ability",
          "experience",
          "experienced",
          "knowledge",
          "skills",
          "skill",
          "required",
          "preferred",
          "plus",
          "including",
          "include",
          "includes",
          "work",
          "working",
          "job",
          "role",
          "team",
          "company",
          "years",
          "year",
          "apply",
          "offer",
          "looking",
          "join",
          "candidate",
          "candidates",
          "responsibilities",
          "requirements",
          "wanted",
          "immediate",
          "start",
          "full",
          "part",
          "time",
          "salary",
          "benefits");

  /**
   * @param covered spans of the text where skills were found; words inside them are not candidates
   */
  public static List<String> of(String text, List<Span> covered) {
    Set<String> out = new LinkedHashSet<>();
    List<String> run = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n && out.size() < MAX_PER_TEXT) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
          i++;
        }
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (inside(start, i, covered) || word.length() < 2) {
          emit(run, out);
          run.clear();
        } else {
          run.add(word);
        }
        continue;
      }
      if (c != ' ' && c != '\t') {
        // Any punctuation, digit or line break ends a run of words.
        emit(run, out);
        run.clear();
      }
      i++;
    }
    emit(run, out);
    return new ArrayList<>(out).subList(0, Math.min(out.size(), MAX_PER_TEXT));
  }

  private static boolean inside(int start, int end, List<Span> covered) {
    for (Span s : covered) {
      if (start < s.end() && end > s.start()) {
        return true;
      }
    }
    return false;
  }

  /** The pairs and triples of a run of words that neither start nor end with a stop word. */
  private static void emit(List<String> run, Set<String> out) {
    for (int len = 2; len <= 3; len++) {
      for (int i = 0; i + len <= run.size(); i++) {
        String first = run.get(i);
        String last = run.get(i + len - 1);
        if (STOP.contains(first) || STOP.contains(last)) {
          continue;
        }
        if (len == 3 && STOP.contains(run.get(i + 1)) && !run.get(i + 1).equals("and")) {
          continue;
        }
        out.add(String.join(" ", run.subList(i, i + len)));
      }
    }
  }
}
