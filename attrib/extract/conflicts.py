"""Conflicts between candidates of different rules, resolved in passes.

Each pass takes the candidates and returns a new list (candidates are frozen):
relays ("Kim said S, the ministry said") become one statement with the relay
marked; statements nested inside another's content are dropped (they are part
of that quote); duplicates keep the most confident rule.
"""

from __future__ import annotations

from dataclasses import replace

from .. import lexicon
from .base import QUOTE_CHARS, Candidate, DocView


def relays(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """"Kim said S, the ministry said": the trailing cue's content is itself a
    complete attribution, so the ministry relays Kim's statement rather than
    making one of its own.  The inner statement gets ``relay`` and ends
    before the relaying clause."""
    out = list(cands)
    drop: set[int] = set()
    for oi, outer in enumerate(out):
        if outer.orientation != "before" or outer.source is None or outer.rule.startswith("quote"):
            continue
        for ii, inner in enumerate(out):
            if ii == oi or inner.cue_tok is None or inner.source is None:
                continue
            if not outer.covers(d.toks[inner.cue_tok].start):
                continue
            # the inner speaker opens the outer content: a whole attribution is relayed
            # (and says something: "The allies will respond together, Campbell
            # said" has no relayed statement in it, only Campbell's)
            said = d.words(inner.cue_tok + 1, outer.source[0])
            if d.toks[inner.source[0]].start <= outer.start + 2 and inner.orientation == "after" and said >= 3:
                cut = before_comma(d, d.toks[outer.source[0]].start)
                out[ii] = replace(inner, content=tuple((s, min(e, cut)) for s, e in inner.content),
                                  relay=outer.source)
                drop.add(oi)
                break
    return [c for k, c in enumerate(out) if k not in drop]


def well_formed(cands: list[Candidate]) -> list[Candidate]:
    """Drop empty or inverted content spans (a relay can shorten a span to nothing)
    and the candidates left without content."""
    out = []
    for c in cands:
        spans = tuple((s, e) for s, e in c.content if e > s)
        if spans:
            out.append(replace(c, content=spans) if spans != c.content else c)
    return out


def before_comma(d: DocView, char: int) -> int:
    """The end of the text before ``char``, skipping back over spaces and a comma."""
    k = char
    while k > 0 and d.text[k - 1] in " ,\n":
        k -= 1
    return k


def drop_nested(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A cue inside another statement's content belongs to that statement
    ("which he said has had …" inside Campbell's content): drop it.  But when
    the inner cue governs the outer one in the parse ("Asked to *respond* to
    the criticism, Carson *said*, “…”"), the outer statement is the one that
    swallowed too much: drop that one instead; and when the inner one is a main
    clause of its own after the outer's complement, the outer ends before it."""
    out = list(cands)
    drop: set[int] = set()
    for ci in range(len(out)):
        c = out[ci]
        if c.cue is None:
            continue
        for oi in range(len(out)):
            o = out[oi]
            if oi == ci or oi in drop or not o.covers(c.cue[0]) or (o.end - o.start) <= (c.end - c.start):
                continue
            # ("At 2,300 feet, according to Gibson, Major said S": "according to" hangs on the
            # verb of the main clause it attributes, so a cue heading that clause governs it;
            # the clause, inner cue and all, is the outer statement's content)
            if o.cue_tok is not None and c.cue_tok is not None and governs(d, c.cue_tok, o.cue_tok) \
                    and not (o.rule == "according_to" and main_clause(d, c)):
                drop.add(oi)
            elif main_clause(d, c) and o.orientation == "after" and c.start > o.start:
                out[oi], keep = _cut_before(d, o, c)
                if not keep:
                    drop.add(oi)
            else:
                drop.add(ci)
                break
    return [c for k, c in enumerate(out) if k not in drop]


def _cut_before(d: DocView, o: Candidate, c: Candidate) -> tuple[Candidate, bool]:
    """"X commented on Y, ... Christie said that Z": a whole attribution of its own
    after the outer one's complement; the outer content ran too far, so it ends
    where the inner speaker begins.  Returns the shortened outer candidate and
    whether enough of it is left to keep."""
    first = c.source[0] if c.source else c.cue_tok
    if first is not None and first > 0 and d.toks[first - 1].upos in ("SCONJ", "CCONJ"):
        first -= 1  # (and the word that joins it: ", while Moscow said", ", but the mayor said")
    cut = before_comma(d, d.toks[first].start if first is not None else c.cue[0])
    spans = tuple((s, min(e, cut)) for s, e in o.content if s < cut)
    if not spans:
        return o, False
    o = replace(o, content=spans)
    return o, d.words(d.tok_at(o.start), d.tok_at(max(o.start, o.end - 1)) + 1) >= 2


def main_clause(d: DocView, c: Candidate) -> bool:
    """A candidate with its own speaker before its cue, whose cue heads a main or
    coordinated clause (not a relative or adverbial clause: "which he said ..."), or a
    contrast after a comma (", while Moscow said ...")."""
    if c.cue_tok is None or c.source is None or c.source[0] > c.cue_tok:
        return False
    if c.source[0] > 0 and d.low(c.source[0] - 1) in lexicon.RELATIVE_PRONOUNS:
        return False  # "…, which he said has had …": a relative clause
    if not c.rule.startswith(("reported", "quote")):
        return False
    # ("Officials said S, while Moscow said S2": a contrast after a comma, with a speaker of its
    # own after "while", sets a second speaker beside the first, whatever the parser hung it on;
    # not "..., while acknowledging that S2", the first speaker's next act)
    contrast = any(k.deprel == "mark" and k.lemma.lower() in ("while", "whereas") and 0 < k.i < c.source[0]
                   and d.toks[k.i - 1].text == "," for k in d.children(c.cue_tok))
    return contrast or d.toks[c.cue_tok].deprel in ("root", "conj", "parataxis")


def governs(d: DocView, a: int, b: int) -> bool:
    """True when token ``a`` is an ancestor of token ``b`` in the parse."""
    seen = 0
    while b >= 0 and seen < 50:
        b = d.toks[b].head
        if b == a:
            return True
        seen += 1
    return False


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two rules that found the same content keep the more confident one."""
    best: dict[tuple[tuple[int, int], ...], Candidate] = {}
    for c in cands:
        key = tuple(sorted(c.content))
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    return list(best.values())


def outside_headlines(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A headline or a link line ("Trump says students were treated unfairly") is
    an editor's paraphrase, not a statement: a short paragraph (under 25 words)
    that does not end like a sentence.  Quotations in it still count."""
    return [c for c in cands if c.cue is None or c.rule.startswith("quote") or not _headline_at(d, c.cue[0])]


def _headline_at(d: DocView, char: int) -> bool:
    start = d.text.rfind("\n", 0, char) + 1
    end = d.text.find("\n", char)
    line = d.text[start : end if end >= 0 else len(d.text)].strip()
    # (the last character first: most lines end like a sentence, and then no line is split into words)
    return line[-1:] not in _SENTENCE_ENDS and len(line.split()) < 25


_SENTENCE_ENDS = tuple(".?!:;…") + tuple(QUOTE_CHARS)
