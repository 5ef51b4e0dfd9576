package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.analytics.stats.Association;
import eu.skillsobservatory.analytics.stats.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Skills that go together in vacancies: for one skill, the skills mentioned in the same postings
 * with the count, the share of the skill's postings, the lift and the pointwise mutual information
 * {@code log2(P(a,b) / (P(a) P(b)))}, above a minimum support.
 */
public class SkillRelations {
  private final DemandCounts aggregations;
  private final DemandReport demand;
  private final SkillCatalog catalog;
  private VersionSnapshot snapshot;
  private VersionSummary snapshotOf;
  private OccupationSimilarity similarity;

  public SkillRelations(DemandCounts aggregations, DemandReport demand, SkillCatalog catalog) {
    this.aggregations = aggregations;
    this.demand = demand;
    this.catalog = catalog;
  }

  /** An occupation like another, by their ESCO skill profiles. */
  public record SimilarOccupation(
      String uri,
      String label,
      double similarity,
      int sharedSkills,
      List<String> sharedEssential) {}

  public record Similar(
      String uri, String label, String escoVersion, List<SimilarOccupation> similar) {}

  /**
   * The occupations most like one by the weighted Jaccard index of their essential (1) and optional
   * (0.5) skills in the current ESCO version.
   */
  public Similar similarOccupations(String uri, int limit) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("occupation: give an ESCO occupation URI");
    }
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    VersionSnapshot snap;
    OccupationSimilarity sim;
    synchronized (this) {
      VersionSummary load = catalog.currentLoad();
      if (snapshot == null || !load.equals(snapshotOf)) {
        snapshot = catalog.snapshot(load.version(), "en");
        snapshotOf = load;
        List<String[]> links = new ArrayList<>();
        snapshot
            .occupationSkills()
            .forEach(
                l ->
                    links.add(
                        new String[] {l.occupation(), l.skill(), String.valueOf(l.essential())}));
        similarity = OccupationSimilarity.of(links);
      }
      snap = snapshot;
      sim = similarity;
    }
    List<SimilarOccupation> out = new ArrayList<>();
    for (var s : sim.similarTo(uri.strip(), limit)) {
      out.add(
          new SimilarOccupation(
              s.uri(), label(snap, s.uri()), s.similarity(), s.shared(), s.sharedEssential()));
    }
    return new Similar(uri.strip(), label(snap, uri.strip()), snap.version().toString(), out);
  }

  private static String label(VersionSnapshot snap, String uri) {
    var e = snap.concepts().get(uri);
    return e == null ? "" : e.preferredLabel();
  }

  /**
   * @param both postings mentioning both skills
   * @param share both / postings mentioning the skill asked about
   * @param lift P(a,b) / (P(a) P(b))
   * @param pmi log2 of the lift
   * @param liftLow the lower 95 % confidence bound of the lift (the ranking)
   * @param npmi normalized PMI, -1 to 1
   */
  public record Related(
      String uri,
      String label,
      long both,
      long withOther,
      double share,
      double lift,
      double pmi,
      double liftLow,
      double npmi) {}

  public record CoOccurrence(
      Slice slice,
      String uri,
      String label,
      long postings,
      long withSkill,
      List<Related> skills,
      boolean synthetic,
      Provenance provenance,
      String definedIn) {
    public static final String METHOD = "src/docs/methods.md#skills-that-go-together";
  }

  /**
   * @param minSupport postings mentioning both, at least
   * @param limit the most frequent companions considered, 1 to 1,000, ranked by the lower 95 %
   *     confidence bound of their lift (then normalized PMI), so that a rare companion seen a few
   *     times does not outrank a common one
   */
  public CoOccurrence coOccurrence(Slice slice, String uri, long minSupport, int limit) {
    if (uri == null || !uri.startsWith("http")) {
      throw new IllegalArgumentException("skill: an ESCO skill URI, not '" + uri + "'");
    }
    if (minSupport < 1) {
      throw new IllegalArgumentException("minSupport: at least 1, not " + minSupport);
    }
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    DemandCounts.CoOccurrence c = aggregations.coOccurrence(slice, uri, minSupport, limit);
    List<Related> related = new ArrayList<>();
    Function<String, String> names = demand.labels();
    for (DemandCounts.Pair p : c.pairs()) {
      double lift =
          (double) p.both() * c.postings() / ((double) c.withSkill() * Math.max(1, p.withOther()));
      related.add(
          new Related(
              p.other(),
              names.apply(p.other()),
              p.both(),
              p.withOther(),
              round((double) p.both() / c.withSkill()),
              round(lift),
              round(Math.log(lift) / Math.log(2)),
              round(
                  Association.liftLowerBound(
                      p.both(), c.withSkill(), p.withOther(), c.postings(), Stats.Z95)),
              round(Association.npmi(p.both(), c.withSkill(), p.withOther(), c.postings()))));
    }
    related.sort(
        Comparator.comparingDouble(Related::liftLow)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Related::npmi).reversed())
            .thenComparing(Related::uri));
    var provenance = demand.provenance(slice);
    return new CoOccurrence(
        slice,
        uri,
        names.apply(uri),
        c.postings(),
        c.withSkill(),
        related,
        provenance.synthetic(),
        provenance,
        CoOccurrence.METHOD);
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
