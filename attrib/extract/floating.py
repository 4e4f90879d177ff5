"""Statements whose speaker goes on from an earlier one: quotations with no cue of their
own (the floating-quote rule), and a speaker's next act after a comma ("…, adding that S")."""

from __future__ import annotations

from dataclasses import replace

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
                             speaker_from=_continued(speaker)))
    return out


def _fills_sentences(d: DocView, start: int, last: int) -> bool:
    """Little text (two words at most) outside the quotation in its sentence(s)."""
    t0, t1 = d.tok_at(start), d.tok_at(last)
    s0, _ = d.sent_range(t0)
    _, s1 = d.sent_range(t1)
    return d.words(s0, t0) + d.words(t1 + 1, s1) <= 2


def next_acts(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """"“…,” Roe said in a statement, adding that S": a participle cue after a comma whose
    statement has no speaker (the parser hung the participle on a verb inside the quotation,
    or on a cue with no subject of its own) is the next act of the speaker of the statement
    before it in the sentence, so it takes that speaker.  It has no speaker mention of its
    own, as a floating quote has none.  This is the fallback of site._speaker_of_verb_above,
    which finds the speaker through the parse where it can (and then gives the participle
    the mention).  Returns ``cands``, those statements changed."""
    out = list(cands)
    for n, c in enumerate(out):
        v = c.cue_tok
        if c.source is not None or c.speaker_from is not None or v is None or v == 0:
            continue
        if d.toks[v].xpos != "VBG" or d.toks[v - 1].text != ",":
            continue
        s0, _ = d.sent_range(v)
        # (not a cue inside a relative clause: in "X refused to pay an architect who said he was
        # stiffed, saying S" the one saying S is X, not the architect)
        before = [p for p in out if p.cue_tok is not None and s0 <= p.cue_tok < v
                  and (p.source is not None or p.speaker_from is not None) and not _in_relative(d, p.cue_tok)]
        if before:
            p = max(before, key=lambda p: p.cue_tok or 0)
            out[n] = replace(c, speaker_from=_continued(p))
    return out


def _in_relative(d: DocView, k: int) -> bool:
    """Token ``k`` lies in a clause that modifies a noun (a relative clause or a reduced one)."""
    for _ in range(8):
        t = d.toks[k]
        if t.deprel.startswith("acl"):
            return True
        if t.head < 0:
            return False
        k = t.head
    return False


def _continued(c: Candidate) -> int:
    """The anchor of the statement whose speaker a statement going on from ``c`` takes: the
    one ``c`` itself goes on from, else ``c``."""
    return c.speaker_from if c.speaker_from is not None else c.anchor
