package eu.skillsobservatory.api.extract;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.extract.Benchmarks;
import eu.skillsobservatory.analytics.extract.CrossValidation;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionEvaluation;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.Extractions;
import eu.skillsobservatory.analytics.extract.LexicalMatcher;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.extract.SkillTable;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import eu.skillsobservatory.analytics.extract.VectorIndex;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Skill extraction over an ESCO version of the store. The label matcher of a version is built on
 * first use (seconds); the embedding model and the label vectors only when full mode is first asked
 * for (the vectors are computed once per version and kept under {@code HOME/vectors}).
 */
@Service
public class ExtractionService implements Extractions {
  /** The language of the embedding model's vectors. */
  static final String MODEL_LANGUAGE = "en";

  private final SkillCatalog catalog;
  private final ObservatoryMetrics metrics;
  private final WordForms forms;
  private final ObjectProvider<TextEmbedder> embedders;
  private final SkillVectorCache vectorCache;
  private final Benchmarks benchmarks;
  private TextEmbedder embedder;
  private EscoVersion version;
  private LexicalMatcher matcher;
  private VectorIndex vectors;

  /**
   * @param embedders the embedding model, made (a few seconds) only when full mode is first asked
   *     for
   */
  public ExtractionService(
      SkillCatalog catalog,
      ObservatoryMetrics metrics,
      WordForms forms,
      ObjectProvider<TextEmbedder> embedders,
      SkillVectorCache vectorCache,
      Benchmarks benchmarks) {
    this.metrics = metrics;
    this.catalog = catalog;
    this.forms = forms;
    this.embedders = embedders;
    this.vectorCache = vectorCache;
    this.benchmarks = benchmarks;
  }

  /**
   * The extractor of a version (the current one by default), with meaning when asked for.
   *
   * @throws UnknownEscoVersionException for a version that is not loaded
   */
  public synchronized SkillExtractor extractor(
      Optional<EscoVersion> requested, boolean meaning, Progress progress) {
    EscoVersion v = requested.orElseGet(this::currentVersion);
    List<EscoVersion> loaded = catalog.versions().stream().map(VersionSummary::version).toList();
    if (!loaded.contains(v)) {
      throw new UnknownEscoVersionException(v.value(), loaded);
    }
    if (!v.equals(version)) {
      SkillTable table = SkillTable.of(catalog, v);
      matcher = new LexicalMatcher(table, forms);
      vectors = null;
      version = v;
    }
    if (meaning && vectors == null) {
      if (embedder == null) {
        embedder = embedders.getObject();
      }
      vectors =
          vectorCache.vectors(v.value(), matcher.skills(), embedder, MODEL_LANGUAGE, progress);
    }
    return new SkillExtractor(
        matcher,
        meaning ? Optional.of(embedder) : Optional.empty(),
        meaning ? Optional.of(vectors) : Optional.empty(),
        SkillExtractor.Settings.TUNED);
  }

  private EscoVersion currentVersion() {
    return catalog
        .currentVersion()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no ESCO version is loaded: load one with 'ingest esco PATH'"));
  }

  @Override
  public Extraction extract(
      String text, String lang, ExtractionMode mode, int top, Optional<EscoVersion> version) {
    SkillExtractor x = extractor(version, mode == ExtractionMode.FULL, Progress.NONE);
    return metrics.extract("request", mode, () -> x.extract(text, lang, mode, top));
  }

  /** A benchmark file's scores in one mode. */
  public record Evaluation(
      String file,
      ExtractionMode mode,
      String escoVersion,
      int rows,
      SkillExtractor.Settings settings,
      ExtractionEvaluation.Scores scores,
      List<String> unresolvedLabels) {}

  /**
   * @param settings changes to the tuned settings, e.g. {@code lexical=0.5}; empty for none
   */
  public Evaluation evaluate(
      Path file,
      ExtractionMode mode,
      Optional<EscoVersion> version,
      String settings,
      Progress progress) {
    SkillExtractor base = extractor(version, mode == ExtractionMode.FULL, progress);
    SkillExtractor extractor = base.with(base.settings().with(settings));
    Benchmarks.Benchmark b = benchmarks.read(file, extractor.skills());
    ExtractionEvaluation.Scores scores =
        ExtractionEvaluation.score(
            b.cases(),
            sentence ->
                extractor.extract(sentence, "en", mode, 100).skills().stream()
                    .map(s -> s.uri())
                    .toList());
    return new Evaluation(
        file.toString(),
        mode,
        this.version.value(),
        b.rows(),
        extractor.settings(),
        scores,
        List.copyOf(b.unresolved()));
  }

  /**
   * k-fold cross-validation of the candidate settings over the sentences of all the files at once
   * ({@link CrossValidation}); each candidate changes the tuned settings ({@code lexical=0.5}).
   */
  public CrossValidation.Report crossValidate(
      List<Path> files,
      ExtractionMode mode,
      Optional<EscoVersion> version,
      List<String> candidates,
      int folds,
      long seed,
      Progress progress) {
    SkillExtractor base = extractor(version, mode == ExtractionMode.FULL, progress);
    List<ExtractionEvaluation.Case> cases = new ArrayList<>();
    for (Path f : files) {
      cases.addAll(benchmarks.read(f, base.skills()).cases());
    }
    Map<String, double[]> rp5 = new LinkedHashMap<>();
    progress.start("scoring " + candidates.size() + " settings", "settings", candidates.size());
    for (String c : candidates) {
      SkillExtractor x = base.with(base.settings().with(c));
      rp5.put(
          c.isBlank() ? "(defaults)" : c,
          ExtractionEvaluation.rp5PerCase(
              cases,
              sentence ->
                  x.extract(sentence, "en", mode, 100).skills().stream()
                      .map(s -> s.uri())
                      .toList()));
      progress.advance(rp5.size(), rp5.size());
    }
    progress.finish(cases.size() + " sentences scored with " + candidates.size() + " settings");
    return CrossValidation.run(rp5, folds, seed);
  }
}
