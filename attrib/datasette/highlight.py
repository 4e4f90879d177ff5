"""Article text as HTML with every statement's content, cue and speaker spans highlighted.

Article text and every stored value are untrusted: each piece of text and
each attribute is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    part: str  # "content", "cue" or "speaker"
    statement: str


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _clip(start: Any, end: Any, n: int) -> tuple[int, int] | None:
    s, e = _as_int(start), _as_int(end)
    if s is None or e is None:
        return None
    s, e = max(0, min(n, s)), max(0, min(n, e))
    return (s, e) if s < e else None


def _content_spans(st: Mapping[str, Any], n: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    raw = st.get("content_spans")
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        parsed = None
    if isinstance(parsed, (list, tuple)):
        for item in parsed:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                span = _clip(item[0], item[1], n)
                if span:
                    spans.append(span)
    if not spans:
        span = _clip(st.get("start"), st.get("end"), n)
        if span:
            spans.append(span)
    return sorted(spans)


def _fmt_confidence(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return "?"


def statement_summary(st: Mapping[str, Any]) -> str:
    """One line describing a statement's speaker, role, organisation, kind (unless speech) and
    confidence (plain text)."""
    speaker = st.get("speaker_name") or st.get("speaker") or st.get("speaker_text") or "unknown speaker"
    kind = st.get("speaker_kind")
    parts = [f"{speaker} ({kind})" if kind else str(speaker)]
    if st.get("role"):
        parts.append(f"role: {st['role']}")
    org = st.get("organisation_name") or st.get("organisation")
    if org:
        parts.append(f"organisation: {org}")
    relay = st.get("reported_by_name") or st.get("reported_by")
    if relay:
        parts.append(f"reported by: {relay}")
    if st.get("kind") not in (None, "", "speech"):
        parts.append(str(st["kind"]))  # belief, intention or evidence: not something said
    if st.get("type"):
        parts.append(str(st["type"]))
    parts.append(f"confidence {_fmt_confidence(st.get('confidence'))}")
    if st.get("rule"):
        parts.append(f"rule {st['rule']}")
    return " · ".join(parts)


_PART_LABEL = {"content": "statement", "cue": "cue", "speaker": "speaker"}


@dataclass
class _Layout:
    """The marks of the statements of one article, their anchors, rows and content lengths."""

    marks: list[_Mark] = field(default_factory=list)
    anchors: dict[int, list[str]] = field(default_factory=dict)
    info: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    extent: dict[str, int] = field(default_factory=dict)

    def add(self, st: Mapping[str, Any], n: int) -> None:
        """Add statement row ``st`` (ignored without an id, or if its id was seen) for a text of length ``n``."""
        sid = st.get("id")
        if sid in (None, "") or str(sid) in self.info:
            return
        sid = str(sid)
        self.info[sid] = st
        spans = _content_spans(st, n)
        self.marks.extend(_Mark(s, e, "content", sid) for s, e in spans)
        for part, a, b in (("cue", "cue_start", "cue_end"), ("speaker", "speaker_start", "speaker_end")):
            span = _clip(st.get(a), st.get(b), n)
            if span:
                self.marks.append(_Mark(span[0], span[1], part, sid))
        self.extent[sid] = sum(e - s for s, e in spans) if spans else n + 1
        first = spans[0][0] if spans else _as_int(st.get("start"))
        self.anchors.setdefault(max(0, min(n, first if first is not None else 0)), []).append(sid)


def highlight_article(
    text: str | None, statements: Sequence[Mapping[str, Any]], target: str | None = None
) -> Markup:
    """HTML of ``text`` with the content, cue and speaker spans of ``statements`` marked.

    ``statements`` are rows with at least ``id`` and the offset columns of the
    ``statements`` table (``content_spans`` or ``start``/``end``, ``cue_start``/
    ``cue_end``, ``speaker_start``/``speaker_end``); other columns feed the
    tooltips (see :func:`statement_summary`).  Spans may overlap or nest in any
    way: the text is cut at every span boundary and each piece becomes one
    ``<span>`` carrying the classes of all spans covering it
    (``attrib-content``, ``attrib-cue``, ``attrib-speaker``, plus
    ``attrib-target`` for the statement ``target``).  Each statement gets an
    empty ``<span id="s-{id}">`` anchor where its content starts.  Offsets out
    of range are clipped, empty or malformed ones ignored; every piece of text
    and attribute is escaped.
    """
    text = text if isinstance(text, str) else ""
    n = len(text)
    layout = _Layout()
    for st in statements:
        layout.add(st, n)
    marks, anchors, info, extent = layout.marks, layout.anchors, layout.info, layout.extent

    # Every span start and end is a boundary, so a span covers the piece
    # [a, next boundary) exactly when start <= a < end: sweep left to right.
    bounds = sorted({0, n, *anchors, *(m.start for m in marks), *(m.end for m in marks)})
    by_start = sorted(marks, key=lambda m: m.start)
    j = 0
    active: list[_Mark] = []
    out: list[str] = []
    for i, a in enumerate(bounds):
        for sid in anchors.get(a, ()):
            out.append(f'<span class="attrib-anchor" id="s-{escape(sid)}"></span>')
        if i + 1 == len(bounds):
            break
        while j < len(by_start) and by_start[j].start <= a:
            active.append(by_start[j])
            j += 1
        active = [m for m in active if m.end > a]
        piece = escape(text[a : bounds[i + 1]])
        if not active:
            out.append(str(piece))
            continue
        out.append(str(_segment(piece, active, info, extent, target)))
    return Markup("".join(out))


def _segment(
    piece: Markup,
    active: list[_Mark],
    info: Mapping[str, Mapping[str, Any]],
    extent: Mapping[str, int],
    target: str | None,
) -> Markup:
    parts = {m.part for m in active}
    # innermost statement first: the one whose content is shortest
    sids = sorted({m.statement for m in active}, key=lambda s: (extent.get(s, 0), s))
    classes = [f"attrib-{p}" for p in ("content", "cue", "speaker") if p in parts]
    depth = len({m.statement for m in active if m.part == "content"})
    if depth > 1:
        classes.append("attrib-nested")
    if target is not None and target in sids:
        classes.append("attrib-target")
    lines = []
    for sid in sids:
        own = [_PART_LABEL[p] for p in ("content", "cue", "speaker") if any(
            m.statement == sid and m.part == p for m in active)]
        lines.append(f"{' + '.join(own)}: {statement_summary(info[sid])}")
    return Markup(
        '<span class="{}" data-statement="{}" data-statements="{}" title="{}">{}</span>'
    ).format(" ".join(classes), sids[0], " ".join(sids), "\n".join(lines), piece)


