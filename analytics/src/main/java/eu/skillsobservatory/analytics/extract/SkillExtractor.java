package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Free text to ranked ESCO skills. Boilerplate segments (pay, benefits, equal opportunity, company
 * blurbs) are dropped first. Label matching ({@link LexicalMatcher}) finds every ESCO label in the
 * rest, weighted by the kind of label, word order, how generic a one-word label is and how many
 * skills share it. In {@link ExtractionMode#FULL} mode each segment is also embedded and compared
 * with every skill's label vectors; the two kinds of evidence are then combined with weights tuned
 * on the validation data ({@link Settings#TUNED}).
 */
public final class SkillExtractor {
  /** Longest text accepted, in characters; longer texts are refused, not cut silently. */
  public static final int MAX_TEXT = 10_000_000;

  /** Segments embedded per text in full mode; the rest of a longer text gets label matching. */
  public static final int MAX_EMBEDDED_SEGMENTS = 256;

  /**
   * The weights of the method.
   *
   * @param preferred weight of a preferred-label occurrence
   * @param alternative weight of an alternative-label occurrence
   * @param hidden weight of a hidden-label occurrence
   * @param freeOrder factor for a label whose words came in another order
   * @param genericWord how much a one-word label loses per log of the skills sharing its word
   * @param lexical weight of label evidence next to the cosine, in full mode
   * @param candidates skills taken per segment from the vector search
   * @param minCosine a skill found by meaning alone needs at least this cosine
   * @param spans the share of a skill's meaning evidence that comes from the text's closest span of
   *     one or two words (read in context, {@link TextEmbedder#embedWithSpans}) rather than from
   *     the whole segment; 0 reads no spans
   */
  public record Settings(
      double preferred,
      double alternative,
      double hidden,
      double freeOrder,
      double genericWord,
      double lexical,
      int candidates,
      double minCosine,
      double spans) {
    /**
     * The defaults. {@code lexical} (0.6) is the weight 5-fold cross-validation over the TECH and
     * HOUSE validation sentences chose on every seed tried ({@code evaluate extraction --folds 5},
     * benchmarks.md), {@code spans} (0.75) the one it chose most often on every seed; the others
     * are those it kept.
     */
    public static final Settings TUNED =
        new Settings(1.0, 0.95, 0.8, 0.8, 0.15, 0.6, 40, 0.3, 0.75);

    /**
     * These settings with some changed: {@code lexical=0.5,minCosine=0.25} (the component names).
     *
     * @throws IllegalArgumentException naming an unknown setting or a value that is not a number
     */
    public Settings with(String changes) {
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("preferred", preferred);
      v.put("alternative", alternative);
      v.put("hidden", hidden);
      v.put("freeOrder", freeOrder);
      v.put("genericWord", genericWord);
      v.put("lexical", lexical);
      v.put("candidates", (double) candidates);
      v.put("minCosine", minCosine);
      v.put("spans", spans);
      for (String change : changes.split(",")) {
        if (change.isBlank()) {
          continue;
        }
        String[] kv = change.split("=", 2);
        String key = kv[0].strip();
        if (!v.containsKey(key) || kv.length < 2) {
          throw new IllegalArgumentException(
              "settings: '" + change + "'; give name=value with a name of " + v.keySet());
        }
        try {
          v.put(key, Double.parseDouble(kv[1].strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "settings: " + key + " must be a number, not " + kv[1]);
        }
      }
      return new Settings(
          v.get("preferred"),
          v.get("alternative"),
          v.get("hidden"),
          v.get("freeOrder"),
          v.get("genericWord"),
          v.get("lexical"),
          v.get("candidates").intValue(),
          v.get("minCosine"),
          v.get("spans"));
    }
  }

  private final SkillTable skills;
  private final LexicalMatcher matcher;
  private final Optional<TextEmbedder> embedder;
  private final Optional<VectorIndex> vectors;
  private final Settings settings;

  /** The same extractor with other settings. */
  public SkillExtractor with(Settings other) {
    return new SkillExtractor(matcher, embedder, vectors, other);
  }

  public Settings settings() {
    return settings;
  }

  public SkillExtractor(
      LexicalMatcher matcher,
      Optional<TextEmbedder> embedder,
      Optional<VectorIndex> vectors,
      Settings settings) {
    this.skills = matcher.skills();
    this.matcher = matcher;
    this.embedder = embedder;
    this.vectors = vectors;
    this.settings = settings;
    if (embedder.isPresent() != vectors.isPresent()) {
      throw new IllegalArgumentException("an embedder needs the label vectors, and back");
    }
  }

  /** Whether full mode is available (a model and label vectors). */
  public boolean hasMeaning() {
    return embedder.isPresent();
  }

  public SkillTable skills() {
    return skills;
  }

  /** The languages that have labels, i.e. can be matched. */
  public Set<String> languages() {
    return matcher.languages();
  }

  public Extraction extract(String text, String language, ExtractionMode mode, int top) {
    if (text == null) {
      throw new IllegalArgumentException("text: missing");
    }
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "text: %,d characters, more than the %,d accepted; split it",
              text.length(),
              MAX_TEXT));
    }
    if (top < 1 || top > 1000) {
      throw new IllegalArgumentException("top: 1 to 1000, not " + top);
    }
    String lang = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT);
    List<String> notices = new ArrayList<>();
    String matchLang = ExtractionLanguage.labels(lang, matcher.languages(), notices);
    boolean meaning = ExtractionLanguage.byMeaning(mode, embedder.isPresent(), lang, notices);
    List<Segments.Segment> segments = JobSegments.of(text);
    Map<Integer, SkillCandidate> candidates = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      lexical(text, segments.get(i), i, matchLang, candidates);
    }
    if (meaning) {
      List<Segments.Segment> embedded = segments;
      if (segments.size() > MAX_EMBEDDED_SEGMENTS) {
        embedded = segments.subList(0, MAX_EMBEDDED_SEGMENTS);
        notices.add(
            "ranked by meaning: the first "
                + MAX_EMBEDDED_SEGMENTS
                + " of "
                + segments.size()
                + " segments; the rest by label only");
      }
      semantic(text, embedded, candidates);
    }
    List<ExtractedSkill> out = scored(candidates, meaning, lang);
    out.sort(
        (a, b) -> {
          int byScore = Double.compare(b.score(), a.score());
          return byScore != 0 ? byScore : a.uri().compareTo(b.uri());
        });
    return new Extraction(
        text,
        out.subList(0, Math.min(top, out.size())),
        notices,
        meaning ? Extraction.LABELS_AND_MEANING : Extraction.LABELS);
  }

  /** Each candidate's score and evidence: label evidence, and in full mode the cosine too. */
  private List<ExtractedSkill> scored(
      Map<Integer, SkillCandidate> candidates, boolean meaning, String lang) {
    List<ExtractedSkill> out = new ArrayList<>();
    for (SkillCandidate c : candidates.values()) {
      double score;
      String evidence;
      if (meaning) {
        double meaningScore = meaning(c);
        if (c.lexical <= 0 && meaningScore < settings.minCosine()) {
          continue;
        }
        score = meaningScore + settings.lexical() * c.lexical;
        evidence =
            c.lexical > 0 ? (meaningScore >= settings.minCosine() ? "both" : "label") : "meaning";
      } else {
        score = c.lexical;
        evidence = "label";
      }
      Span span = c.lexicalSpan != null ? c.lexicalSpan : c.semanticSpan;
      String matched = c.matchedLabel != null ? c.matchedLabel : c.closestLabel;
      out.add(
          new ExtractedSkill(
              skills.skill(c.skill).uri(),
              skills.preferredLabel(c.skill, lang),
              Math.round(score * 10_000) / 10_000.0,
              span,
              matched,
              evidence));
    }
    return out;
  }

  /**
   * A candidate's meaning evidence: its cosine with the segment, blended with its cosine with the
   * closest span of one or two words of the segment (where spans were read) by {@link
   * Settings#spans}. A skill that a few words name ("git", "attention to detail") stands out in its
   * span more than in a whole sentence about other things too.
   */
  private double meaning(SkillCandidate c) {
    double whole = Math.max(c.cosine, 0);
    if (c.spanCosine <= -1 || settings.spans() <= 0) {
      return whole;
    }
    return (1 - settings.spans()) * whole + settings.spans() * Math.max(c.spanCosine, 0);
  }

  private void lexical(
      String text,
      Segments.Segment segment,
      int segmentIndex,
      String lang,
      Map<Integer, SkillCandidate> candidates) {
    String part = segment.of(text);
    List<LexicalMatcher.Hit> hits = matcher.match(part, lang);
    if (hits.isEmpty()) {
      return;
    }
    // How many skills each span was found for: a label shared by several skills is weaker.
    Map<Long, Integer> skillsPerSpan = new HashMap<>();
    for (LexicalMatcher.Hit h : hits) {
      skillsPerSpan.merge(((long) h.start() << 32) | h.end(), 1, Integer::sum);
    }
    for (LexicalMatcher.Hit h : hits) {
      SkillLabel label = skills.label(h.label());
      double w =
          switch (label.kind()) {
            case PREFERRED -> settings.preferred();
            case ALTERNATIVE -> settings.alternative();
            case HIDDEN -> settings.hidden();
          };
      if (!h.inOrder()) {
        w *= settings.freeOrder();
      }
      int df = matcher.singleWordSkills(h.label());
      if (df > 0) {
        w /= 1 + settings.genericWord() * Math.log(1 + df);
        if (lang.equals("en")
            && !LabelHits.sameEnglishWord(part.substring(h.start(), h.end()), label.label())) {
          // One word found by its stem only: "experience" is not "experiment", "opening" not
          // "openness".
          w *= 0.3;
        }
        if (LabelHits.heading(part, h.end())) {
          // "Responsibilities:", "Skills include:": a section heading, not a skill.
          w *= 0.3;
        }
      }
      for (LexicalMatcher.Hit other : hits) {
        if (other != h
            && other.start() <= h.start()
            && other.end() >= h.end()
            && other.end() - other.start() > h.end() - h.start()
            && skills.skillOf(other.label()) != skills.skillOf(h.label())) {
          w *= 0.6; // inside a longer label of another skill
          break;
        }
      }
      int shared = skillsPerSpan.get(((long) h.start() << 32) | h.end());
      w /= Math.sqrt(shared);
      SkillCandidate c = candidates.computeIfAbsent(skills.skillOf(h.label()), SkillCandidate::new);
      c.occurrences++;
      if (w > c.lexical) {
        c.lexical = w;
        c.lexicalSpan = new Span(segment.start() + h.start(), segment.start() + h.end());
        c.matchedLabel = label.label();
        c.lexicalSegment = segmentIndex;
      }
    }
  }

  private void semantic(
      String text, List<Segments.Segment> segments, Map<Integer, SkillCandidate> candidates) {
    if (segments.isEmpty()) {
      return;
    }
    VectorIndex index = vectors.orElseThrow();
    List<String> texts = segments.stream().map(s -> s.of(text)).toList();
    TextEmbedder model = embedder.orElseThrow();
    List<TextEmbedder.Read> reads = settings.spans() > 0 ? model.embedWithSpans(texts) : null;
    float[][] embedded =
        reads != null
            ? reads.stream().map(TextEmbedder.Read::text).toArray(float[][]::new)
            : model.embed(texts);
    int[] bestLabel = new int[skills.size()];
    for (int i = 0; i < embedded.length; i++) {
      Span span = new Span(segments.get(i).start(), segments.get(i).end());
      float[] best = index.bestPerSkill(embedded[i], bestLabel, model.coarseDimension());
      for (VectorIndex.Scored s : VectorIndex.top(best, bestLabel, settings.candidates())) {
        SkillCandidate c = candidates.computeIfAbsent(s.skill(), SkillCandidate::new);
        take(c, s.cosine(), span, s.label(), i);
      }
      for (SkillCandidate c : candidates.values()) {
        // Skills found by label, whatever cluster their vectors are in: their exact cosine.
        float cos = best[c.skill];
        int label = bestLabel[c.skill];
        if (cos <= -1f) {
          VectorIndex.Scored exact = index.skill(embedded[i], c.skill);
          cos = exact.cosine();
          label = exact.label();
        }
        if (cos > c.cosine && label >= 0) {
          take(c, cos, span, label, i);
        }
      }
    }
    if (reads != null) {
      SpanEvidence.score(
          texts,
          reads,
          index,
          embedder.orElseThrow().coarseDimension(),
          candidates.values(),
          c -> Math.max(c.cosine, 0) + settings.lexical() * c.lexical,
          matcher.forms());
    }
  }

  private void take(SkillCandidate c, float cosine, Span span, int label, int segment) {
    if (cosine > c.cosine) {
      c.cosine = cosine;
      c.semanticSpan = span;
      c.closestLabel = skills.label(label).label();
      c.semanticSegment = segment;
    }
  }
}
