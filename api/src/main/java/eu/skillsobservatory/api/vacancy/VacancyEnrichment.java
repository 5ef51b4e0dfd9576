package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.demand.SkillFacts;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.LanguageGuess;
import eu.skillsobservatory.analytics.extract.Phrases;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.failures.RemoteServiceException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.vacancy.DuplicatePass;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.analytics.vacancy.OccupationTable;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.TitleMeaning;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.api.config.RequestSettings;
import eu.skillsobservatory.api.esco.EscoService;
import eu.skillsobservatory.api.metrics.ObservatoryMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The enrich stage of a vacancy load: the language (given or guessed), the skills (given, and
 * extracted from the title and description with their spans), the candidate phrases outside ESCO,
 * and the occupation (a URI checked against the loaded versions and, when the fallback is on, the
 * ESCO web service; a bare title coded through the ESCO labels).
 */
@Service
public class VacancyEnrichment {
  private static final Logger LOG = LoggerFactory.getLogger(VacancyEnrichment.class);

  /** Extracted skills kept per vacancy. */
  static final int SKILLS_PER_VACANCY = 20;

  private final SkillCatalog catalog;
  private final EscoService esco;
  private final ObservatoryMetrics metrics;
  private final WordForms forms;
  private final AtomicBoolean warned = new AtomicBoolean();
  private Coding coding;
  private final SkillFacts.Current facts;
  private final ObjectProvider<TextEmbedder> embedders;
  private final SkillVectorCache vectorCache;
  private final boolean titleMeaning;
  // Where a title's first need of matching by meaning is told: the progress of the latest load.
  private volatile Progress notices = Progress.NONE;

  /** The occupations of the ESCO versions loaded when it was made, and a coder over them. */
  record Coding(List<VersionSummary> versions, OccupationTable table, OccupationCoder coder) {}

  public VacancyEnrichment(
      SkillCatalog catalog,
      EscoService esco,
      ObservatoryMetrics metrics,
      WordForms forms,
      SkillFacts.Current facts,
      ObjectProvider<TextEmbedder> embedders,
      SkillVectorCache vectorCache,
      RequestSettings.Extraction settings) {
    this.catalog = catalog;
    this.esco = esco;
    this.metrics = metrics;
    this.forms = forms;
    this.facts = facts;
    this.embedders = embedders;
    this.vectorCache = vectorCache;
    this.titleMeaning = settings.titleMeaning();
  }

  /**
   * The collections and skill groups of the current ESCO version's skills, read once for the server
   * (the bean demand reads too).
   */
  public SkillFacts facts() {
    return facts.get();
  }

  /**
   * What one run enriches with: the extractor, its mode, the occupation coding, the facts of the
   * skills (collections, groups) of the current ESCO version, the run's id.
   */
  record Run(
      SkillExtractor extractor,
      ExtractionMode mode,
      Coding occupations,
      SkillFacts facts,
      String ingest) {}

  VacancyRecord enrich(Vacancy v, Run run, DuplicatePass.Mark mark) {
    String language = v.language();
    boolean detected = false;
    String text = v.title().isEmpty() ? v.description() : v.title() + "\n\n" + v.description();
    if (language == null) {
      language = LanguageGuess.of(text, run.extractor().languages(), forms).orElse("en");
      detected = true;
    }
    List<SkillEvidence> skills = new ArrayList<>();
    v.skills().forEach(u -> skills.add(SkillEvidence.given(u)));
    List<String> phrases = text.isBlank() ? List.of() : extract(v, text, language, run, skills);
    Occupation o = occupation(v, language, run.occupations());
    return new VacancyRecord(
        v,
        language,
        detected,
        o.isco(),
        o.unknown(),
        o.remote(),
        o.coded(),
        skills,
        mark.duplicateOf(),
        mark.fingerprint(),
        run.ingest(),
        phrases,
        mark.bands(),
        run.facts().facetsOf(skills.stream().map(SkillEvidence::uri).toList()));
  }

  /**
   * Adds the skills extracted from the text to {@code skills}, with spans into the title or the
   * description; returns the candidate phrases (English text only).
   */
  private List<String> extract(
      Vacancy v, String text, String language, Run run, List<SkillEvidence> skills) {
    // Counted per vacancy: a skill named only as part of a longer one does not count, nor one
    // found only as a neighbour by meaning where labels were found.
    ExtractionMode mode = run.mode();
    Extraction found =
        metrics.extract(
            "vacancy",
            mode,
            () -> run.extractor().extract(text, language, mode, SKILLS_PER_VACANCY));
    List<String> phrases = List.of();
    if (language.equals("en")) {
      // What no label matched: the candidates for new skills outside ESCO.
      phrases =
          Phrases.of(
              text,
              found.skills().stream()
                  .filter(s -> !"meaning".equals(s.evidence()))
                  .map(ExtractedSkill::span)
                  .toList());
    }
    int titleEnd = v.title().isEmpty() ? 0 : v.title().length();
    int descriptionStart = v.title().isEmpty() ? 0 : titleEnd + 2;
    for (ExtractedSkill s : found.counted().skills()) {
      boolean inTitle = s.span().start() < titleEnd;
      int offset = inTitle ? 0 : descriptionStart;
      skills.add(
          new SkillEvidence(
              s.uri(),
              "extracted",
              s.score(),
              inTitle ? "title" : "description",
              Math.max(0, s.span().start() - offset),
              Math.max(0, s.span().end() - offset)));
    }
    return phrases;
  }

