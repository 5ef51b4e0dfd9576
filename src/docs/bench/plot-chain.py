#!/usr/bin/env python3
"""Draws how ingest time and query latency grow with the number of vacancies, from the JSON
results of `bench --vacancies N` (one file per scale), as a small SVG with no dependencies.

    python3 src/docs/bench/plot-chain.py OUT.svg chain-100000.json chain-1000000.json ...
"""
import json
import math
import sys

W, H = 760, 330
PANEL_W, TOP, BOTTOM = 300, 40, 270
LEFT_X = (70, 440)
COLORS = {"demand": "#1f77b4", "emerging": "#ff7f0e", "gaps": "#2ca02c", "match": "#d62728"}


def load(paths):
    runs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: r["vacancies"])
    return runs


def log_axis(values, lo_pad=0.8, hi_pad=1.25):
    lo = math.log10(min(values) * lo_pad)
    hi = math.log10(max(values) * hi_pad)
    return lo, hi


def scale(v, lo, hi, a, b):
    return a + (math.log10(v) - lo) / (hi - lo) * (b - a)


def fmt_n(n):
    return f"{n / 1e6:g}M" if n >= 1e6 else f"{n / 1e3:g}k"


def panel(out, x0, title, xs, series, unit):
    allv = [v for _, vs in series for v in vs if v > 0]
    ylo, yhi = log_axis(allv)
    xlo, xhi = log_axis(xs, 0.7, 1.4)
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{TOP - 15}" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<rect x="{x0}" y="{TOP}" width="{PANEL_W}" height="{BOTTOM - TOP}" fill="none" stroke="#999"/>')
    for e in range(math.floor(ylo), math.ceil(yhi) + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if ylo <= math.log10(v) <= yhi:
                y = scale(v, ylo, yhi, BOTTOM, TOP)
                out.append(f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
                out.append(f'<text x="{x0 - 5}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v:g}</text>')
    out.append(f'<text x="{x0 - 45}" y="{(TOP + BOTTOM) / 2}" transform="rotate(-90 {x0 - 45} {(TOP + BOTTOM) / 2})" text-anchor="middle" font-size="12">{unit}</text>')
    for n in xs:
        x = scale(n, xlo, xhi, x0, x0 + PANEL_W)
        out.append(f'<text x="{x:.1f}" y="{BOTTOM + 16}" text-anchor="middle" font-size="11">{fmt_n(n)}</text>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{BOTTOM + 34}" text-anchor="middle" font-size="12">vacancies held (log)</text>')
    for i, (name, vs) in enumerate(series):
        color = COLORS.get(name, "#333")
        pts = [(scale(n, xlo, xhi, x0, x0 + PANEL_W), scale(v, ylo, yhi, BOTTOM, TOP)) for n, v in zip(xs, vs) if v > 0]
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (color, " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)))
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
        if len(series) > 1:
            out.append(f'<text x="{x0 + 8}" y="{TOP + 16 + 15 * i}" font-size="11" fill="{color}">{name}</text>')


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = load(sys.argv[2:])
    xs = [r["vacancies"] for r in runs]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="13">',
           '<title>Ingest time and query latency against the number of vacancies</title>',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    panel(out, LEFT_X[0], "Ingest (fast extraction)", xs, [("ingest", [r["ingest"]["seconds"] for r in runs])], "seconds")
    panel(out, LEFT_X[1], "Query latency, p95", xs,
          [(q, [r["queries"][q]["p95"] for r in runs]) for q in ("demand", "emerging", "gaps", "match")], "milliseconds")
    out.append("</svg>")
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
