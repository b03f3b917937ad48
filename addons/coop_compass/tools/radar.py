# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A radar (spider) chart as plain SVG, drawn on the server: no JavaScript, no external service.

radar_svg(labels, series) -> str; series is a list of (legend, values 0-100, kind) where
kind is one of "current", "previous", "average" (colour and line style)."""
import math
from xml.sax.saxutils import escape

STYLES = {
    "current": {"stroke": "#1b6e5a", "fill": "#1b6e5a", "opacity": "0.25", "dash": ""},
    "previous": {"stroke": "#d9822b", "fill": "#d9822b", "opacity": "0.10", "dash": "6 4"},
    "average": {"stroke": "#5a5a8c", "fill": "none", "opacity": "0", "dash": "2 3"},
}
SIZE = 520
CENTER = SIZE / 2.0
RADIUS = 170.0
MARGIN = 70  # room for the axis labels left and right
RINGS = (20, 40, 60, 80, 100)


def _point(index, count, value):
    """x, y of value (0-100) on axis index of count axes; axis 0 points up."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * max(0.0, min(100.0, value)) / 100.0
    return CENTER + r * math.cos(angle), CENTER + r * math.sin(angle)


def _polygon_points(values):
    count = len(values)
    return " ".join("%.1f,%.1f" % _point(i, count, v) for i, v in enumerate(values))


def _wrap(label, width=18):
    """Split an axis label over at most three lines."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = ("%s %s" % (line, word)).strip()
    if line:
        lines.append(line)
    if len(lines) > 3:
        lines = lines[:2] + [" ".join(lines[2:])]
    return lines


def radar_svg(labels, series, title="Radar chart"):
    count = len(labels)
    if count < 3:
        raise ValueError("A radar chart needs at least three axes.")
    legend_height = 22 * len(series) + 10
    height = SIZE + legend_height
    out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="%d 0 %d %d" width="100%%" '
           'role="img" aria-labelledby="radar-title" class="o_coop_compass_radar" '
           'style="max-width:%dpx;font-family:sans-serif">' % (-MARGIN, SIZE + 2 * MARGIN, height, SIZE + 2 * MARGIN),
           '<title id="radar-title">%s</title>' % escape(title)]
    # grid: rings and axes
    for ring in RINGS:
        out.append('<polygon points="%s" fill="none" stroke="#c8c8c8" stroke-width="1"/>'
                   % _polygon_points([ring] * count))
        x, y = _point(0, count, ring)
        out.append('<text x="%.1f" y="%.1f" font-size="10" fill="#777" text-anchor="start">%d</text>'
                   % (x + 3, y + 3, ring))
    for i, label in enumerate(labels):
        x, y = _point(i, count, 100)
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#c8c8c8" stroke-width="1"/>'
                   % (CENTER, CENTER, x, y))
        lx, ly = _point(i, count, 118)
        anchor = "middle" if abs(lx - CENTER) < 20 else ("start" if lx > CENTER else "end")
        lines = _wrap(label)
        top = ly - 7 * (len(lines) - 1)
        spans = "".join('<tspan x="%.1f" y="%.1f">%s</tspan>' % (lx, top + 14 * n, escape(text))
                        for n, text in enumerate(lines))
        out.append('<text font-size="12" fill="#222" text-anchor="%s" class="o_radar_axis">%s</text>'
                   % (anchor, spans))
    # series, first drawn last so that the current version is on top
    for legend, values, kind in reversed(series):
        style = STYLES.get(kind, STYLES["current"])
        out.append('<polygon class="o_radar_%s" points="%s" fill="%s" fill-opacity="%s" stroke="%s" '
                   'stroke-width="2.5" stroke-dasharray="%s"><title>%s</title></polygon>'
                   % (kind, _polygon_points(values), style["fill"], style["opacity"],
                      style["stroke"], style["dash"], escape(legend)))
        if kind == "current":
            for i, value in enumerate(values):
                x, y = _point(i, count, value)
                out.append('<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s: %d</title></circle>'
                           % (x, y, style["stroke"], escape(labels[i]), round(value)))
    # legend
    for n, (legend, _values, kind) in enumerate(series):
        style = STYLES.get(kind, STYLES["current"])
        y = SIZE + 12 + 22 * n
        out.append('<line x1="40" y1="%d" x2="80" y2="%d" stroke="%s" stroke-width="3" '
                   'stroke-dasharray="%s"/>' % (y, y, style["stroke"], style["dash"]))
        out.append('<text x="90" y="%d" font-size="13" fill="#222">%s</text>' % (y + 4, escape(legend)))
    out.append("</svg>")
    return "".join(out)
