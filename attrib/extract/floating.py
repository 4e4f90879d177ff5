"""The floating-quote rule: quotations with no cue of their own."""

from __future__ import annotations

from dataclasses import replace

from .base import Candidate, DocView
from .confidence import confidence


def floating_quote(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A quotation that fills its sentence(s) and has no cue continues the
    previous speaker (wire style: a name once, then several paragraphs of
    quotes).  In the same paragraph, right after a quote statement, it is more of
    that statement (“A,” he said. “B.”).  Short quoted phrases inside a sentence
    are scare quotes or titles, not statements, and are skipped; so is a quote
    before any attribution (a headline).  Returns ``cands`` with the continued
    statements extended and the floating quotes added."""
    out = list(cands)
    for chain in d.chains:
        first, last = chain[0], chain[-1]
        if any(c.covers(first.inner_start) or c.covers(last.inner_end - 1) for c in out):
            continue
        if not _fills_sentences(d, first.start, max(last.end - 1, first.start)):
            continue
        prev = [k for k, c in enumerate(out) if c.end <= first.start and first.start - c.end < 1500
                and c.source is not None]
        if not prev:
            continue
        k = max(prev, key=lambda k: out[k].end)
        speaker = out[k]
        inner = tuple(q.inner for q in chain)
        gap = d.text[speaker.end : first.start]
        if speaker.rule.startswith("quote") and "\n" not in gap and len(gap) < 80:
            out[k] = replace(speaker, content=speaker.content + inner)
            continue
        if d.text.count(" ", first.inner_start, last.inner_end) < 3:
            continue  # a short quoted phrase on its own is a title or a slogan, not a statement
        # the speaker mention is the one that named the speaker before
        out.append(Candidate(content=inner, rule="floating_quote", confidence=confidence("floating_quote"),
                             source=speaker.source, orientation="none", speaker_from=speaker.anchor))
    return out


def _fills_sentences(d: DocView, start: int, last: int) -> bool:
    """Little text (two words at most) outside the quotation in its sentence(s)."""
    t0, t1 = d.tok_at(start), d.tok_at(last)
    s0, _ = d.sent_range(t0)
    _, s1 = d.sent_range(t1)
    return d.words(s0, t0) + d.words(t1 + 1, s1) <= 2
