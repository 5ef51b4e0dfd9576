package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import eu.skillsobservatory.analytics.extract.VectorIndex;
import eu.skillsobservatory.analytics.progress.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job titles matched to occupations by meaning: the title and every English preferred and
 * alternative occupation label embedded by the same model, the closest label's occupation taken. It
 * codes what no label spells ("HR Advisor" is a human resources officer, "Beauty Therapist" a
 * beauty treatment specialist, "Backend Developer" a software developer), and is the coder's second
 * opinion where the labels gave none it is sure of ({@link OccupationCoder}).
 */
public final class TitleMeaning {
  /**
   * A closest label less similar than this codes nothing: chosen by 5-fold cross-validation over
   * the hand-labelled advert titles, every fold chose it (benchmarks.md).
   */
  public static final double MIN_COSINE = 0.7;

  /**
   * A coding by meaning is right about this share of its cosine: of the 28 development titles it
   * coded, 18 were right at the unit group (64 %, mean cosine 0.86); its confidence stays below
   * 0.8, where only labels reach.
   */
  static final double CONFIDENCE_PER_COSINE = 0.75;

  private final TextEmbedder embedder;
  private final VectorIndex index;
  private final List<OccupationTable.Label> labels;

  /** The occupation whose preferred label a text is, when only one has it (lower case). */
  private final Map<String, OccupationTable.Label> preferred = new HashMap<>();

  private TitleMeaning(
      TextEmbedder embedder, VectorIndex index, List<OccupationTable.Label> labels) {
    this.embedder = embedder;
    this.index = index;
    this.labels = labels;
    Set<String> shared = new HashSet<>();
    for (OccupationTable.Label l : labels) {
      String key = l.label().toLowerCase(Locale.ROOT);
      if (l.field().equals("preferred") && preferred.putIfAbsent(key, l) != null) {
        shared.add(key);
      }
    }
    preferred.keySet().removeAll(shared);
  }

  /**
   * The occupations' English labels embedded, or read back from the cache when they were kept.
   *
   * @param name the stem of what is kept (the occupations' ESCO version)
   */
  public static TitleMeaning of(
      OccupationTable table,
      TextEmbedder embedder,
      SkillVectorCache cache,
      String name,
      Progress progress) {
    List<OccupationTable.Label> labels = table.englishLabels();
    Map<String, Integer> owners = new HashMap<>();
    int[] owner = new int[labels.size()];
    List<String> texts = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      owner[i] = owners.computeIfAbsent(labels.get(i).uri(), u -> owners.size());
      texts.add(labels.get(i).label());
    }
    VectorIndex index =
        cache.vectors(
            "occupations-" + name + "-" + embedder.model() + "-en",
            texts,
            owner,
            owners.size(),
            embedder,
            progress);
    return new TitleMeaning(embedder, index, labels);
  }

  /**
   * The occupation whose label is closest in meaning to an English title, when at least {@link
   * #MIN_COSINE} close; its confidence is {@link #CONFIDENCE_PER_COSINE} times the cosine.
   */
  public Optional<OccupationCoder.Coding> code(String title) {
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    float[] query = embedder.embed(List.of(title))[0];
    int[] label = new int[index.owners()];
    float[] best = index.bestPerSkill(query, label, embedder.coarseDimension());
    List<VectorIndex.Scored> top = VectorIndex.top(best, label, 1);
    if (top.isEmpty() || top.get(0).cosine() < MIN_COSINE) {
      return Optional.empty();
    }
    OccupationTable.Label l = owner(labels.get(top.get(0).label()));
    double confidence = Math.round(top.get(0).cosine() * CONFIDENCE_PER_COSINE * 1000) / 1000.0;
    return Optional.of(new OccupationCoder.Coding(l.uri(), l.label(), confidence));
  }

  /**
   * The occupation a label names: an alternative label that is another occupation's preferred label
   * ("carpenter", also an alternative label of set builder) names that occupation. The two labels
   * are one text, so one vector: without this, the tie went by the labels' order.
   */
  private OccupationTable.Label owner(OccupationTable.Label l) {
    if (l.field().equals("preferred")) {
      return l;
    }
    OccupationTable.Label p = preferred.get(l.label().toLowerCase(Locale.ROOT));
    return p == null ? l : p;
  }
}
