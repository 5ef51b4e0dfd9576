package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.extract.WordForms;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Codes a job title to an ESCO occupation through the ESCO labels: the title is cleaned of what
 * adverts add around an occupation (gender markers, seniority, working time, a location after a
 * dash), searched among the occupations' preferred, alternative and hidden labels, and the best hit
 * is given a confidence from how much of the title and the matched label the other covers, which
 * kind of label matched, and how clearly it beat the runner-up. An English title that ISCO-08
 * itself lists under one unit group ({@link IscoExamples}) is coded into that group when the ESCO
 * labels put it elsewhere. An English title the labels code with less than {@link #SURE} is matched
 * by meaning too ({@link TitleMeaning}), which decides where the two disagree. Below {@link
 * #MIN_CONFIDENCE} the title is left uncoded. Answers are remembered per cleaned title, as titles
 * repeat.
 */
public final class OccupationCoder {
  /** Codings less sure than this are not made. */
  public static final double MIN_CONFIDENCE = 0.5;

  /** Codings by the labels at least this sure are not asked of {@link TitleMeaning}. */
  static final double SURE = 0.8;

  // An alternative label that is the whole title; below it, partial matches (see calibrated).
  private static final double EXACT = 0.95;
  private static final double PARTIAL_SLOPE = (SURE - MIN_CONFIDENCE) / (EXACT - MIN_CONFIDENCE);

  private static final int CANDIDATES = 10;
  private static final double DROPPED_WORD = 0.9;
  // A coding outside the ISCO group the vacancy gives is doubted this much.
  private static final double HINT_MISMATCH = 0.4;
  private static final int CACHE_SIZE = 50_000;
  private static final Pattern IT = Pattern.compile("\\bIT\\b");
  // Between the occupation and what follows it: "Nurse - night shifts, Lyon".
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|@]\\s+|,\\s+|\\s+/\\s+");

  /**
   * A title coded to an occupation.
   *
   * @param uri the ESCO occupation
   * @param matchedLabel the ESCO label the title matched
   * @param confidence 0 to 1
   */
  public record Coding(String uri, String matchedLabel, double confidence) {}

  private final ConceptSearch search;
  private final TitleWords titleWords;
  private final OccupationTable occupations;
  private final Supplier<Optional<TitleMeaning>> meaning;
  private final Map<String, Optional<Coding>> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Coding>> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** A coder by the labels alone. */
  public OccupationCoder(ConceptSearch search, WordForms forms, OccupationTable occupations) {
    this(search, forms, occupations, Optional::empty);
  }

  /**
   * @param meaning the matching by meaning, asked for (and so made) only when a title first needs
   *     it; empty when there is none
   */
  public OccupationCoder(
      ConceptSearch search,
      WordForms forms,
      OccupationTable occupations,
      Supplier<Optional<TitleMeaning>> meaning) {
    this.search = search;
    this.titleWords = new TitleWords(forms);
    this.occupations = occupations;
    this.meaning = meaning;
  }

  /**
   * The occupation a title names, if one is named clearly enough.
   *
   * @param title the job title as given
   * @param language the title's language (ISO 639-1)
   * @param iscoHint an ISCO-08 code the vacancy gives, or null: codings outside it are doubted
   */
  public Optional<Coding> code(String title, String language, String iscoHint) {
    String cleaned = clean(title);
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    String hint = iscoHint == null ? "" : iscoHint;
    String key = language + '\u0000' + hint + '\u0000' + cleaned;
    synchronized (cache) {
      Optional<Coding> known = cache.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<Coding> coding = codeUncached(cleaned, language, hint);
    synchronized (cache) {
      cache.put(key, coding);
    }
    return coding;
  }

  /**
   * The title's coding; where an English title is not coded surely and spells something short
   * ({@link TitleAbbreviations}: "PA to CEO"), the title spelled out is coded too and the surer of
   * the two taken.
   */
  private Optional<Coding> codeUncached(String title, String language, String hint) {
    Optional<Coding> coding = codeAsWritten(title, language, hint);
    if (!WordForms.isEnglish(language) || coding.map(c -> c.confidence() >= SURE).orElse(false)) {
      return coding;
    }
    String expanded = TitleAbbreviations.expand(title);
    if (expanded.equals(title)) {
      return coding;
    }
    Optional<Coding> spelled = codeAsWritten(expanded, language, hint);
    double was = coding.map(Coding::confidence).orElse(0.0);
    return spelled.isPresent() && spelled.get().confidence() > was ? spelled : coding;
  }

  private Optional<Coding> codeAsWritten(String title, String language, String hint) {
    // An English advert's "IT" is information technology, ESCO's "ICT", not a stop word.
    String cleaned = WordForms.isEnglish(language) ? IT.matcher(title).replaceAll("ICT") : title;
    // The part before a dash or comma usually names the job ("Nurse - night shifts, Lyon"); the
    // whole title is tried when that part alone is not coded.
    String head = SEPARATOR.split(cleaned, 2)[0].strip();
    Optional<Coding> coding = shortened(head, language, hint);
    if (coding.isEmpty() && !head.equals(cleaned)) {
      coding = best(cleaned, language, hint);
    }
    Optional<Coding> byLabels =
        byIscoExample(head, language, hint, coding)
            .map(OccupationCoder::calibrated)
            .map(c -> doubtedManager(c, cleaned, language));
    return byMeaning(cleaned, language, hint, byLabels);
  }

  /**
   * An English title the labels coded with less than {@link #SURE}, or not at all, is matched by
   * meaning; where that finds an occupation of another unit group (within the vacancy's ISCO group,
   * when it gives one), it is taken: on the development titles, it was right where the two
   * disagreed twice as often as the labels (benchmarks.md).
   */
  private Optional<Coding> byMeaning(
      String title, String language, String hint, Optional<Coding> byLabels) {
    if (!WordForms.isEnglish(language) || byLabels.map(c -> c.confidence() >= SURE).orElse(false)) {
      return byLabels;
    }
    Optional<Coding> byMeaning = meaning.get().flatMap(m -> m.code(title));
    if (byMeaning.isEmpty()) {
      return byLabels;
    }
    String group = occupations.iscoOf(byMeaning.get().uri()).orElse("");
    if ((!hint.isEmpty() && !group.startsWith(hint))
        || byLabels.map(c -> inGroup(c, group)).orElse(false)) {
      return byLabels;
    }
    return byMeaning;
  }

  /**
   * A coding by a label that is not the title itself (words dropped from the title, words not
   * shared) is right less often than its overlap says: on the development titles, 3 of 10 codings
   * between 0.8 and 0.95 were right, against 84 of 92 at 0.95 and above (an exact preferred or
   * alternative label). Such codings keep their order but are mapped from [0.5, 0.95) into [0.5,
   * 0.8), so that a confidence of 0.8 or more means an exact label, and the coder asks meaning
   * about them ({@link #byMeaning}).
   */
  static Coding calibrated(Coding c) {
    if (c.confidence() >= EXACT - 1e-9) {
      return c;
    }
    double mapped = MIN_CONFIDENCE + (c.confidence() - MIN_CONFIDENCE) * PARTIAL_SLOPE;
    return new Coding(c.uri(), c.matchedLabel(), Math.round(mapped * 1000) / 1000.0);
  }

  /**
   * ISCO's major group 1 holds managers; an English title that names no one who manages ("security
   * officer", "marketing executive") coded there is more often an ESCO label a coder would file
   * elsewhere: its confidence is lowered below 0.8 (the coding stays).
   */
  private Coding doubtedManager(Coding c, String title, String language) {
    if (!WordForms.isEnglish(language)
        || !occupations.iscoOf(c.uri()).map(code -> code.startsWith("1")).orElse(false)) {
      return c;
    }
    if (ManagerTitles.namesAManager(title)) {
      return c;
    }
    return new Coding(c.uri(), c.matchedLabel(), Math.round(c.confidence() * 800) / 1000.0);
  }

  /**
   * ISCO's own examples ({@link IscoExamples}, English) overrule ESCO's labels where they disagree:
   * when the title, shortened from the left as in {@link #shortened} (each word dropped costing
   * {@link #DROPPED_WORD}), is a title ISCO files under one unit group, and the ESCO coding is in
   * another group or less sure, the title is coded to the occupation of that group that its words
   * match best. A title ISCO files under several groups ("driver", "nurse") decides nothing.
   */
  private Optional<Coding> byIscoExample(
      String head, String language, String hint, Optional<Coding> coding) {
    if (!WordForms.isEnglish(language)) {
      return coding;
    }
    String[] words = head.split("\\s+");
    String titleHead = titleWords.head(head, language);
    double confidence = fieldWeight("alternative");
    for (int drop = 0; drop < words.length; drop++, confidence *= DROPPED_WORD) {
      String rest = String.join(" ", Arrays.copyOfRange(words, drop, words.length));
      if (!titleWords.keepsHead(titleHead, rest, language)) {
        return coding;
      }
      Set<String> codes = occupations.iscoExamples().codes(rest);
      if (codes.size() > 1) {
        return coding;
      }
      if (codes.isEmpty()) {
        continue;
      }
      String code = codes.iterator().next();
      double c = Math.round(confidence * 1000) / 1000.0;
      if ((!hint.isEmpty() && !code.startsWith(hint))
          || coding.map(x -> inGroup(x, code) || x.confidence() > c).orElse(false)) {
        return coding;
      }
      Optional<Coding> inGroup = shortened(head, language, code);
      if (inGroup.isPresent() && inGroup(inGroup.get(), code)) {
        Coding g = inGroup.get();
        return Optional.of(new Coding(g.uri(), g.matchedLabel(), Math.max(c, g.confidence())));
      }
      return closestInGroup(code, rest, language)
          .map(l -> new Coding(l.uri(), l.label(), c))
          .or(() -> coding);
    }
    return coding;
  }

  private boolean inGroup(Coding coding, String code) {
    return occupations.iscoOf(coding.uri()).map(code::equals).orElse(false);
  }

  /**
   * The label of an occupation filed under a unit group that a title's words match best (Dice of
   * stems, a preferred label before an alternative one, then the head noun); with no word in
   * common, the shortest preferred label, the group's most general occupation.
   */
  private Optional<OccupationTable.Label> closestInGroup(
      String code, String title, String language) {
    Set<String> words = titleWords.contentWords(title, language);
    String head = titleWords.head(title, language);
    OccupationTable.Label best = null;
    double bestScore = -1;
    for (OccupationTable.Label l : occupations.labelsInGroup(code, language)) {
      double score =
          TitleWords.overlap(words, titleWords.contentWords(l.label(), language))
              * fieldWeight(l.field())
              * titleWords.headAgreement(head, l.label(), language);
      if (score == 0 && l.field().equals("preferred")) {
        score = 1e-3 / (1 + l.label().length()); // no word in common: the shortest name
      }
      if (score > bestScore) {
        best = l;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The title, and the title without its first words one by one (to two words): an advert qualifies
   * its occupation from the left ("retail sales assistant" is a sales assistant), and ESCO may only
   * have the shorter label. Each word dropped costs {@link #DROPPED_WORD}.
   */
  private Optional<Coding> shortened(String text, String language, String hint) {
    Optional<Coding> best = best(text, language, hint);
    String[] words = text.split("\\s+");
    String titleHead = titleWords.head(text, language);
    double cost = 1;
    for (int drop = 1; drop <= words.length - 2; drop++) {
      if (best.isPresent() && best.get().confidence() >= 0.8) {
        break;
      }
      cost *= DROPPED_WORD;
      String rest = String.join(" ", Arrays.copyOfRange(words, drop, words.length));
      if (!titleWords.keepsHead(titleHead, rest, language)) {
        break; // "PA to CEO" is not a CEO: only qualifiers before the head are dropped
      }
      Optional<Coding> c = best(rest, language, hint);
      if (c.isPresent()) {
        double conf = Math.round(c.get().confidence() * cost * 1000) / 1000.0;
        if (conf >= MIN_CONFIDENCE && (best.isEmpty() || conf > best.get().confidence())) {
          best = Optional.of(new Coding(c.get().uri(), c.get().matchedLabel(), conf));
        }
      }
    }
    return best;
  }

  private Optional<Coding> best(String text, String language, String hint) {
    Set<String> words = titleWords.contentWords(text, language);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    // The title is one occupation's label exactly: the search would find it first, with every word
    // in common; the table answers without asking Elasticsearch.
    String head = titleWords.head(text, language);
    Optional<OccupationTable.Label> exact = occupations.exactLabel(text, language);
    Coding best = null;
    if (exact.isPresent() && exact.get().uri() != null) {
      OccupationTable.Label l = exact.get();
      double c = fieldWeight(l.field()) * titleWords.headAgreement(head, l.label(), language);
      if (!hint.isEmpty()
          && !occupations.iscoOf(l.uri()).map(x -> x.startsWith(hint)).orElse(false)) {
        c *= HINT_MISMATCH;
      }
      best = new Coding(l.uri(), l.label(), Math.round(c * 1000) / 1000.0);
      if (c >= fieldWeight("alternative")) {
        return Optional.of(best);
      }
    }
    List<ConceptSearch.Hit> hits =
        search
            .search(
                new ConceptSearch.Query(
                    text,
                    language,
                    Optional.of(ConceptType.OCCUPATION),
                    Optional.empty(),
                    CANDIDATES,
                    0))
            .hits();
    // The hit that matches best; among equals, the occupation with the shortest name, the most
    // general ("production supervisor" before "agronomic crop production team leader" for
    // "production team leader", an alternative label of both).
    ConceptSearch.Hit top = null;
    double topScore = -1;
    for (ConceptSearch.Hit h : hits) {
      double c =
          TitleWords.overlap(words, titleWords.contentWords(h.matchedLabel(), language))
              * fieldWeight(h.matchedField())
              // The label matched, or the occupation's own name, heads as the title does.
              * Math.max(
                  titleWords.headAgreement(head, h.matchedLabel(), language),
                  titleWords.headAgreement(head, h.label(), language));
      if (!hint.isEmpty()
          && !occupations.iscoOf(h.uri()).map(code -> code.startsWith(hint)).orElse(false)) {
        c *= HINT_MISMATCH;
      }
      if (c > topScore + 1e-9
          || (c > topScore - 1e-9 && h.label().length() < top.label().length())) {
        top = h;
        topScore = c;
      }
    }
    if (top != null) {
      if (hits.size() > 1 && hits.get(1).score() >= 0.97 * hits.get(0).score()) {
        // Another occupation matched about as well: the title does not tell them apart.
        topScore *= 0.85;
      }
      if (best == null || topScore > best.confidence()) {
        best = new Coding(top.uri(), top.matchedLabel(), Math.round(topScore * 1000) / 1000.0);
      }
    }
    return best == null || best.confidence() < MIN_CONFIDENCE
        ? Optional.empty()
        : Optional.of(best);
  }

  private static double fieldWeight(String field) {
    return switch (field == null ? "" : field) {
      case "preferred" -> 1.0;
      case "alternative" -> 0.95;
      default -> 0.8;
    };
  }

  /**
   * The title without what adverts add around the occupation ({@link AdvertTitles#clean}): {@code
   * "Senior Java Developer (m/f/d) - Berlin"} becomes {@code "Java Developer - Berlin"}.
   */
  public static String clean(String title) {
    return AdvertTitles.clean(title);
  }
}
