package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every ESCO label in a text in time linear in the text: labels are stored as word paths in a
 * trie (one per language), words stemmed and stop words left out, so {@code managing the staff}
 * finds {@code manage staff}. Labels of two to four words are also found in any order ({@code
 * management of projects} finds {@code project management}).
 */
public final class LexicalMatcher {
  /** Labels longer than this many words are matched in order only. */
  static final int MAX_FREE_ORDER = 4;

  private final SkillTable skills;
  private final WordForms forms;
  private final Map<String, Language> languages = new HashMap<>();

  /** Per label, how many stop words it has: the most the text may skip inside it (at least 1). */
  private final int[] skippable;

  /** Per label of one content word, how many skills have that word in a label; 0 otherwise. */
  private final int[] singleWordSkills;

  /** A label occurrence: which label, where, and whether its words came in the label's order. */
  public record Hit(int label, int start, int end, boolean inOrder) {}

  /** The labels of one language. */
  private static final class Language {
    final Node root = new Node();
    final Map<String, int[]> bags = new HashMap<>();
    final Map<String, Integer> skillsPerWord = new HashMap<>();

    /**
     * One bit per {@link #bagHash} of the bags, set where a bag has that hash: a window of a text
     * whose bit is clear is in no bag, and is not looked up (the bags are a large map, and most
     * windows of a text are in none: the look-ups, each a miss of the processor's caches, were a
     * sixth of fast extraction's time, building their keys another tenth).
     */
    long[] bagBits = new long[1];

    int bagShift = 64;

    void indexBags() {
      int bits = Integer.highestOneBit(Math.max(1_024, bags.size() * 16 - 1)) << 1;
      bagBits = new long[bits / 64];
      bagShift = 64 - Integer.numberOfTrailingZeros(bits);
      for (String key : bags.keySet()) {
        long h = 0;
        String[] words = key.split("\u0001", -1);
        for (String w : words) {
          h += wordHash(w);
        }
        int bit = (int) (bagHash(h, words.length) >>> bagShift);
        bagBits[bit >>> 6] |= 1L << bit;
      }
    }

    boolean mayHoldBag(long sumOfWordHashes, int size) {
      int bit = (int) (bagHash(sumOfWordHashes, size) >>> bagShift);
      return (bagBits[bit >>> 6] & (1L << bit)) != 0;
    }
  }

  /** A word's share of a bag's hash: summed, so that the words' order does not count. */
  private static long wordHash(String word) {
    long h = word.hashCode() * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    return h ^ (h >>> 32);
  }

