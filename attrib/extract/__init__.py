"""Extraction: rules over a :class:`~attrib.types.ParsedArticle` that find statements.

:func:`find_candidates` runs every rule of :data:`~attrib.extract.rules.RULES`
(cue-site rules on each cue site, then the document rules), then resolves
conflicts between them (:mod:`attrib.extract.conflicts`): a cue inside
quotation marks is part of the quote; relays become one statement; nested
statements and duplicates are dropped.  A participle cue after a comma with no
speaker of its own takes the speaker of the cue before it ("…, adding that S");
quotations no cue claimed become floating quotes of the previous speaker.  The type (direct, indirect, mixed)
is read from the quotation marks inside the content, the kind (speech, belief,
intention, evidence) from the cue and its subject (:mod:`attrib.extract.kinds`).
"""

from __future__ import annotations

from dataclasses import replace

from ..types import ParsedArticle
from . import conflicts
from .base import WORD, Candidate, DocView
from .floating import next_acts
from .kinds import statement_kind
from .rules import DOCUMENT_RULES, FLOATING_RULES, SITE_RULES
from .site import CueSite, cue_sites

__all__ = ["Candidate", "DocView", "find_candidates", "statement_type"]


def find_candidates(parse: ParsedArticle) -> tuple[DocView, list[Candidate]]:
    """All statements in ``parse`` before speaker resolution, in text order."""
    d = DocView(parse)
    cands: list[Candidate] = []
    for site in cue_sites(d):
        cands.extend(_claim(d, site))
    for rule in DOCUMENT_RULES:
        cands.extend(rule.find(d))
    cands = [c for c in cands if c.content and all(e > s for s, e in c.content)]
    # a cue inside quotation marks is part of the quoted speaker's words
    # ("“We cannot ... deny the right ...,” Mica said"), never a statement of its own
    cands = [c for c in cands if c.cue is None or not d.in_quote(c.cue[0])]
    cands = conflicts.outside_headlines(d, cands)
    cands = conflicts.well_formed(conflicts.relays(d, cands))
    cands = conflicts.drop_nested(d, cands)
    cands = conflicts.dedupe(cands)
    cands = next_acts(d, cands)
    for rule in FLOATING_RULES:
        cands = rule.find(d, cands)
    cands.sort(key=lambda c: (c.start, c.end))
    return d, [replace(c, type=statement_type(d, c), kind=statement_kind(d, c)) for c in cands]


def _claim(d: DocView, site: CueSite) -> list[Candidate]:
    """The candidates of the first site rule whose pattern applies to ``site``."""
    for rule in SITE_RULES:
        found = rule.find(d, site)
        if found is not None:
            return found
    return []


def statement_type(d: DocView, c: Candidate) -> str:
    """direct: the content is all inside quotation marks; mixed: part of it is;
    indirect: none of it."""
    inside = outside = 0
    for s, e in c.content:
        qspans = [q.inner for q in d.quotes if q.inner_start < e and s < q.inner_end]  # those that can hold a word
        if not qspans or len(qspans) == 1 and qspans[0][0] <= s and e <= qspans[0][1]:
            # (every word outside, or every word inside one quotation: counted at once)
            n = len(WORD.findall(d.text, s, e))
            inside, outside = (inside + n, outside) if qspans else (inside, outside + n)
            continue
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
