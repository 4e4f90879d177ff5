"""The floating-quote rule: quotations with no cue of their own."""

from __future__ import annotations

from .base import Candidate, DocView
from .confidence import confidence


def floating_quote(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A quotation that fills its sentence(s) and has no cue continues the
    previous speaker (wire style: a name once, then sentences and paragraphs of
    quotes: “A,” he said. “B.”).  Each such quotation is a statement of its own,
    with that speaker and no speaker mention of its own (its sentence names no
    one).  Short quoted phrases in a new paragraph are titles or slogans, not
    statements, and are skipped; so is a quote before any attribution (a
    headline).  Returns ``cands`` with the floating quotes added."""
    out = list(cands)
    for chain in d.chains:
        first, last = chain[0], chain[-1]
        if any(c.covers(first.inner_start) or c.covers(last.inner_end - 1) for c in out):
            continue
        if not _fills_sentences(d, first.start, max(last.end - 1, first.start)):
            continue
        prev = [c for c in out if c.end <= first.start and first.start - c.end < 1500
                and (c.source is not None or c.speaker_from is not None)]
        if not prev:
            continue
        speaker = max(prev, key=lambda c: c.end)
        gap = d.text[speaker.end : first.start]
        goes_on = speaker.rule.startswith("quote") and "\n" not in gap and len(gap) < 80
        if not goes_on and d.text.count(" ", first.inner_start, last.inner_end) < 3:
            continue  # a short quoted phrase on its own is a title or a slogan, not a statement
        out.append(Candidate(content=tuple(q.inner for q in chain), rule="floating_quote",
                             confidence=confidence("floating_quote"), orientation="none",
                             speaker_from=speaker.speaker_from if speaker.speaker_from is not None
                             else speaker.anchor))
    return out


def _fills_sentences(d: DocView, start: int, last: int) -> bool:
    """Little text (two words at most) outside the quotation in its sentence(s)."""
    t0, t1 = d.tok_at(start), d.tok_at(last)
    s0, _ = d.sent_range(t0)
    _, s1 = d.sent_range(t1)
    return d.words(s0, t0) + d.words(t1 + 1, s1) <= 2
