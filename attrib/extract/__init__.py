"""Extraction: rules over a :class:`ParsedArticle` that find statements.

:func:`find_candidates` runs every rule, then resolves conflicts between them:
relays ("Kim said S, the ministry said") become one statement with
``reported_by``; statements nested inside another's content are dropped (they
are part of that quote); duplicates keep the most confident rule; quotations
no cue claimed become floating quotes of the previous speaker.  The type
(direct, indirect, mixed) is read from the quotation marks inside the content.
"""

from __future__ import annotations

from ..types import ParsedArticle
from .base import WORD, Candidate, DocView
from .reported import according_to_rule, colon_rule, that_clause_rule, verb_cue_rule

RULES = (verb_cue_rule, according_to_rule, that_clause_rule, colon_rule)

FLOATING_CONF = 0.63  # measured like reported.CONF


def find_candidates(parse: ParsedArticle) -> tuple[DocView, list[Candidate]]:
    """All statements in ``parse`` before speaker resolution, in text order."""
    d = DocView(parse)
    cands: list[Candidate] = []
    for rule in RULES:
        cands.extend(rule(d))
    cands = [c for c in cands if c.content and all(e > s for s, e in c.content)]
    # a cue inside quotation marks is part of the quoted speaker's words
    # ("“We cannot ... deny the right ...,” Mica said"), never a statement of its own
    cands = [c for c in cands if c.cue is None or not d.in_quote(c.cue[0])]
    cands = _well_formed(_relays(d, cands))
    cands = _drop_nested(d, cands)
    cands = _dedupe(cands)
    cands.extend(floating_quote_rule(d, cands))
    cands.sort(key=lambda c: (c.start, c.end))
    for c in cands:
        c.type = statement_type(d, c)
    return d, cands


