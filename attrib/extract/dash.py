"""The dash rule: a quotation signed with a dash and a name (pull quotes, comments, embedded posts)."""

from __future__ import annotations

import re

from .. import lexicon
from .base import FINITE_XPOS, QUOTE_CHARS, Candidate, DocView
from .confidence import confidence

#: An attribution dash: em dash, en dash, horizontal bar or two hyphens, between spaces or not.
_DASH = re.compile(r"[ \u00a0]*(—|–|―|--)[ \u00a0]*")
_SPACE = " \u00a0\t"
#: What may follow the name: nothing (or a full stop), a role after a comma, a handle and a date.
_HANDLE = re.compile(r"\(@\w+\)[\w ,\u00a0]*\.?")
_ROLE = re.compile(r",[ \u00a0]*([^,()]+?)\.?")
_URL = re.compile(r"\S*(https?://|pic\.twitter\.com/)\S*$")
_NAME_WORDS = 6
_SENTENCE_END = re.compile(r"[.?!…][”\"’]?[ \u00a0]+(?=\S)")
_ROLE_WORDS = 8


def dash_quote(d: DocView, cands: list[Candidate]) -> list[Candidate]:
    """A quotation followed by a dash and a name — '“We will appeal.” — Mira Osei,
    lawyer', '“S.” ― Dana Lee', an embedded post 'S pic.twitter.com/… — Lakeside Power
    (@lakesidepower) May 2, 2021', or a pull quote whose next line is only '— Name': the
    layout of pull quotes, reader comments and embedded posts, where the dash is the
    only cue.  The name after the dash (capitalised words with a proper noun or a
    person or organisation entity; not a date or a place alone, nothing lower-case)
    is the speaker, and only a line-final signature counts, so a dash inside a
    sentence ("the plan — he said — failed") is none.  The quotation must end like a
    sentence (a quoted title does not); an unquoted text needs the post's handle.  A
    quotation another rule attributed keeps that rule's statement.  A pull quote that
    lost its dash ("S. Ana Ruiz, mayor") is read too, more strictly (:func:`_undashed`),
    with no cue.  Returns ``cands`` with the new statements added."""
    out = list(cands)
    prev: tuple[int, int] | None = None
    for m in re.finditer(r"[^\n]+", d.text):
        l0, l1 = m.start(), m.end()
        while l1 > l0 and d.text[l1 - 1] in _SPACE:
            l1 -= 1
        found = _signed_line(d, l0, l1, prev)
        prev = (l0, l1)
        if found is None:
            continue
        content, dash, source = found
        if any(c.covers(content[0]) and c.covers(content[1] - 1) for c in out):
            continue
        out.append(Candidate(content=(content,), rule="dash_quote", confidence=confidence("dash_quote"),
                             cue_tok=d.tok_at(dash[0]) if dash else None, cue=dash,
                             cue_lemma=d.text[dash[0]:dash[1]] if dash else None, source=source,
                             orientation="before"))
    return out


Span = tuple[int, int]


def _signed_line(d: DocView, l0: int, l1: int, prev: Span | None) -> tuple[Span, Span | None, Span] | None:
    """(content, dash, speaker tokens) of a signed quotation ending on line ``[l0, l1)``."""
    for m in _DASH.finditer(d.text, l0, l1):
        dash = m.span(1)
        source = _signature(d, m.end(), l1)
        if source is None:
            continue
        if m.start() == l0:  # the line is only the signature: the quotation is the line before
            content = _quotation(d, prev[0], prev[1], whole=True) if prev else None
        else:
            content = _quotation(d, l0, m.start())
            if content is None and _after_name(d, source, l1) == "handle":
                content = _post(d, l0, m.start())
        if content is not None:
            return content, dash, source
    return _undashed(d, l0, l1)


def _undashed(d: DocView, l0: int, l1: int) -> tuple[Span, None, Span] | None:
    """A pull quote whose dash was lost with its layout ("S. Ana Ruiz", "S. Tom Brandt,
    mayor"): the line's last sentence is only a person's or an organisation's name of two
    words or more (with a role).  Prose does not end a paragraph with a bare name."""
    ends = list(_SENTENCE_END.finditer(d.text[l0:l1]))
    if not ends:
        return None
    m = ends[-1]
    stop = d.tok_at(l0 + m.start())
    if d.toks[stop].start != l0 + m.start() or len(d.toks[stop].text) != 1:
        return None  # the full stop of an abbreviation ("the U.S. Prison System"): no sentence ends there
    if any(w in lexicon.CAPTION_WORDS for w in d.lows[d.tok_at(l0):stop]):
        return None  # a photo caption and its credit
    source = _signature(d, l0 + m.end(), l1)
    if source is None or source[1] - source[0] < 2 or _after_name(d, source, l1) == "handle":
        return None
    i, j = source
    if not all(d.toks[k].upos == "PROPN" for k in range(i, j)) or not any(
            e.label in ("PER", "ORG") and e.tok_start <= i and j <= e.tok_end + 1 for e in d.p.entities):
        return None
    content = _quotation(d, l0, l0 + m.start() + 1 + (m.group()[1:2] in QUOTE_CHARS and 1))
    if content is None:
        e = l0 + m.start()
        content = (l0, e) if len(d.text[l0:e].split()) >= 6 and d.text[l0] not in QUOTE_CHARS else None
    return (content, None, source) if content else None


