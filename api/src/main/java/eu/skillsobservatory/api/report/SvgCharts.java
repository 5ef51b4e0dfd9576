package eu.skillsobservatory.api.report;

import static eu.skillsobservatory.api.report.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no external asset, sharp in print. Each chart has a
 * title for screen readers; the report gives its figures in a table beside it too.
 */
final class SvgCharts {
  private SvgCharts() {}

  static final String INK = "#1f2933";
  static final String BLUE = "#1f5fa8";
  static final String GRID = "#d5dbe1";

  /** One bar: its label, value, and interval (low, high), or nulls for none. */
  record Bar(String label, double value, Double low, Double high) {}

  /** A line over months (labels), with points and the first and last label under the axis. */
  static String line(String title, List<String> labels, List<Double> values, boolean percent) {
    int w = 680;
    int h = 220;
    int left = 56;
    int right = 30;
    int top = 16;
    int bottom = 36;
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    max = niceCeiling(max <= 0 ? 1 : max);
    StringBuilder s = open(title, w, h);
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = top + (h - top - bottom) * (1 - (double) i / 4);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">"
                  + "%s</text>",
              left,
              y,
              w - right,
              y,
              GRID,
              left - 6,
              y + 4,
              INK,
              number(v, percent)));
    }
    int n = values.size();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x = left + (n == 1 ? 0.5 : (double) i / (n - 1)) * (w - left - right);
      double y = top + (h - top - bottom) * (1 - values.get(i) / max);
      path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s</title></circle>",
              x,
              y,
              BLUE,
              esc(labels.get(i)),
              number(values.get(i), percent)));
      if (i == 0 || i == n - 1 || (n > 12 && i % 6 == 0) || (n <= 12 && n > 1)) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s"
                    + "</text>",
                x,
                h - bottom + 16,
                INK,
                esc(labels.get(i))));
      }
    }
    if (n > 1) {
      s.append("<path d=\"")
          .append(path.toString().strip())
          .append("\" fill=\"none\" stroke=\"")
          .append(BLUE)
          .append("\" stroke-width=\"2\"/>");
    }
    return s.append("</svg>").toString();
  }

  /** Horizontal bars, largest first as given, with their intervals as whiskers. */
  static String bars(String title, List<Bar> bars, boolean percent) {
    int w = 680;
    int row = 22;
    int labelWidth = 260;
    int right = 70;
    int h = 16 + row * Math.max(1, bars.size());
    double max = 0;
    for (Bar b : bars) {
      max = Math.max(max, b.high() == null ? b.value() : Math.max(b.value(), b.high()));
    }
    max = niceCeiling(max <= 0 ? 1 : max);
    double span = w - labelWidth - right;
    StringBuilder s = open(title, w, h);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = 8 + i * row;
      double len = span * b.value() / max;
      String label = b.label().length() > 42 ? b.label().substring(0, 41) + "…" : b.label();
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">%s</text>"
                  + "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
                  + "<title>%s: %s</title></rect>",
              labelWidth - 8,
              y + 11,
              INK,
              esc(label),
              labelWidth,
              y,
              Math.max(len, 1),
              BLUE,
              esc(b.label()),
              number(b.value(), percent)));
      if (b.low() != null && b.high() != null) {
        double x1 = labelWidth + span * b.low() / max;
        double x2 = labelWidth + span * b.high() / max;
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"1.5\"/>",
                x1,
                y + 7,
                x2,
                y + 7,
                INK));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>",
              labelWidth + Math.max(len, b.high() == null ? len : span * b.high() / max) + 6,
              y + 11,
              INK,
              number(b.value(), percent)));
    }
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int w, int h) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                    + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\"><title>%s</title>",
                w,
                h,
                esc(title),
                esc(title)));
  }

  static String number(double v, boolean percent) {
    if (percent) {
      return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.1f", v);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code v}. */
  static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