def _relays(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """"Kim said S, the ministry said": the trailing cue's content is itself a
    complete attribution, so the ministry relays Kim's statement rather than
    making one of its own.  The inner statement gets ``relay`` and ends
    before the relaying clause."""
    drop: set[int] = set()
    for oi, outer in enumerate(cands):
        if outer.orientation != "before" or outer.source is None or outer.rule.startswith("quote"):
            continue
        for inner in cands:
            if inner is outer or inner.cue_tok is None or inner.source is None:
                continue
            if not outer.covers(d.toks[inner.cue_tok].start):
                continue
            # the inner speaker opens the outer content: a whole attribution is relayed
            src_start = d.toks[outer.source[0]].start
            # (and says something: "The allies will respond together, Campbell
            # said" has no relayed statement in it, only Campbell's)
            said = d.words(inner.cue_tok + 1, outer.source[0])
            if d.toks[inner.source[0]].start <= outer.start + 2 and inner.orientation == "after" and said >= 3:
                inner.content = [(s, min(e, _before_comma(d, src_start))) for s, e in inner.content]
                inner.relay = outer.source
                drop.add(oi)
                break
    return [c for k, c in enumerate(cands) if k not in drop]


def _well_formed(cands: list[Candidate]) -> list[Candidate]:
    """Drop empty or inverted content spans (a relay can shorten a span to nothing)
    and the candidates left without content."""
    out = []
    for c in cands:
        c.content = [(s, e) for s, e in c.content if e > s]
        if c.content:
            out.append(c)
    return out


def _before_comma(d: DocView, char: int) -> int:
    """The end of the text before ``char``, skipping back over spaces and a comma."""
    k = char
    while k > 0 and d.text[k - 1] in " ,\n":
        k -= 1
    return k


def _drop_nested(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A cue inside another statement's content belongs to that statement
    ("which he said has had …" inside Campbell's content): drop it.  But when
    the inner cue governs the outer one in the parse ("Asked to *respond* to
    the criticism, Carson *said*, “…”"), the outer statement is the one that
    swallowed too much: drop that one instead."""
    drop: set[int] = set()
    for ci, c in enumerate(cands):
        if c.cue is None:
            continue
        for oi, o in enumerate(cands):
            if o is c or oi in drop or not o.covers(c.cue[0]) or (o.end - o.start) <= (c.end - c.start):
                continue
            if o.cue_tok is not None and c.cue_tok is not None and _governs(d, c.cue_tok, o.cue_tok):
                drop.add(oi)
            elif _main_clause(d, c) and o.orientation == "after" and c.start > o.start:
                # "X commented on Y, ... Christie said that Z": a whole attribution
                # of its own after the outer one's complement; the outer content
                # ran too far, so it ends where the inner speaker begins
                cut = _before_comma(d, d.toks[c.source[0]].start if c.source else c.cue[0])
                o.content = [(s, min(e, cut)) for s, e in o.content if s < cut]
                if not o.content or d.words(d.tok_at(o.start), d.tok_at(max(o.start, o.end - 1)) + 1) < 2:
                    drop.add(oi)
            else:
                drop.add(ci)
                break
    return [c for k, c in enumerate(cands) if k not in drop]


def _main_clause(d: DocView, c: Candidate) -> bool:
    """A candidate with its own speaker before its cue, whose cue heads a main or
    coordinated clause (not a relative or adverbial clause: "which he said ...")."""
    if c.cue_tok is None or c.source is None or c.source[0] > c.cue_tok:
        return False
    if c.source[0] > 0 and d.low(c.source[0] - 1) in ("which", "who", "whom", "that", "whose"):
        return False  # "…, which he said has had …": a relative clause
    return d.toks[c.cue_tok].deprel in ("root", "conj", "parataxis") and c.rule.startswith(("reported", "quote"))


def _governs(d: DocView, a: int, b: int) -> bool:
    """True when token ``a`` is an ancestor of token ``b`` in the parse."""
    seen = 0
    while b >= 0 and seen < 50:
        b = d.toks[b].head
        if b == a:
            return True
        seen += 1
    return False


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Two rules that found the same content keep the more confident one."""
    best: dict[tuple[tuple[int, int], ...], Candidate] = {}
    for c in cands:
        key = tuple(sorted(c.content))
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    return list(best.values())


def floating_quote_rule(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A quotation that fills its sentence(s) and has no cue continues the
    previous speaker (wire style: a name once, then several paragraphs of
    quotes).  Short quoted phrases inside a sentence are scare quotes or
    titles, not statements, and are skipped; so is a quote before any
    attribution (a headline)."""
    out: list[Candidate] = []
    claimed = [c for c in cands]
    for chain in d.chains:
        first, last = chain[0], chain[-1]
        if any(c.covers(first.inner_start) or c.covers(last.inner_end - 1) for c in claimed):
            continue
        short = d.text.count(" ", first.inner_start, last.inner_end) < 3
        # the quote must fill its sentence(s): little text outside it
        t0, t1 = d.tok_at(first.start), d.tok_at(max(last.end - 1, first.start))
        s0, _ = d.sent_range(t0)
        _, s1 = d.sent_range(t1)
        outside = d.words(s0, t0) + d.words(t1 + 1, s1)
        if outside > 2:
            continue
        prev = [c for c in claimed if c.end <= first.start and first.start - c.end < 1500 and c.source is not None]
        if not prev:
            continue
        speaker = max(prev, key=lambda c: c.end)
        # “A,” he said. “B.” — in the same paragraph, B goes on with the same statement
        gap = d.text[speaker.end : first.start]
        if speaker.rule.startswith("quote") and "\n" not in gap and len(gap) < 80:
            speaker.content = speaker.content + [q.inner for q in chain]
            continue
        if short:  # a short quoted phrase on its own is a title or a slogan, not a statement
            continue
        # the speaker mention is the one that named the speaker before
        c = Candidate(content=[q.inner for q in chain], rule="floating_quote", confidence=FLOATING_CONF,
                      source=speaker.source, orientation="none", speaker_from=speaker)
        out.append(c)
        claimed.append(c)
    return out


def statement_type(d: DocView, c: Candidate) -> str:
    """direct: the content is all inside quotation marks; mixed: part of it is;
    indirect: none of it."""
    inside = outside = 0
    qspans = [q.inner for q in d.quotes]
    for s, e in c.content:
        for m in (w.start() for w in WORD.finditer(d.text, s, e)):
            if any(qs <= m < qe for qs, qe in qspans):
                inside += 1
            else:
                outside += 1
    if inside == 0:
        return "indirect"
    if outside <= 1:
        return "direct"
    return "mixed"
