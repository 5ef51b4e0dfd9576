package eu.skillsobservatory.api.report;

import static eu.skillsobservatory.api.report.Html.esc;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.match.OfferMatching;
import eu.skillsobservatory.analytics.report.SectorReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sector report as one self-contained HTML file: its charts inline SVG, its style inline, no
 * script and no external asset, so that it opens anywhere, is attached to a deliverable as it is,
 * and prints on A4 (each section kept on a page where it fits).
 */
public final class SectorReportHtml {
  private SectorReportHtml() {}

  static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;
        max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
      h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #1f5fa8;
        padding-bottom:.2rem;margin-top:2rem}
      .meta{color:#52606d;font-size:.9rem}
      .synthetic{background:#fff3bf;border:2px solid #e67700;padding:.6rem .8rem;font-weight:600}
      table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0}
      th,td{border-bottom:1px solid #d5dbe1;padding:.25rem .4rem;text-align:left;vertical-align:top}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      caption{text-align:left;font-weight:600;padding:.3rem 0}
      section{page-break-inside:avoid;break-inside:avoid}
      .small{font-size:.85rem;color:#52606d}
      @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}
        a{color:inherit;text-decoration:none}}
      """;

  public static String render(SectorReport.Report r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String where =
        r.slice().country().map(c -> ", " + c).orElse("")
            + r.slice().region().map(x -> ", region " + x).orElse("");
    String title = "Skill needs of sector " + r.sector() + " — " + nz(r.sectorTitle()) + where;
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"/>")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><header><h1>")
        .append(esc(title))
        .append("</h1><p class=\"meta\">")
        .append(esc(period(r)))
        .append(" · ESCO ")
        .append(esc(r.escoVersion()))
        .append(" · generated ")
        .append(esc(r.generatedAt()))
        .append(" by Skills Observatory</p>");
    if (r.synthetic()) {
      h.append("<p class=\"synthetic\" role=\"note\">Synthetic data: this report counts generated")
          .append(" vacancies, not real adverts. Its figures show the method, not the labour")
          .append(" market.</p>");
    }
    h.append("</header><main>");
    summary(h, r);
    overTime(h, r);
    topSkills(h, r);
    ReportSections.collections(h, r);
    ReportSections.emerging(h, r.emerging());
    ReportSections.gaps(h, r.gaps(), r.match());
    ReportSections.methods(h, r);
    ReportSections.provenance(h, r);
    h.append("</main></body></html>\n");
    return h.toString();
  }

  static String period(SectorReport.Report r) {
    if (r.months().isEmpty()) {
      return "no postings";
    }
    return "Postings of "
        + r.months().get(0).month()
        + " to "
        + r.months().get(r.months().size() - 1).month();
  }

  private static void summary(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"summary\"><h2>Summary</h2><ul>");
    li(
        h,
        String.format(
            Locale.ROOT,
            "%,d postings counted over %d months; %.1f %% of them with at least one skill.",
            r.postings(),
            r.months().size(),
            100 * r.skillCoverage()));
    if (!r.topSkills().isEmpty()) {
      li(
          h,
          "Most demanded skills: "
              + r.topSkills().stream()
                  .limit(3)
                  .map(s -> s.label() + " (" + pct(s.share()) + ")")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    List<String> shares = new ArrayList<>();
    r.collections()
        .forEach(
            (name, c) -> {
              if (!name.equals("transversal")) {
                shares.add(
                    (shares.isEmpty()
                            ? Character.toUpperCase(name.charAt(0)) + name.substring(1)
                            : name)
                        + " skills in "
                        + pct(c.share())
                        + " of postings");
              }
            });
    if (!shares.isEmpty()) {
      li(h, String.join("; ", shares) + ".");
    }
    List<EmergingReport.Skill> rising = r.emerging().emerging();
    li(
        h,
        rising.isEmpty()
            ? "No skill passes the emerging-skill test"
                + (r.emerging().note() == null ? "." : ": " + r.emerging().note())
            : rising.size()
                + " emerging skill(s): "
                + rising.stream()
                    .limit(5)
                    .map(EmergingReport.Skill::label)
                    .collect(Collectors.joining(", "))
                + ".");
    if (!r.gaps().skills().isEmpty()) {
      GapAnalysis.GapSkill g = r.gaps().skills().get(0);
      li(
          h,
          String.format(
              Locale.ROOT,
              "Largest gap: %s (%s of postings, taught by %d offer(s) in scope of %,d).",
              g.label(),
              pct(g.share()),
              g.offers(),
              r.gaps().offersInScope()));
    }
    OfferMatching.Match m = r.match();
    if (!m.picks().isEmpty()) {
      li(
          h,
          String.format(
              Locale.ROOT,
              "%d training offer(s) together cover %s of the gap's weight.",
              m.picks().size(),
              pct(m.coveredShare())));
    }
    h.append("</ul></section>");
  }

  private static void overTime(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"over-time\"><h2>Demand over time</h2>");
    if (r.months().isEmpty()) {
      h.append("<p>No postings.</p></section>");
      return;
    }
    h.append(
        SvgCharts.line(
            "Postings per month",
            r.months().stream().map(SectorReport.Month::month).toList(),
            r.months().stream().map(m -> (double) m.postings()).toList(),
            false));
    h.append("<table><caption>Postings per month, and their digital and green shares</caption>")
        .append("<thead><tr><th>Month</th><th class=\"n\">Postings</th>")
        .append("<th class=\"n\">Digital</th><th class=\"n\">Green</th></tr></thead><tbody>");
    for (SectorReport.Month m : r.months()) {
      h.append("<tr><td>")
          .append(esc(m.month()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", m.postings()))
          .append("</td><td class=\"n\">")
          .append(m.digital() == null ? "" : pct(m.digital()))
          .append("</td><td class=\"n\">")
          .append(m.green() == null ? "" : pct(m.green()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  private static void topSkills(StringBuilder h, SectorReport.Report r) {
    h.append("<section id=\"top-skills\"><h2>The most demanded skills</h2>");
    h.append("<p class=\"small\">Share of the postings mentioning each skill, with its 95 %")
        .append(" interval (Wilson) as a whisker.</p>");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (DemandReport.SkillDemand s : r.topSkills()) {
      bars.add(new SvgCharts.Bar(s.label(), s.share(), s.low(), s.high()));
    }
    h.append(SvgCharts.bars("The most demanded skills, share of postings", bars, true));
    h.append("<table><caption>The most demanded skills</caption><thead><tr><th>Skill</th>")
        .append("<th class=\"n\">Postings</th><th class=\"n\">Share</th>")
        .append("<th class=\"n\">95 % interval</th></tr></thead><tbody>");
    for (DemandReport.SkillDemand s : r.topSkills()) {
      h.append("<tr><td><a href=\"")
          .append(esc(s.uri()))
          .append("\">")
          .append(esc(s.label()))
          .append("</a></td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", s.postings()))
          .append("</td><td class=\"n\">")
          .append(pct(s.share()))
          .append("</td><td class=\"n\">")
          .append(pct(s.low()))
          .append(" – ")
          .append(pct(s.high()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  static void li(StringBuilder h, String text) {
    h.append("<li>").append(esc(text)).append("</li>");
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
