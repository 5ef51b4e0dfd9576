package eu.skillsobservatory.analytics.curriculum;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.Extractions;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How one curriculum covers what a slice of the vacancies demands: its skills (given as ESCO URIs,
 * or extracted from its learning outcomes), the share of the slice's demand they cover, the
 * demanded and the emerging skills it misses, and suggestions among those: the missing skills
 * related to what the curriculum teaches, by ESCO skill-skill relations or by co-occurrence in the
 * slice's vacancies.
 */
public class CurriculumAlignment {
  /** Curriculum skills whose co-occurrences are read: the most demanded ones. */
  static final int COOCCURRENCE_SEEDS = 10;

  /** A companion counts as related from this lift on. */
  static final double MIN_LIFT = 1.5;

  private final DemandReport demand;
  private final EmergingReport emerging;
  private final SkillRelations relations;
  private final Extractions extraction;
  private final SkillCatalog catalog;

  public CurriculumAlignment(
      DemandReport demand,
      EmergingReport emerging,
      SkillRelations relations,
      Extractions extraction,
      SkillCatalog catalog) {
    this.demand = demand;
    this.emerging = emerging;
    this.relations = relations;
    this.extraction = extraction;
    this.catalog = catalog;
  }

  /**
   * A curriculum skill.
   *
   * @param origin {@code given}, or {@code extracted} with the outcome it came from
   * @param share its share of the slice's postings (0 when not among the demanded skills)
   */
  public record CurriculumSkill(
      String uri, String label, String origin, String outcome, double share) {}

  /** A demanded skill the curriculum misses. */
  public record Missing(String uri, String label, long postings, double share) {}

  /** An emerging skill the curriculum misses, with its evidence in brief. */
  public record MissingEmerging(
      String uri, String label, double recentShare, double baselineShare, double lift, double q) {}

  /** Why a skill is suggested: a curriculum skill it is related to, and how. */
  public record Reason(String skill, String label, String relation, Double lift) {}

  /**
   * A missing skill related to the curriculum.
   *
   * @param score share x (1 + number of relations), emerging skills x 2
   */
  public record Suggestion(
      String uri,
      String label,
      double share,
      boolean emerging,
      double score,
      List<Reason> because) {}

  /**
   * @param demanded the slice's most demanded skills considered
   * @param coveredSkills of those, how many the curriculum teaches
   * @param coverage the share of their demand (sum of shares) the curriculum covers
   */
  public record Alignment(
      Slice slice,
      String escoVersion,
      long postings,
      List<CurriculumSkill> curriculum,
      int demanded,
      int coveredSkills,
      double coverage,
      List<Missing> missingDemanded,
      List<MissingEmerging> missingEmerging,
      List<Suggestion> suggestions,
      boolean synthetic,
      Provenance provenance,
      String definedIn) {
    public static final String METHOD = "src/docs/methods.md#curriculum-alignment";
  }

  /**
   * @param outcomes learning outcomes as text (each extracted)
   * @param skills ESCO skill URIs the curriculum says it teaches
   * @param demanded how many of the slice's most demanded skills are compared (1 to 1,000)
   */
  /** The curriculum's skills: given as URIs, then found in the outcomes (first origin kept). */
  private Map<String, CurriculumSkill> taught(
      List<String> outcomes, List<String> skills, String language, ExtractionMode mode) {
    Map<String, CurriculumSkill> taught = new LinkedHashMap<>();
    Function<String, String> names = demand.labels();
    for (String s : skills) {
      String u = s == null ? "" : s.strip();
      if (u.isEmpty()) {
        continue;
      }
      if (!u.startsWith("http://data.europa.eu/esco/skill/")) {
        throw new IllegalArgumentException("skills: '" + u + "' is not an ESCO skill URI");
      }
      taught.putIfAbsent(u, new CurriculumSkill(u, names.apply(u), "given", null, 0));
    }
    for (String o : outcomes) {
      if (o == null || o.isBlank()) {
        continue;
      }
      if (o.length() > MAX_OUTCOME) {
        throw new IllegalArgumentException(
            "outcomes: an outcome of "
                + o.length()
                + " characters, more than the 100,000 accepted");
      }
      for (ExtractedSkill x :
          extraction
              .extract(o, language, mode, SKILLS_PER_OUTCOME, Optional.empty())
              .counted()
              .skills()) {
        taught.putIfAbsent(
            x.uri(), new CurriculumSkill(x.uri(), names.apply(x.uri()), "extracted", o.strip(), 0));
      }
    }
    return taught;
  }

