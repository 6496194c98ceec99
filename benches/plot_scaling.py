#!/usr/bin/env python3
"""Draws the growth curves of a scaling run (benches/scaling.sh) as one SVG.

Four panels, x = articles in the archive: build time (s), archive size and facets.tsv (MB),
peak memory of the build and of `check` (MB), query latency p50/p99 of gazette's full request
and of bare Tantivy (ms). A dotted grey line in the build and size panels is the linear
growth from the smallest size, to judge linearity by eye. The 10,000-article addition to the
largest archive is noted under the chart.

usage: benches/plot_scaling.py RESULTS.jsonl OUT.svg
  benches/plot_scaling.py /tmp/scaling/results.jsonl docs/scaling.svg

Python 3 standard library only (hand-written SVG).
"""

import json
import math
import sys
from xml.sax.saxutils import escape

W, H = 900, 700            # the whole picture
PW, PH = 440, 300          # one panel
ML, MR, MT, MB = 62, 16, 66, 44  # plot margins inside a panel
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"]


def nice_step(span, ticks=5):
    raw = span / ticks
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def fmt_count(v):
    if v >= 1e6 and v % 1e5 == 0:
        return f"{v / 1e6:g}M"
    if v >= 1e3 and v % 100 == 0:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def fmt_num(v):
    if v == 0:
        return "0"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:g}"


def panel(ox, oy, title, unit, xs, series, xmax, linear=None):
    """An SVG group for one panel at (ox, oy); series: [(label, [y...], dashed)]."""
    out = [f'<g transform="translate({ox},{oy})">']
    x0, x1, y0, y1 = ML, PW - MR, PH - MB, MT
    ys = [y for _, vals, _ in series for y in vals if y is not None]
    ytop = max(ys) if ys else 1
    if linear:
        ytop = max(ytop, linear[1] * xmax / linear[0])
    ystep = nice_step(ytop or 1)
    ymax = math.ceil((ytop or 1) / ystep) * ystep
    xstep = nice_step(xmax)
    xend = math.ceil(xmax / xstep) * xstep
    sx = lambda v: x0 + (x1 - x0) * v / xend
    sy = lambda v: y0 - (y0 - y1) * v / ymax
    out.append(f'<text x="{x0}" y="20" class="title">{escape(title)}'
               f' <tspan class="unit">({escape(unit)})</tspan></text>')
    # grid and ticks
    k = 0
    while k * ystep <= ymax + 1e-9:
        v = k * ystep
        y = sy(v)
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" class="ytick">{fmt_num(round(v, 6))}</text>')
        k += 1
    k = 0
    while k * xstep <= xend + 1e-9:
        v = k * xstep
        x = sx(v)
        out.append(f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y0 + 5}" class="axis"/>')
        out.append(f'<text x="{x:.1f}" y="{y0 + 18}" class="xtick">{fmt_count(v)}</text>')
        k += 1
    out.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" class="axis"/>')
    out.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" class="axis"/>')
    out.append(f'<text x="{(x0 + x1) / 2}" y="{PH - 8}" class="xlabel">articles</text>')
    if linear:
        n0, v0 = linear
        out.append(f'<line x1="{sx(0):.1f}" y1="{sy(0):.1f}" x2="{sx(xmax):.1f}" '
                   f'y2="{sy(v0 * xmax / n0):.1f}" class="linear"/>')
    # series
    for j, (label, vals, dashed) in enumerate(series):
        c = COLORS[j % len(COLORS)]
        pts = [(sx(x), sy(y)) for x, y in zip(xs, vals) if y is not None]
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        if len(pts) > 1:
            d = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(f'<polyline points="{d}" fill="none" stroke="{c}" stroke-width="2"{dash}/>')
        for (x, y), v in zip(pts, [v for v in vals if v is not None]):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{c}">'
                       f'<title>{escape(label)}: {fmt_num(round(v, 2))}</title></circle>')
        # legend, two columns between the title and the plot
        lx, ly = x0 + 190 * (j % 2), 38 + 15 * (j // 2)
        out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 20}" y2="{ly - 4}" stroke="{c}"'
                   f' stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 26}" y="{ly}" class="legend">{escape(label)}</text>')
    # the last value, at the last point
    if series and series[0][1] and series[0][1][-1] is not None:
        v = series[0][1][-1]
        out.append(f'<text x="{sx(xs[-1]) - 6:.1f}" y="{sy(v) - 8:.1f}" class="value">'
                   f'{fmt_num(round(v, 1))}</text>')
    out.append("</g>")
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: plot_scaling.py RESULTS.jsonl OUT.svg")
    rs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    if not rs:
        sys.exit("plot_scaling: no results")
    rs.sort(key=lambda r: r["articles"])
    xs = [r["articles"] for r in rs]
    xmax = max(xs)
    col = lambda k: [r.get(k) for r in rs]
    lin = lambda k: (xs[0], rs[0][k]) if len(rs) > 1 and rs[0].get(k) else None
    body = []
    body += panel(0, 40, "Build time", "s", xs,
                  [("gazette index (quotes, entities)", col("build_s"), False)],
                  xmax, lin("build_s"))
    body += panel(PW + 20, 40, "Size on disk", "MB", xs,
                  [("archive (du)", col("index_mb"), False),
                   ("facets.tsv", col("facets_mb"), True)], xmax, lin("index_mb"))
    body += panel(0, 40 + PH + 10, "Peak memory", "MB", xs,
                  [("index build", col("build_peak_mb"), False),
                   ("check", col("check_peak_mb"), True)], xmax)
    body += panel(PW + 20, 40 + PH + 10, "Query latency", "ms", xs,
                  [("gazette p50", col("gazette_p50_ms"), False),
                   ("gazette p99", col("gazette_p99_ms"), True),
                   ("bare Tantivy p50", col("bare_p50_ms"), False),
                   ("bare Tantivy p99", col("bare_p99_ms"), True)], xmax)
    last = rs[-1]
    note = f"machine: {last.get('machine', '?')}; dotted grey: linear growth from the smallest size"
    if "add_s" in last:
        note = (f"adding {last.get('add_articles') or 0:,} new articles to {last['articles']:,}: "
                f"{last['add_s']:.1f} s, peak {last['add_peak_mb']:,.0f} MB.  " + note)
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'viewBox="0 0 {W} {H}" font-family="Helvetica, Arial, sans-serif">',
        "<style>"
        ".title{font-size:15px;font-weight:bold;fill:#222}"
        ".unit{font-weight:normal;fill:#555}"
        ".ytick{font-size:11px;fill:#444;text-anchor:end}"
        ".xtick{font-size:11px;fill:#444;text-anchor:middle}"
        ".xlabel{font-size:12px;fill:#444;text-anchor:middle}"
        ".legend{font-size:11px;fill:#333}"
        ".value{font-size:11px;fill:#111;text-anchor:end}"
        ".note{font-size:11px;fill:#555}"
        ".grid{stroke:#e4e4e4;stroke-width:1}"
        ".axis{stroke:#333;stroke-width:1}"
        ".linear{stroke:#999;stroke-width:1.2;stroke-dasharray:2 3}"
        "</style>",
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="17" font-weight="bold">'
        f"gazette: growth with archive size ({len(rs)} sizes, "
        f"{fmt_count(xs[0])} to {fmt_count(xmax)} articles)</text>",
        *body,
        f'<text x="12" y="{H - 10}" class="note">{escape(note)}</text>',
        "</svg>",
    ]
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
