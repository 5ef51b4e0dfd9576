package eu.skillsobservatory.analytics.report;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.GroupBy;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.BudgetOn;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.analytics.vacancy.Nace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A sector's skill needs in one piece, to hand on in a needs analysis: demand over time, the most
 * demanded skills with their intervals, the digital and green shares, the emerging skills with
 * their evidence, the gaps against the training offers and the offers that close them, the caveats
 * that follow from the data, and the data's provenance. Every figure is the one the API answers for
 * the same slice.
 */
public final class SectorReport {
  /** Skills in the report's top list and in its gap. */
  public static final int TOP_SKILLS = 20;

  private final DemandReport demand;
  private final EmergingReport emerging;
  private final GapAnalysis gaps;
  private final OfferMatching matching;
  private final Datasets datasets;
  private final Supplier<Instant> clock;

  public SectorReport(
      DemandReport demand,
      EmergingReport emerging,
      GapAnalysis gaps,
      OfferMatching matching,
      Datasets datasets,
      Supplier<Instant> clock) {
    this.demand = demand;
    this.emerging = emerging;
    this.gaps = gaps;
    this.matching = matching;
    this.datasets = datasets;
    this.clock = clock;
  }

  /** One month of the slice: its postings and its digital and green shares. */
  public record Month(String month, long postings, Double digital, Double green) {}

  /**
   * A dataset counted in the slice, as its load recorded it.
   *
   * @param postings its postings in the slice
   * @param loadedAt when it was loaded, or null for vacancies loaded before loads were recorded
   * @param extractionMode the skill extraction of its load ({@code fast} or {@code full}), or null
   */
  public record DatasetLine(
      String name,
      long postings,
      boolean synthetic,
      String loadedAt,
      String extractionMode,
      String escoVersion,
      List<String> files) {
    public DatasetLine {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * @param sectorTitle the NACE section's title
   * @param generatedAt when the report was made
   * @param months demand over time, oldest first
   * @param collections the digital, green and transversal shares of the whole slice
   * @param caveats what a reader must know before using the figures, from the data at hand
   */
  public record Report(
      Slice slice,
      String sector,
      String sectorTitle,
      String generatedAt,
      String escoVersion,
      long postings,
      double skillCoverage,
      boolean synthetic,
      List<Month> months,
      List<DemandReport.SkillDemand> topSkills,
      Map<String, DemandReport.CollectionShare> collections,
      EmergingReport.Report emerging,
      GapAnalysis.Gaps gaps,
      OfferMatching.Match match,
      List<DatasetLine> datasets,
      List<String> caveats) {}

  /**
   * The report of a slice that names a sector.
   *
   * @throws IllegalArgumentException when the slice names no sector
   */
  public Report of(Slice slice) {
    String sector =
        slice
            .sector()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "sector: a NACE section letter or division is needed for a sector"
                            + " report"));
    DemandReport.Demand whole = demand.demand(slice, Optional.empty(), TOP_SKILLS);
    DemandReport.Demand byMonth = demand.demand(slice, Optional.of(GroupBy.MONTH), 1);
    EmergingReport.Report rising = emerging.emerging(slice, Emerging.Settings.DEFAULTS, 10);
    GapAnalysis.Gaps gap = gaps.gaps(slice, OfferFilter.ANY, TOP_SKILLS, 5, true);
    OfferMatching.Match match =
        matching.forSlice(
            slice,
            OfferFilter.ANY,
            TOP_SKILLS,
            true,
            5,
            Optional.empty(),
            BudgetOn.COST,
            Optional.empty(),
            5);
    DemandReport.Group all = whole.groups().isEmpty() ? null : whole.groups().get(0);
    List<Month> months = new ArrayList<>();
    for (DemandReport.Group g : byMonth.groups()) {
      months.add(new Month(g.group(), g.postings(), share(g, "digital"), share(g, "green")));
    }
    months.sort((a, b) -> a.month().compareTo(b.month()));
    Provenance p = whole.provenance();
    List<DatasetLine> lines = datasetLines(p);
    return new Report(
        slice,
        sector,
        Nace.title(sector),
        clock.get().toString(),
        whole.escoVersion(),
        p.postings(),
        p.skillCoverage(),
        whole.synthetic(),
        months,
        all == null ? List.of() : all.skills(),
        all == null ? Map.of() : all.collections(),
        rising,
        gap,
        match,
        lines,
        ReportCaveats.of(p, !slice.includeDuplicates(), lines, months, rising, gap, all));
  }

  private static Double share(DemandReport.Group g, String collection) {
    DemandReport.CollectionShare c = g.collections().get(collection);
    return c == null ? null : c.share();
  }

  private List<DatasetLine> datasetLines(Provenance p) {
    List<DatasetLine> out = new ArrayList<>();
    for (Provenance.DatasetCount c : p.datasets()) {
      Optional<Dataset> d = datasets.get(c.name());
      out.add(
          new DatasetLine(
              c.name(),
              c.postings(),
              c.synthetic(),
              d.map(x -> x.loadedAt() == null ? null : x.loadedAt().toString()).orElse(null),
              d.map(Dataset::extractionMode).orElse(null),
              d.map(Dataset::escoVersion).orElse(null),
              d.map(Dataset::files).orElse(List.of())));
    }
    return out;
  }
}