  private static long bagHash(long sumOfWordHashes, int size) {
    long h = (sumOfWordHashes + size) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  private static final class Node {
    Map<String, Node> next;
    int[] ends;

    Node child(String word) {
      if (next == null) {
        next = new HashMap<>(4);
      }
      return next.computeIfAbsent(word, w -> new Node());
    }
  }

  public LexicalMatcher(SkillTable skills, WordForms forms) {
    this.skills = skills;
    this.forms = forms;
    Map<String, Map<String, Set<Integer>>> wordSkills = new HashMap<>();
    skippable = new int[skills.labelCount()];
    singleWordSkills = new int[skills.labelCount()];
    String[] singleWord = new String[skills.labelCount()];
    for (int id = 0; id < skills.labelCount(); id++) {
      SkillLabel l = skills.label(id);
      String lang = l.language();
      List<Tokens.Token> labelTokens = Tokens.of(l.label());
      List<String> words = contentWords(labelTokens, lang);
      skippable[id] = Math.max(1, labelTokens.size() - words.size());
      if (words.isEmpty()) {
        continue;
      }
      if (words.size() == 1) {
        singleWord[id] = words.get(0);
      }
      Language language = languages.computeIfAbsent(lang, k -> new Language());
      Node node = language.root;
      for (String w : words) {
        node = node.child(w);
      }
      node.ends = append(node.ends, id);
      if (words.size() >= 2 && words.size() <= MAX_FREE_ORDER) {
        language.bags.merge(bagKey(words), new int[] {id}, LexicalMatcher::concat);
      }
      int skill = skills.skillOf(id);
      for (String w : new HashSet<>(words)) {
        wordSkills
            .computeIfAbsent(lang, k -> new HashMap<>())
            .computeIfAbsent(w, k -> new HashSet<>())
            .add(skill);
      }
    }
    wordSkills.forEach(
        (lang, m) -> m.forEach((w, s) -> languages.get(lang).skillsPerWord.put(w, s.size())));
    languages.values().forEach(Language::indexBags);
    for (int id = 0; id < singleWord.length; id++) {
      if (singleWord[id] != null) {
        singleWordSkills[id] = skillsWithWord(singleWord[id], skills.label(id).language());
      }
    }
  }

  /**
   * For a label of one content word, how many skills have that word in one of their labels (how
   * generic the word is); 0 for a label of several words.
   */
  public int singleWordSkills(int label) {
    return singleWordSkills[label];
  }

  /** The languages that have labels. */
  public Set<String> languages() {
    return languages.keySet();
  }

  /**
   * How many skills have a label in this language with this (stemmed) word: a word's genericness.
   */
  public int skillsWithWord(String stem, String language) {
    Language l = languages.get(language);
    return l == null ? 0 : l.skillsPerWord.getOrDefault(stem, 0);
  }

  /** The stemmed content words of a label or text, stop words left out. */
  List<String> contentWords(List<Tokens.Token> tokens, String lang) {
    List<String> out = new ArrayList<>(tokens.size());
    for (Tokens.Token t : tokens) {
      if (!forms.isStop(t, lang)) {
        out.add(forms.stemOf(t, lang));
      }
    }
    return out;
  }

  /** Every label occurrence in the text, in the labels of {@code language}. */
  public List<Hit> match(String text, String language) {
    Language l = languages.get(language);
    if (l == null) {
      return List.of();
    }
    List<Tokens.Token> all = Tokens.of(text);
    List<Tokens.Token> tokens = new ArrayList<>(all.size());
    List<String> words = new ArrayList<>(all.size());
    int[] position = new int[all.size()];
    for (int p = 0; p < all.size(); p++) {
      Tokens.Token t = all.get(p);
      if (!forms.isStop(t, language)) {
        position[tokens.size()] = p;
        tokens.add(t);
        words.add(forms.stemOf(t, language));
      }
    }
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Node node = l.root;
      for (int j = i; j < words.size(); j++) {
        node = node.next == null ? null : node.next.get(words.get(j));
        if (node == null) {
          break;
        }
        if (node.ends != null) {
          int skipped = position[j] - position[i] - (j - i);
          for (int id : node.ends) {
            // "looking for a data ..." is not "look at data": the text may skip only as many
            // stop words as the label has (one at least: "manage the staff" is "manage staff").
            if (skipped <= skippable[id]) {
              hits.add(new Hit(id, tokens.get(i).start(), tokens.get(j).end(), true));
            }
          }
        }
      }
    }
    Set<Long> ordered = new HashSet<>();
    for (Hit h : hits) {
      ordered.add(((long) h.label() << 32) | h.start());
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = wordHash(words.get(i));
    }
    String[] window = new String[MAX_FREE_ORDER];
    for (int size = 2; size <= MAX_FREE_ORDER; size++) {
      for (int i = 0; i + size <= words.size(); i++) {
        long sum = 0;
        for (int k = 0; k < size; k++) {
          sum += wordHashes[i + k];
        }
        if (!l.mayHoldBag(sum, size)) {
          continue;
        }
        for (int k = 0; k < size; k++) {
          window[k] = words.get(i + k);
        }
        int[] ids = l.bags.get(bagKey(Arrays.asList(window).subList(0, size)));
        if (ids == null) {
          continue;
        }
        int skipped = position[i + size - 1] - position[i] - (size - 1);
        for (int id : ids) {
          if (skipped <= skippable[id]
              && !ordered.contains(((long) id << 32) | tokens.get(i).start())) {
            hits.add(new Hit(id, tokens.get(i).start(), tokens.get(i + size - 1).end(), false));
          }
        }
      }
    }
    return hits;
  }

  /** The stems and stop words the matcher reads words by. */
  public WordForms forms() {
    return forms;
  }

  public SkillTable skills() {
    return skills;
  }

  private static String bagKey(List<String> words) {
    String[] sorted = words.toArray(String[]::new);
    Arrays.sort(sorted);
    return String.join("\u0001", sorted);
  }

  private static int[] append(int[] a, int v) {
    if (a == null) {
      return new int[] {v};
    }
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
