"""Small charts as inline SVG, drawn on the server: nothing to download, no CDN, no script.

:func:`timeline_chart` (statements per month, oldest to newest, with a "date
unknown" column when some have no publication date) and :func:`bar_chart`
(counts by outlet, kind, speaker ...).  Every label is escaped; each bar has a
``<title>`` so a hover gives its exact count, and the figure carries an
``aria-label`` and a text table fallback for screen readers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup, escape

UNKNOWN = "date unknown"
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_BAR = "#4c8ed9"
_UNKNOWN_BAR = "#adb5bd"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_counts(dates: Iterable[Any]) -> list[tuple[str, int]]:
    """(YYYY-MM, count) for every month between the first and last date, empty months
    included (years instead when that is more than four years of months), then
    ("date unknown", count) when some dates are missing."""
    return month_totals((d, 1) for d in dates)


def month_totals(counted: Iterable[tuple[Any, int]]) -> list[tuple[str, int]]:
    """:func:`month_counts` of (date or month, number of statements) pairs (a summary's rows)."""
    counts: Counter[str] = Counter()
    for d, n in counted:
        counts[str(d)[:7] if d else UNKNOWN] += n
    unknown = counts.pop(UNKNOWN, 0)
    months = sorted(k for k in counts if _MONTH.match(k))
    out: list[tuple[str, int]] = []
    if months and len(_months(months[0], months[-1])) > 48:
        years = Counter()
        for k, n in counts.items():
            years[k[:4]] += n
        out = [(str(y), years.get(str(y), 0)) for y in range(int(min(years)), int(max(years)) + 1)]
    else:
        if months:
            out = [(k, counts.get(k, 0)) for k in _months(months[0], months[-1])]
        out += sorted((k, n) for k, n in counts.items() if not _MONTH.match(k))  # e.g. a bare year
    if unknown:
        out.append((UNKNOWN, unknown))
    return out


def _figure(svg: str, label: str, items: Sequence[tuple[str, int]]) -> Markup:
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{n}</td></tr>" for k, n in items)
    return Markup(
        f'<figure class="attrib-chart" aria-label="{escape(label)}">{svg}'
        f'<figcaption>{escape(label)}</figcaption>'
        f'<table class="attrib-chart-data"><tr><th>{escape(label)}</th><th>statements</th></tr>{rows}</table></figure>'
    )


def timeline_chart(dates: Iterable[Any], label: str = "Statements per month") -> Markup:
    """Columns of statements per month (publication date)."""
    return _timeline(month_counts(dates), label)


def timeline_chart_of(counted: Iterable[tuple[Any, int]], label: str = "Statements per month") -> Markup:
    """:func:`timeline_chart` of (date or month, number of statements) pairs."""
    return _timeline(month_totals(counted), label)


def _timeline(items: list[tuple[str, int]], label: str) -> Markup:
    if not items:
        return Markup('<p class="attrib-note">No statements.</p>')
    peak = max(n for _, n in items) or 1
    col, gap, height, top, bottom = 22, 4, 120, 14, 70
    width = max(len(items) * (col + gap) + 60, 160)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="attrib-svg" width="{width}" '
             f'height="{height + top + bottom}" viewBox="0 0 {width} {height + top + bottom}" role="img">',
             f'<line x1="24" y1="{top + height}" x2="{width}" y2="{top + height}" stroke="#999"/>',
             f'<text x="0" y="{top + 4}" font-size="10" fill="#555">{peak}</text>']
    for i, (key, n) in enumerate(items):
        x = 28 + i * (col + gap)
        h = round(height * n / peak)
        fill = _UNKNOWN_BAR if key == UNKNOWN else _BAR
        parts.append(f'<rect x="{x}" y="{top + height - h}" width="{col}" height="{h}" fill="{fill}">'
                     f'<title>{escape(key)}: {n}</title></rect>')
        if n:
            parts.append(f'<text x="{x + col / 2}" y="{top + height - h - 2}" font-size="10" '
                         f'text-anchor="middle" fill="#333">{n}</text>')
        tx, ty = x + col / 2, top + height + 8
        parts.append(f'<text x="{tx}" y="{ty}" font-size="10" fill="#333" text-anchor="end" '
                     f'transform="rotate(-60 {tx} {ty})">{escape(key)}</text>')
    parts.append("</svg>")
    return _figure("".join(parts), label, items)


def bar_chart(items: Sequence[tuple[Any, int]], label: str, limit: int = 12) -> Markup:
    """Horizontal bars, largest first (at most ``limit``, the rest summed as "others")."""
    items = [(str(k) if k not in (None, "") else "unknown", n) for k, n in items]
    items.sort(key=lambda kn: (-kn[1], kn[0]))
    if len(items) > limit:
        items = items[: limit - 1] + [("others", sum(n for _, n in items[limit - 1:]))]
    if not items:
        return Markup('<p class="attrib-note">No statements.</p>')
    peak = max(n for _, n in items) or 1
    row, label_w, bar_w = 20, 170, 220
    height = len(items) * row + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="attrib-svg" width="{label_w + bar_w + 40}" '
             f'height="{height}" viewBox="0 0 {label_w + bar_w + 40} {height}" role="img">']
    for i, (key, n) in enumerate(items):
        y = 3 + i * row
        w = max(1, round(bar_w * n / peak))
        shown = key if len(key) <= 28 else key[:27] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end" fill="#333">'
                     f'{escape(shown)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{w}" height="{row - 6}" fill="{_BAR}">'
                     f'<title>{escape(key)}: {n}</title></rect>')
        parts.append(f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="11" fill="#333">{n}</text>')
    parts.append("</svg>")
    return _figure("".join(parts), label, items)


def statement_charts(statements: Sequence[dict[str, Any]]) -> dict[str, Markup]:
    """The three charts of a page's statements: over time, by outlet and by kind."""
    return {
        "time": timeline_chart([s.get("date") for s in statements]),
        "outlet": bar_chart(list(Counter(s.get("outlet") for s in statements).items()), "Statements by outlet"),
        "kind": bar_chart(list(Counter(s.get("kind") or "speech" for s in statements).items()), "Statements by kind"),
    }
