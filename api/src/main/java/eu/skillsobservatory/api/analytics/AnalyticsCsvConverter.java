package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.api.web.CsvConverter;
import org.springframework.stereotype.Component;

/** The analytics' answers as CSV over HTTP: the tables of {@link AnalyticsCsv}. */
@Component
public class AnalyticsCsvConverter extends CsvConverter {
  public AnalyticsCsvConverter() {
    super(
        new Tables()
            .add(DemandReport.Demand.class, AnalyticsCsv::demand)
            .add(EmergingReport.Report.class, AnalyticsCsv::emerging)
            .add(EmergingReport.Candidates.class, AnalyticsCsv::candidates)
            .add(GapAnalysis.Gaps.class, AnalyticsCsv::gaps)
            .add(OfferMatching.Match.class, AnalyticsCsv::match)
            .add(SkillRelations.Similar.class, AnalyticsCsv::similar)
            .add(SkillRelations.CoOccurrence.class, AnalyticsCsv::coOccurrence));
  }
}
