package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.api.web.CsvText;
import java.util.List;

/** The analytics' results as CSV, one row per skill: the same for the CLI and the REST API. */
public final class AnalyticsCsv {
  private AnalyticsCsv() {}

  public static String demand(DemandReport.Demand d) {
    return CsvText.write(
        List.of("group", "postings", "uri", "label", "skill_postings", "share", "low", "high"),
        d.provenance(),
        p -> {
          for (DemandReport.Group g : d.groups()) {
            for (DemandReport.SkillDemand s : g.skills()) {
              p.printRecord(
                  g.group(),
                  g.postings(),
                  s.uri(),
                  s.label(),
                  s.postings(),
                  s.share(),
                  s.low(),
                  s.high());
            }
          }
        });
  }

  public static String emerging(EmergingReport.Report r) {
    return CsvText.write(
        List.of(
            "uri",
            "label",
            "emerging",
            "explained_by",
            "recent",
            "recent_postings",
            "baseline",
            "baseline_postings",
            "recent_share",
            "baseline_share",
            "lift",
            "p_increase",
            "q_increase",
            "p_trend",
            "q_trend",
            "slope",
            "adjusted_lift",
            "p",
            "q",
            "sources_holding",
            "employers",
            "top_employer_share",
            "p_without_top_employer",
            "reason"),
        r.provenance(),
        p -> {
          for (List<EmergingReport.Skill> list : List.of(r.emerging(), r.others())) {
            for (EmergingReport.Skill s : list) {
              Emerging.Result e = s.evidence();
              p.printRecord(
                  e.uri(),
                  s.label(),
                  e.emerging(),
                  e.explainedBy() == null ? "" : e.explainedBy(),
                  e.recent(),
                  e.recentPostings(),
                  e.baseline(),
                  e.baselinePostings(),
                  e.recentShare(),
                  e.baselineShare(),
                  e.lift(),
                  e.pIncrease(),
                  e.qIncrease(),
                  e.pTrend(),
                  e.qTrend(),
                  e.slope(),
                  e.adjustedLift(),
                  e.p(),
                  e.q(),
                  sourcesHolding(e),
                  e.employers() == null ? "" : e.employers().distinct(),
                  e.employers() == null ? "" : e.employers().topShare(),
                  e.employers() == null ? "" : e.employers().pWithoutTop(),
                  e.reason() == null ? "" : e.reason());
            }
          }
        });
  }

  public static String gaps(GapAnalysis.Gaps g) {
    return CsvText.write(
        List.of(
            "uri",
            "label",
            "postings",
            "share",
            "lift",
            "emerging",
            "weight",
            "offers",
            "hours",
            "eqf_levels",
            "gap_score"),
        g.provenance(),
        p -> {
          for (GapAnalysis.GapSkill k : g.skills()) {
            p.printRecord(
                k.uri(),
                k.label(),
                k.postings(),
                k.share(),
                k.lift() == null ? "" : k.lift(),
                k.emerging(),
                k.weight(),
                k.offers(),
                k.hours(),
                String.join("|", k.eqf().keySet().stream().map(String::valueOf).toList()),
                k.gapScore());
          }
        });
  }

  public static String match(OfferMatching.Match m) {
    return CsvText.write(
        List.of(
            "rank",
            "source",
            "id",
            "title",
            "provider",
            "country",
            "eqf",
            "mode",
            "hours",
            "cost",
            "gain",
            "covered_share",
            "covers"),
        m.provenance(),
        p -> {
          int rank = 0;
          for (OfferMatching.Pick x : m.picks()) {
            OfferMatching.OfferSummary o = x.offer();
            p.printRecord(
                ++rank,
                o.source(),
                o.id(),
                o.title(),
                o.provider(),
                o.country(),
                o.eqf() == null ? "" : o.eqf(),
                o.mode() == null ? "" : o.mode(),
                o.hours() == null ? "" : o.hours(),
                o.cost() == null ? "" : o.cost(),
                x.gain(),
                x.coveredShare(),
                String.join("|", x.covers().stream().map(OfferMatching.Weighted::uri).toList()));
          }
        });
  }

  public static String similar(SkillRelations.Similar s) {
    return CsvText.write(
        List.of("uri", "label", "similarity", "shared_skills", "shared_essential"),
        p -> {
          for (SkillRelations.SimilarOccupation o : s.similar()) {
            p.printRecord(
                o.uri(),
                o.label(),
                o.similarity(),
                o.sharedSkills(),
                String.join("|", o.sharedEssential()));
          }
        });
  }

  public static String coOccurrence(SkillRelations.CoOccurrence c) {
    return CsvText.write(
        List.of("uri", "label", "both", "with_other", "share", "lift", "pmi", "lift_low", "npmi"),
        c.provenance(),
        p -> {
          for (SkillRelations.Related r : c.skills()) {
            p.printRecord(
                r.uri(),
                r.label(),
                r.both(),
                r.withOther(),
                r.share(),
                r.lift(),
                r.pmi(),
                r.liftLow(),
                r.npmi());
          }
        });
  }

  /** The sources in which a rise holds on its own, separated by spaces. */
  private static String sourcesHolding(Emerging.Result e) {
    return String.join(
        " ",
        e.sources().stream()
            .filter(Emerging.SourceEvidence::holds)
            .map(Emerging.SourceEvidence::source)
            .toList());
  }

  /** Rising phrases first, then those explained by a longer one. */
  public static String candidates(EmergingReport.Candidates c) {
    return CsvText.write(
        List.of(
            "phrase",
            "rising",
            "explained_by",
            "recent",
            "recent_postings",
            "baseline",
            "baseline_postings",
            "recent_share",
            "baseline_share",
            "lift",
            "q_increase",
            "q_trend",
            "adjusted_lift",
            "q",
            "sources_holding",
            "top_employer_share",
            "reason"),
        c.provenance(),
        p -> {
          for (List<Emerging.Result> list : List.of(c.rising(), c.explained())) {
            for (Emerging.Result e : list) {
              p.printRecord(
                  e.uri(),
                  e.emerging(),
                  e.explainedBy() == null ? "" : e.explainedBy(),
                  e.recent(),
                  e.recentPostings(),
                  e.baseline(),
                  e.baselinePostings(),
                  e.recentShare(),
                  e.baselineShare(),
                  e.lift(),
                  e.qIncrease(),
                  e.qTrend(),
                  e.adjustedLift(),
                  e.q(),
                  sourcesHolding(e),
                  e.employers() == null ? "" : e.employers().topShare(),
                  e.reason() == null ? "" : e.reason());
            }
          }
        });
  }
}