def _quotation(d: DocView, l0: int, end: int, whole: bool = False) -> tuple[int, int] | None:
    """The inner span of the quotation that ends at ``end`` (closing mark just before it) and
    opens the line or a sentence; ``whole``: it must also open the line.  It must end like a
    sentence."""
    e = end
    while e > l0 and d.text[e - 1] in _SPACE:
        e -= 1
    if e - l0 < 2 or d.text[e - 1] not in QUOTE_CHARS:
        return None
    q = next((q for q in d.quotes if q.end == e and q.start >= l0), None)
    before = d.text[l0:q.start].rstrip(_SPACE) if q is not None else "?"
    if q is not None and not (whole and before) and (not before or before[-1] in ".?!…"):
        inner = q.inner_start, q.inner_end
    elif d.text[l0] in QUOTE_CHARS:
        # the whole line is the quotation: its opening mark is a stray one ("”Fear. …”") or
        # the marks nested inside it pair up wrongly ("… he has “the root of all evil’.”")
        inner = l0 + 1, e - 1
    else:
        return None
    body = d.text[inner[0]:inner[1]].rstrip(_SPACE + QUOTE_CHARS)
    if not body or body[-1] not in ".?!…" or len(body.split()) < 2:
        return None  # a quoted title or a phrase, not something said
    return inner


def _post(d: DocView, l0: int, end: int) -> tuple[int, int] | None:
    """An embedded post: the line's text before its trailing link(s) and final full stop."""
    e = end
    while True:
        text = d.text[l0:e].rstrip(_SPACE)
        m = _URL.search(text)
        if m is None:
            break
        e = l0 + m.start()
    while e > l0 and (d.text[e - 1] in _SPACE or d.text[e - 1] in ".!?"):
        e -= 1
    return (l0, e) if len(d.text[l0:e].split()) >= 4 else None


def _signature(d: DocView, start: int, l1: int) -> tuple[int, int] | None:
    """The speaker's tokens when ``[start, l1)`` is a name alone, or with a role or a handle."""
    i = d.tok_at(start)
    if i >= len(d.toks) or d.toks[i].start >= l1 or d.toks[i].start < start:
        return None
    j = i
    while j < len(d.toks) and d.toks[j].end <= l1 and j - i < _NAME_WORDS and _name_word(d, j, i):
        j += 1
    if j == i or d.toks[j - 1].text == ".":
        j -= 1 if j > i and d.toks[j - 1].text == "." else 0
    if j == i or _after_name(d, (i, j), l1) is None:
        return None
    run = range(i, j)
    if d.lows[i] in lexicon.TIME_WORDS:
        return None  # a dateline
    ents = [e for e in d.p.entities if e.tok_start < j and i < e.tok_end]
    if ents and all(e.label == "LOC" for e in ents) and _after_name(d, (i, j), l1) != "handle" \
            and (j - i == 1 or d.text.count(d.text[d.toks[i].start:d.toks[j - 1].end]) > 1):
        # a place alone ("— Ottawa"; a post's account is no place, and the tagger takes an
        # unfamiliar two-word name signed once for a place as often as for a person)
        return None
    if not any(d.toks[k].upos == "PROPN" for k in run) and not any(e.label in ("PER", "ORG") for e in ents):
        return None
    return i, j


def _name_word(d: DocView, k: int, first: int) -> bool:
    """Token ``k`` can be part of a name: capitalised, or the full stop of an initial."""
    t = d.toks[k].text
    if t == ".":
        return k > first and len(d.toks[k - 1].text) == 1
    return t[:1].isupper() and not (k > first and d.toks[k].start > d.toks[k - 1].end + 1)


def _after_name(d: DocView, source: tuple[int, int], l1: int) -> str | None:
    """What follows the name up to the line end: "" (nothing or a full stop), "role" or "handle"."""
    e = d.toks[source[1] - 1].end
    rest = d.text[e:l1].strip(_SPACE)
    if rest in ("", "."):
        return ""
    if _HANDLE.fullmatch(rest):
        return "handle"
    m = _ROLE.fullmatch(rest)
    if m and len(m.group(1).split()) <= _ROLE_WORDS and m.group(1)[:1].isalnum():
        k = source[1]
        while k < len(d.toks) and d.toks[k].start < l1:
            if d.toks[k].xpos in FINITE_XPOS or d.toks[k].upos == "AUX":
                return None  # a clause ("— Osei, who is appealing"), not a role
            k += 1
        return "role"
    return None