  /** Characters of one learning outcome at most. */
  static final int MAX_OUTCOME = 100_000;

  /** Skills found in one outcome at most. */
  static final int SKILLS_PER_OUTCOME = 20;

  public Alignment align(
      List<String> outcomes,
      List<String> skills,
      String language,
      ExtractionMode mode,
      Slice slice,
      int demanded) {
    if (demanded < 1 || demanded > 1_000) {
      throw new IllegalArgumentException("demanded: 1 to 1000, not " + demanded);
    }
    Map<String, CurriculumSkill> taught = taught(outcomes, skills, language, mode);
    if (taught.isEmpty()) {
      throw new IllegalArgumentException(
          "the curriculum names no ESCO skill: give skills (ESCO URIs) or learning outcomes in which"
              + " skills can be found");
    }
    DemandReport.Demand d = demand.demand(slice, Optional.empty(), demanded);
    DemandReport.Group all = d.groups().isEmpty() ? null : d.groups().get(0);
    List<DemandReport.SkillDemand> wanted = all == null ? List.of() : all.skills();
    Map<String, DemandReport.SkillDemand> byUri = new HashMap<>();
    wanted.forEach(k -> byUri.put(k.uri(), k));
    List<CurriculumSkill> curriculum = new ArrayList<>();
    taught
        .values()
        .forEach(
            c -> {
              var k = byUri.get(c.uri());
              curriculum.add(
                  new CurriculumSkill(
                      c.uri(), c.label(), c.origin(), c.outcome(), k == null ? 0 : k.share()));
            });
    double total = 0;
    double covered = 0;
    int coveredSkills = 0;
    List<Missing> missing = new ArrayList<>();
    for (DemandReport.SkillDemand k : wanted) {
      total += k.share();
      if (taught.containsKey(k.uri())) {
        covered += k.share();
        coveredSkills++;
      } else {
        missing.add(new Missing(k.uri(), k.label(), k.postings(), k.share()));
      }
    }
    List<MissingEmerging> missingEmerging = new ArrayList<>();
    try {
      for (EmergingReport.Skill e :
          emerging.emerging(slice, Emerging.Settings.DEFAULTS, 0).emerging()) {
        Emerging.Result r = e.evidence();
        if (!taught.containsKey(r.uri())) {
          missingEmerging.add(
              new MissingEmerging(
                  r.uri(), e.label(), r.recentShare(), r.baselineShare(), r.lift(), r.qIncrease()));
        }
      }
    } catch (IllegalArgumentException e) {
      // too few months in the slice for a trend: no emerging skills to miss
    }
    List<Suggestion> suggestions = suggestions(slice, taught, missing, missingEmerging);
    return new Alignment(
        slice,
        d.escoVersion(),
        all == null ? 0 : all.postings(),
        curriculum,
        wanted.size(),
        coveredSkills,
        total == 0 ? 0 : Math.round(covered / total * 10_000) / 10_000.0,
        missing,
        missingEmerging,
        suggestions,
        d.synthetic(),
        d.provenance(),
        Alignment.METHOD);
  }

