package eu.skillsobservatory.api.report;

import static eu.skillsobservatory.api.report.Html.esc;
import static eu.skillsobservatory.api.report.SectorReportHtml.li;
import static eu.skillsobservatory.api.report.SectorReportHtml.pct;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.esco.ConceptRef;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.report.SectorReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sections of a sector report after its summary, demand over time and top skills. */
final class ReportSections {
  private ReportSections() {}

  static void collections(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"digital-green\"><h2>Digital and green skills</h2>");
    h.append("<p class=\"small\">Share of the postings mentioning at least one skill of the ESCO")
        .append(" collection, with its 95 % interval.</p>");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    r.collections()
        .forEach((name, c) -> bars.add(new SvgCharts.Bar(name, c.share(), c.low(), c.high())));
    h.append(
        SvgCharts.bars("Digital, green and transversal skills, share of postings", bars, true));
    h.append("<table><caption>Shares of the ESCO collections</caption><thead><tr>")
        .append("<th>Collection</th><th class=\"n\">Postings</th><th class=\"n\">Share</th>")
        .append("<th class=\"n\">95 % interval</th></tr></thead><tbody>");
    r.collections()
        .forEach(
            (name, c) ->
                h.append("<tr><td>")
                    .append(esc(name))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", c.postings()))
                    .append("</td><td class=\"n\">")
                    .append(pct(c.share()))
                    .append("</td><td class=\"n\">")
                    .append(pct(c.low()))
                    .append(" – ")
                    .append(pct(c.high()))
                    .append("</td></tr>"));
    h.append("</tbody></table></section>");
  }

  static void emerging(StringBuilder h, EmergingReport.Report e) {
    h.append("<section id=\"emerging\"><h2>Emerging skills</h2>");
    if (e.note() != null) {
      h.append("<p>").append(esc(e.note())).append("</p></section>");
      return;
    }
    h.append("<p class=\"small\">")
        .append(
            esc(
                String.format(
                    Locale.ROOT,
                    "Recent window %s to %s (%,d postings) against the baseline %s to %s (%,d"
                        + " postings); %d skills tested, each called emerging when its rise holds"
                        + " in both tests, stratified by source%s, at a false discovery rate of"
                        + " %.0f %%, and without its top employer.",
                    e.recentFrom(),
                    e.months().isEmpty() ? "" : e.months().get(e.months().size() - 1),
                    e.recentPostings(),
                    e.baselineFrom(),
                    e.baselineTo(),
                    e.baselinePostings(),
                    e.tested(),
                    e.seasonal() ? " and month of the year" : "",
                    100 * e.settings().alpha())))
        .append("</p>");
    if (e.emerging().isEmpty()) {
      h.append("<p>No skill passes the test.</p>");
    } else {
      h.append("<table><caption>Emerging skills and their evidence</caption><thead><tr>")
          .append("<th>Skill</th><th class=\"n\">Baseline share</th>")
          .append("<th class=\"n\">Recent share</th><th class=\"n\">Lift</th>")
          .append("<th class=\"n\">q</th><th>Sources where it holds</th><th>Employers</th>")
          .append("</tr></thead><tbody>");
      for (EmergingReport.Skill s : e.emerging()) {
        emergingRow(h, s);
      }
      h.append("</tbody></table>");
    }
    if (!e.others().isEmpty()) {
      h.append("<p class=\"small\">Grew most without passing the test: ")
          .append(
              esc(
                  e.others().stream()
                      .limit(5)
                      .map(
                          s ->
                              s.label()
                                  + (s.evidence().reason() == null
                                      ? ""
                                      : " (" + s.evidence().reason() + ")"))
                      .collect(Collectors.joining("; "))))
          .append(".</p>");
    }
    h.append("</section>");
  }

  /** A row of the emerging skills' table: the skill and its evidence. */
  private static void emergingRow(StringBuilder h, EmergingReport.Skill s) {
    Emerging.Result x = s.evidence();
    String sources =
        x.sources().stream()
            .filter(Emerging.SourceEvidence::holds)
            .map(Emerging.SourceEvidence::source)
            .collect(Collectors.joining(", "));
    String employers =
        x.employers() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "%d distinct; top %s with %s",
                x.employers().distinct(),
                x.employers().top() == null ? "unnamed" : x.employers().top(),
                pct(x.employers().topShare()));
    h.append("<tr><td><a href=\"")
        .append(esc(x.uri()))
        .append("\">")
        .append(esc(s.label()))
        .append("</a></td><td class=\"n\">")
        .append(pct(x.baselineShare()))
        .append("</td><td class=\"n\">")
        .append(pct(x.recentShare()))
        .append("</td><td class=\"n\">")
        .append(Double.isInfinite(x.lift()) ? "new" : String.format(Locale.ROOT, "%.2f", x.lift()))
        .append("</td><td class=\"n\">")
        .append(String.format(Locale.ROOT, "%.3g", x.q()))
        .append("</td><td>")
        .append(esc(sources))
        .append("</td><td>")
        .append(esc(employers))
        .append("</td></tr>");
  }

  static void gaps(StringBuilder h, GapAnalysis.Gaps g, OfferMatching.Match m) {
    h.append("<section id=\"gaps\"><h2>Gaps against the training offers</h2>");
    h.append("<p class=\"small\">")
        .append(
            esc(
                String.format(
                    Locale.ROOT,
                    "%,d training offers in scope. Gap score: %s.",
                    g.offersInScope(),
                    g.scoring())))
        .append("</p>");
    h.append("<table><caption>Demanded skills, largest gap first</caption><thead><tr>")
        .append("<th>Skill</th><th class=\"n\">Share</th><th>Emerging</th>")
        .append("<th class=\"n\">Offers</th><th class=\"n\">Hours</th>")
        .append("<th class=\"n\">Gap score</th></tr></thead><tbody>");
    for (GapAnalysis.GapSkill s : g.skills()) {
      h.append("<tr><td>")
          .append(esc(s.label()))
          .append("</td><td class=\"n\">")
          .append(pct(s.share()))
          .append("</td><td>")
          .append(s.emerging() ? "yes" : "")
          .append("</td><td class=\"n\">")
          .append(s.offers())
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,.0f", s.hours()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.4f", s.gapScore()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    occupationGaps(h, g);
    h.append("<h3>The offers that close them</h3>");
    picks(h, m);
    h.append("</section>");
  }

  /** The most demanded occupations' essential skills that no offer in scope teaches. */
  private static void occupationGaps(StringBuilder h, GapAnalysis.Gaps g) {
    if (!g.occupations().isEmpty()) {
      h.append("<table><caption>Essential skills of the most demanded occupations that no")
          .append(" offer in scope teaches</caption><thead><tr><th>Occupation</th>")
          .append("<th class=\"n\">Postings</th><th class=\"n\">Taught</th><th>Untaught</th>")
          .append("</tr></thead><tbody>");
      for (GapAnalysis.OccupationGap o : g.occupations()) {
        h.append("<tr><td>")
            .append(esc(o.label()))
            .append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,d", o.postings()))
            .append("</td><td class=\"n\">")
            .append(o.taught())
            .append(" of ")
            .append(o.essentialSkills())
            .append("</td><td>")
            .append(
                esc(
                    o.untaught().stream()
                            .limit(8)
                            .map(ConceptRef::label)
                            .collect(Collectors.joining("; "))
                        + (o.untaught().size() > 8 ? "; …" : "")))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
  }

  /** The offers chosen to close the gap, in the order chosen. */
  private static void picks(StringBuilder h, OfferMatching.Match m) {
    if (m.picks().isEmpty()) {
      h.append("<p>No offer in scope teaches a skill of the gap.</p>");
    } else {
      h.append("<p class=\"small\">")
          .append(esc(m.method() + " " + (m.guarantee() == null ? "" : m.guarantee())))
          .append("</p><table><caption>Offers chosen, in order</caption><thead><tr>")
          .append("<th>Offer</th><th>Provider</th><th>Adds</th>")
          .append("<th class=\"n\">Gap covered</th></tr></thead><tbody>");
      for (OfferMatching.Pick p : m.picks()) {
        h.append("<tr><td>")
            .append(esc(p.offer().title()))
            .append("</td><td>")
            .append(esc(p.offer().provider()))
            .append("</td><td>")
            .append(
                esc(
                    p.covers().stream()
                        .map(OfferMatching.Weighted::label)
                        .collect(Collectors.joining("; "))))
            .append("</td><td class=\"n\">")
            .append(pct(p.coveredShare()))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
  }

  static void methods(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"methods\"><h2>Methods and caveats</h2><ul>");
    li(
        h,
        "Postings are online job advertisements loaded into the observatory; near-duplicates"
            + " (the same advert on several portals) are found by text fingerprints and counted"
            + " once.");
    li(
        h,
        "Skills are those the advert gives as ESCO URIs and those extracted from its title and"
            + " description by ESCO labels (and, in full extraction, an embedding model).");
    li(
        h,
        "A skill's share is the share of postings mentioning it; intervals are 95 % Wilson"
            + " intervals.");
    li(
        h,
        "Emerging skills: a recent window against a baseline, Cochran-Mantel-Haenszel and"
            + " Cochran-Armitage tests stratified by source, Benjamini-Hochberg false discovery"
            + " rate, checked without the top employer and against rises explained by another"
            + " skill.");
    li(
        h,
        "Gaps weigh each demanded skill by share and growth against the training offers that"
            + " teach it; the offers that close them are chosen greedily by the weight they add.");
    h.append("</ul><h3>Caveats</h3><ul>");
    for (String c : r.caveats()) {
      li(h, c);
    }
    h.append("</ul><p class=\"small\">The methods in full: src/docs/methods.md of Skills")
        .append(" Observatory.</p></section>");
  }

  static void provenance(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"provenance\"><h2>Data and provenance</h2>");
    h.append("<table><caption>Datasets counted</caption><thead><tr><th>Dataset</th>")
        .append("<th class=\"n\">Postings</th><th>Synthetic</th><th>Loaded</th>")
        .append("<th>Extraction</th><th>ESCO</th><th>Files</th></tr></thead><tbody>");
    for (SectorReport.DatasetLine d : r.datasets()) {
      h.append("<tr><td>")
          .append(esc(d.name()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", d.postings()))
          .append("</td><td>")
          .append(d.synthetic() ? "yes" : "no")
          .append("</td><td>")
          .append(esc(d.loadedAt()))
          .append("</td><td>")
          .append(esc(d.extractionMode()))
          .append("</td><td>")
          .append(esc(d.escoVersion()))
          .append("</td><td>")
          .append(esc(String.join(", ", d.files())))
          .append("</td></tr>");
    }
    h.append("</tbody></table><ul>");
    li(h, "ESCO version of every label and skill: " + r.escoVersion() + ".");
    li(h, "Generated at " + r.generatedAt() + ".");
    li(h, "This service uses the ESCO classification of the European Commission.");
    li(
        h,
        "Employment figures: Eurostat, Labour Force Survey (lfsa_eisn2), used with acknowledgement.");
    h.append("</ul></section>");
  }
}