  /** The occupation of a vacancy as coded: its ISCO group, and how it was found. */
  private record Occupation(
      String isco, boolean unknown, boolean remote, OccupationCoder.Coding coded) {}

  private Occupation occupation(Vacancy v, String language, Coding occupations) {
    String occupation = v.occupation();
    OccupationTable table = occupations.table();
    boolean uri = occupation != null && occupation.startsWith("http");
    boolean unknown = uri && !table.knows(occupation);
    boolean remote = false;
    String remoteIsco = null;
    if (unknown) {
      // From a newer ESCO, say: the web service may know it (when that fallback is on).
      try {
        var r = esco.remote(occupation, "en");
        if (r.isPresent() && r.get().type() == ConceptType.OCCUPATION) {
          unknown = false;
          remote = true;
          remoteIsco = r.get().iscoCode().orElse(null);
        }
      } catch (RemoteServiceException e) {
        warnOnce(e);
      }
    }
    OccupationCoder.Coding coded = null;
    if (!uri && !v.title().isBlank() && occupations.coder() != null) {
      // Only a title (and perhaps an ISCO code): code the title through the ESCO labels.
      coded = occupations.coder().code(v.title(), language, occupation).orElse(null);
    }
    String isco = remote ? remoteIsco : table.iscoOf(occupation).orElse(null);
    if (isco == null && coded != null) {
      isco = table.iscoOf(coded.uri()).orElse(null);
    }
    return new Occupation(isco, unknown, remote, coded);
  }

  /**
   * The occupation table and title coder for the ESCO versions loaded now: made again when a
   * version was loaded or removed since, so a running server codes against what it holds.
   */
  synchronized Coding coding(Progress progress) {
    if (progress != Progress.NONE) {
      notices = progress; // not a look-up's NONE: that would silence a load under way
    }
    List<VersionSummary> versions = catalog.versions();
    if (coding == null || !coding.versions().equals(versions)) {
      OccupationTable table = OccupationTable.of(catalog);
      OccupationCoder coder = null;
      if (!versions.isEmpty()) {
        if (!esco.isIndexed()) {
          // Titles are coded through the ESCO labels in Elasticsearch.
          esco.index(Optional.empty(), progress);
        }
        ConceptSearch labels =
            new ConceptSearch() {
              @Override
              public Page search(Query query) {
                return esco.search(query);
              }

              @Override
              public Page suggest(Query query) {
                return esco.suggest(query);
              }
            };
        coder = new OccupationCoder(labels, forms, table, meaning(table, versions));
      }
      coding = new Coding(versions, table, coder);
    }
    return coding;
  }

  /**
   * Matching titles by meaning over these occupations, made when a title first needs it: the
   * embedding model, and the occupations' label vectors (computed once per ESCO version and model,
   * 76 s for v1.1.1 on 2 cores with a load beside it, then read back). When the model cannot be
   * used, titles are coded by their labels alone, as the log says.
   */
  private Supplier<Optional<TitleMeaning>> meaning(
      OccupationTable table, List<VersionSummary> versions) {
    if (!titleMeaning) {
      return Optional::empty;
    }
    String name = versions.stream().map(v -> v.version().value()).collect(Collectors.joining("+"));
    return new Supplier<>() {
      private Optional<TitleMeaning> made;

      @Override
      public synchronized Optional<TitleMeaning> get() {
        if (made == null) {
          made = prepareMeaning(table, name);
        }
        return made;
      }
    };
  }

  private Optional<TitleMeaning> prepareMeaning(OccupationTable table, String name) {
    long start = System.nanoTime();
    String what = "Job titles the occupation labels do not code: matching them by meaning too";
    LOG.info(what);
    notices.note(what + " (preparing the model and the occupations' label vectors, once)");
    try {
      TitleMeaning m =
          TitleMeaning.of(table, embedders.getObject(), vectorCache, name, Progress.NONE);
      notices.note(
          String.format(
              Locale.ROOT,
              "Matching titles by meaning: ready in %.1f s",
              (System.nanoTime() - start) / 1e9));
      return Optional.of(m);
    } catch (RuntimeException e) {
      String why =
          "Job titles are coded by the occupation labels alone: the embedding model cannot be used ("
              + e.getMessage()
              + ")";
      LOG.warn(why);
      notices.note(why);
      return Optional.empty();
    }
  }

  /** The web service failing is said once per process; the vacancy is kept, flagged unknown. */
  private void warnOnce(RemoteServiceException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "The ESCO web service could not resolve an unknown occupation ({}); such vacancies are"
              + " kept and flagged",
          e.getMessage());
    }
  }

  /** The ESCO occupation a job title names, as ingest codes it; empty when no ESCO is loaded. */
  public Optional<OccupationCoder.Coding> codeTitle(
      String title, String language, String iscoHint, Progress progress) {
    Coding c = coding(progress);
    return c.coder() == null ? Optional.empty() : c.coder().code(title, language, iscoHint);
  }

  /** The ISCO-08 unit group of an ESCO occupation of a loaded version. */
  public Optional<String> iscoOf(String occupation) {
    return coding(Progress.NONE).table().iscoOf(occupation);
  }
}