  private List<Suggestion> suggestions(
      Slice slice,
      Map<String, CurriculumSkill> taught,
      List<Missing> missing,
      List<MissingEmerging> missingEmerging) {
    Map<String, Double> share = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    missing.forEach(
        m -> {
          share.put(m.uri(), m.share());
          labels.put(m.uri(), m.label());
        });
    Set<String> rising = new HashSet<>();
    missingEmerging.forEach(
        m -> {
          share.putIfAbsent(m.uri(), m.recentShare());
          labels.put(m.uri(), m.label());
          rising.add(m.uri());
        });
    Map<String, List<Reason>> because = new LinkedHashMap<>();
    // ESCO: skill-skill relations in either direction.
    for (CurriculumSkill c : taught.values()) {
      Optional<Concept> concept = catalog.concept(c.uri(), "en", Optional.empty());
      if (concept.isEmpty()) {
        continue;
      }
      relate(concept.get().essentialSkills(), share, c, "esco-essential", because);
      relate(concept.get().optionalSkills(), share, c, "esco-optional", because);
    }
    for (String candidate : share.keySet()) {
      Optional<Concept> concept = catalog.concept(candidate, "en", Optional.empty());
      if (concept.isEmpty()) {
        continue;
      }
      for (ConceptRef r : concept.get().essentialSkills()) {
        CurriculumSkill c = taught.get(r.uri());
        if (c != null) {
          add(because, candidate, new Reason(c.uri(), c.label(), "esco-essential-for-it", null));
        }
      }
      for (ConceptRef r : concept.get().optionalSkills()) {
        CurriculumSkill c = taught.get(r.uri());
        if (c != null) {
          add(because, candidate, new Reason(c.uri(), c.label(), "esco-optional-for-it", null));
        }
      }
    }
    coOccurring(slice, taught, share, because);
    List<Suggestion> out = new ArrayList<>();
    because.forEach(
        (uri, reasons) -> {
          double s = share.getOrDefault(uri, 0.0);
          boolean emergingSkill = rising.contains(uri);
          double score = s * (1 + reasons.size()) * (emergingSkill ? 2 : 1);
          out.add(
              new Suggestion(
                  uri,
                  labels.getOrDefault(uri, ""),
                  s,
                  emergingSkill,
                  Math.round(score * 10_000) / 10_000.0,
                  reasons));
        });
    out.sort(
        Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::uri));
    return out;
  }

  /**
   * Reasons from the vacancies: skills mentioned with the curriculum's most demanded skills more
   * often than by chance (lift at least {@link #MIN_LIFT}).
   */
  private void coOccurring(
      Slice slice,
      Map<String, CurriculumSkill> taught,
      Map<String, Double> share,
      Map<String, List<Reason>> because) {
    List<String> seeds =
        taught.keySet().stream()
            .sorted(Comparator.comparingDouble((String u) -> -demandShare(u, taught)))
            .limit(COOCCURRENCE_SEEDS)
            .toList();
    for (String seed : seeds) {
      SkillRelations.CoOccurrence co;
      try {
        co = relations.coOccurrence(slice, seed, COOCCURRENCE_SUPPORT, COOCCURRENCE_LIMIT);
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (SkillRelations.Related r : co.skills()) {
        if (share.containsKey(r.uri()) && r.lift() >= MIN_LIFT) {
          CurriculumSkill c = taught.get(seed);
          add(because, r.uri(), new Reason(c.uri(), c.label(), "co-occurrence", r.lift()));
        }
      }
    }
  }

  /** Postings a companion skill needs with a seed, and companions considered per seed. */
  static final int COOCCURRENCE_SUPPORT = 5;

  static final int COOCCURRENCE_LIMIT = 200;

  private static double demandShare(String uri, Map<String, CurriculumSkill> taught) {
    return taught.get(uri).share();
  }

  private static void relate(
      List<ConceptRef> related,
      Map<String, Double> candidates,
      CurriculumSkill from,
      String relation,
      Map<String, List<Reason>> because) {
    for (ConceptRef r : related) {
      if (candidates.containsKey(r.uri())) {
        add(because, r.uri(), new Reason(from.uri(), from.label(), relation, null));
      }
    }
  }

  private static void add(Map<String, List<Reason>> because, String uri, Reason r) {
    List<Reason> list = because.computeIfAbsent(uri, k -> new ArrayList<>());
    if (!list.contains(r)) {
      list.add(r);
    }
  }
}
