package eu.skillsobservatory.analytics.report;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.provenance.Provenance;
import eu.skillsobservatory.analytics.report.SectorReport.DatasetLine;
import eu.skillsobservatory.analytics.report.SectorReport.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/** The caveats a sector report states, each following from the data it counted. */
final class ReportCaveats {
  private ReportCaveats() {}

  /** Months with fewer postings give shares too unstable to read month by month. */
  static final long FEW_POSTINGS = 30;

  static List<String> of(
      Provenance p,
      boolean duplicatesLeftOut,
      List<DatasetLine> datasets,
      List<Month> months,
      EmergingReport.Report emerging,
      GapAnalysis.Gaps gaps,
      DemandReport.Group all) {
    List<String> out = new ArrayList<>();
    List<String> synthetic =
        datasets.stream().filter(DatasetLine::synthetic).map(DatasetLine::name).toList();
    if (!synthetic.isEmpty()) {
      out.add(
          "Synthetic data counted: the dataset(s) "
              + String.join(", ", synthetic)
              + " are generated, not real adverts. The figures show how the method works, not the"
              + " labour market.");
    }
    if (p.postings() == 0) {
      out.add("No vacancy of the slice is held: every figure is empty.");
      return out;
    }
    if (p.skillCoverage() < 0.9) {
      out.add(
          String.format(
              Locale.ROOT,
              "%.1f %% of the postings have no skill found (given or extracted); skill shares are"
                  + " of all postings, so they are low by as much.",
              100 * (1 - p.skillCoverage())));
    }
    List<String> thin =
        months.stream().filter(m -> m.postings() < FEW_POSTINGS).map(Month::month).toList();
    if (!thin.isEmpty()) {
      out.add(
          "Months with fewer than "
              + FEW_POSTINGS
              + " postings ("
              + String.join(", ", thin)
              + ") give unstable monthly shares.");
    }
    if (emerging.note() != null) {
      out.add("Emerging skills were not tested: " + emerging.note());
    }
    if (emerging.excludedMonth() != null) {
      out.add(
          "The last month of data, "
              + emerging.excludedMonth()
              + ", looks incomplete and is left out of the emerging-skill test.");
    }
    if (all != null && all.employmentFlags() != null && !all.employmentFlags().isEmpty()) {
      out.add(
          "Eurostat flags the employment figures used ("
              + String.join(", ", all.employmentFlags())
              + "): postings per 1,000 employed are less reliable.");
    }
    if (gaps.offersInScope() == 0) {
      out.add(
          "No training offer is held in scope: every demanded skill shows as a gap until offers"
              + " are loaded.");
    }
    mixedLoads(out, datasets);
    if (duplicatesLeftOut) {
      out.add(
          "The same advert posted on several portals is counted once (near-duplicates are left"
              + " out).");
    }
    out.add(
        "Online job advertisements are not all vacancies: some occupations, regions and small"
            + " employers advertise less online, and shares are of postings, not of jobs.");
    return out;
  }

  /** Datasets loaded with different extraction or ESCO versions are not quite comparable. */
  private static void mixedLoads(List<String> out, List<DatasetLine> datasets) {
    TreeSet<String> modes = new TreeSet<>();
    datasets.stream().map(DatasetLine::extractionMode).filter(Objects::nonNull).forEach(modes::add);
    if (modes.size() > 1) {
      out.add(
          "The datasets were loaded with different skill extraction ("
              + String.join(", ", modes)
              + "): shares of extracted skills differ between them for that reason too.");
    }
    TreeSet<String> versions = new TreeSet<>();
    datasets.stream().map(DatasetLine::escoVersion).filter(Objects::nonNull).forEach(versions::add);
    if (versions.size() > 1) {
      out.add(
          "The datasets were coded against different ESCO versions ("
              + String.join(", ", versions)
              + ").");
    }
  }
}
