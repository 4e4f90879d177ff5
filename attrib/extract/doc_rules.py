"""Rules that scan the whole document rather than a cue verb's site.

Each is a function ``(DocView) -> list[Candidate]``; its docstring says which
pattern it reads and why.
"""

from __future__ import annotations

from .. import lexicon
from .base import FINITE_XPOS, Candidate, DocView, mention_range, subject_of
from .confidence import confidence
from .site import is_cue, trim_mention


def according_to(d: DocView) -> list[Candidate]:
    """"S, according to X" / "According to X, S": the source is the noun
    phrase after "to"; the content is the rest of the sentence."""
    out: list[Candidate] = []
    lows = d.lows
    for i in range(len(d.toks) - 1):
        if lows[i] != "according" or lows[i + 1] != "to":
            continue
        s0, s1 = d.sent_range(i)
        end = s1
        while end > s0 and d.is_punct(end - 1) and not d.is_quote_mark(end - 1):
            end -= 1
        j = i + 2
        while j < end and d.toks[j].text not in (",", ";") and not _ends_source(d, i, j) \
                and not (j > i + 2 and lows[j] in lexicon.RELATIVE_PRONOUNS):
            j += 1
        j = _past_apposition(d, j, end)
        src = d.trim(i + 2, j)
        if src[1] <= src[0]:
            continue
        cue = (d.toks[i].start, d.toks[i + 1].end)
        left = d.trim(s0, i)
        # (after a comma only who/which open a relative clause: "According to EHS, that target
        # is met" is content)
        rest = j + 1 if j + 1 < end and d.toks[j].text == "," and lows[j + 1] in lexicon.RELATIVE_PRONOUNS \
            and lows[j + 1] != "that" else j
        if rest < end and d.toks[rest].xpos == "VBN":
            # ("according to a memo seen by Reuters", "documents reviewed by the Post": the
            # participle, to the next comma, says which document, it is not what it says)
            rest = next((k + 1 for k in range(rest, end) if d.toks[k].text == ","), end)
        elif rest < end and lows[rest] in lexicon.RELATIVE_PRONOUNS:
            # ("according to sources who were not authorized to speak", "According to Roe, who
            # was there, S": the source's relative clause, to the next comma, says who the
            # source is, not what was said)
            rest = next((k + 1 for k in range(rest, end) if d.toks[k].text == ","), end)
        right = d.trim(rest, end, keep_quotes=True)
        spans = [d.char_span(*r) for r in (left, right) if d.words(*r) >= 2]
        if not spans:
            continue
        out.append(Candidate(content=tuple(spans), rule="according_to", confidence=confidence("according_to"),
                             cue_tok=i,
                             cue=cue, cue_lemma="according to", source=src,
                             orientation="before" if left[1] > left[0] else "after"))
    return out


def _past_apposition(d: DocView, j: int, end: int) -> int:
    """Where the source of "according to" ends when it stops at comma ``j``: past an
    apposition that a second comma closes ("According to Li Na, a professor at Fudan
    University, the reforms have stalled": who she is, not what she said), a noun phrase
    of at most 12 words with no verb but a participle, followed by more words; else ``j``."""
    if j >= end or d.toks[j].text != ",":
        return j
    k = next((m for m in range(j + 1, min(end, j + 14)) if d.toks[m].text == ","), None)
    if k is None or k == j + 1 or d.words(k + 1, end) < 2:
        return j
    if d.toks[j + 1].upos not in ("DET", "ADJ") or d.low(k + 1) in lexicon.RELATIVE_PRONOUNS:
        return j  # (it opens as a noun phrase does: "a professor", "former chief economist")
    if any(d.toks[m].upos in ("VERB", "AUX") and d.toks[m].xpos not in ("VBN", "VBG")
           or d.low(m) in lexicon.RELATIVE_PRONOUNS for m in range(j + 1, k)):
        return j  # (a clause: "according to government data, 70 per cent of them eat badly, ...")
    return k


def _ends_source(d: DocView, i: int, j: int) -> bool:
    """Token ``j`` is a verb that ends the source of "according to" at ``i``: "according to
    a report released Monday", "according to police investigating the case".  The tagger
    often reads "to" as an infinitive marker and the word after it as a verb ("according to
    addiction experts", "according to media buying company X"): that first word, and a
    participle right after a word so misread, are part of the source."""
    t = d.toks[j]
    if t.upos not in ("VERB", "AUX"):
        return False
    if j == i + 2:
        return False
    return t.xpos in FINITE_XPOS or d.toks[j - 1].upos not in ("VERB", "AUX") or j - 1 > i + 2


def that_clause(d: DocView) -> list[Candidate]:
    """"X <verb> that S" with a verb outside the cue lists ("X signalled that
    S", "the report concluded that S"): a that-clause complement after a verb
    with a nominal subject is reported content far more often than not, so it
    is kept, with a low confidence."""
    out: list[Candidate] = []
    for v in range(len(d.toks)):
        t = d.toks[v]
        if t.upos != "VERB" or t.lemma.lower() in lexicon.CUE_LEMMAS or t.lemma.lower() in lexicon.NOT_CUES:
            continue
        if t.lemma.lower() in lexicon.EVIDENCE_ONLY_VERBS and is_cue(d, v):
            continue  # "the survey shows that S" is a cue site's (verb_cues.reported_after)
        # a finite verb (or one with an auxiliary): "a warning that ..." is no predicate
        if t.xpos not in FINITE_XPOS and not any(c.deprel == "aux" for c in d.children(v)):
            continue
        comp = next((c for c in d.children(v) if c.deprel == "ccomp" and c.i > v), None)
        if comp is None:
            continue
        sub = d.subtree(comp.i)
        if len(sub) != sub[-1] - sub[0] + 1:
            # (a clause with a gap, a word of the governing clause inside it, is a misparse:
            # "the agency overruled that request, the source added" with "that" read as a
            # complementizer and "request" as the object of "overruled")
            continue
        # a that-clause, or a full clause with its own subject right after the verb
        has_that = d.low(sub[0]) == "that"
        full_clause = any(c.deprel in ("nsubj", "nsubj:pass") for c in d.children(comp.i))
        if sub[0] - v > 4 or not (has_that or full_clause and sub[0] == v + 1):
            continue
        h = subject_of(d, v)
        if h is None or d.low(h) in ("it", "this", "that", "there") or d.toks[h].upos not in ("NOUN", "PROPN", "PRON"):
            continue
        src = mention_range(d, h, v)
        src = trim_mention(d, *src) if src else None
        a, b = d.trim(sub[0], sub[-1] + 1, keep_quotes=True)
        if src is None or d.words(a, b) < 3:
            continue
        out.append(Candidate(content=(d.char_span(a, b),), rule="that_clause", confidence=confidence("that_clause"),
                             cue_tok=v, cue=d.char_span(v, v + 1), cue_lemma=d.lemma(v), source=src,
                             orientation="after"))
    return out


def colon(d: DocView) -> list[Candidate]:
    """"Kasich: ‘We are going to Cleveland’" / "TAPPER: Do you think ...": a
    sentence that opens with a person's name and a colon attributes the rest
    (headline and transcript style).  The name must be a person entity, or
    an all-capitals word used as a person's name elsewhere in the text, so
    "Photo: ..." or "FALLEN: ..." are not speakers."""
    out: list[Candidate] = []
    surnames = {e.text.split()[-1].upper() for e in d.p.entities if e.label == "PER"}
    for sent in d.p.sentences:
        s0, s1 = sent.tok_start, sent.tok_end
        colon = next((k for k in range(s0, min(s1, s0 + 6)) if d.toks[k].text == ":"), None)
        if colon is None or colon == s0 or d.words(colon + 1, s1) < 3:
            continue
        name = d.text[d.toks[s0].start : d.toks[colon - 1].end]
        per = any(e.label == "PER" and e.tok_start == s0 and e.tok_end >= colon for e in d.p.entities)
        caps = name.isupper() and name.split()[-1] in surnames
        if not (per or caps):
            continue
        a, b = d.trim(colon + 1, s1, keep_quotes=True)
        out.append(Candidate(content=(d.char_span(a, b),), rule="colon", confidence=confidence("colon"), cue_tok=colon,
                             cue=d.char_span(colon, colon + 1), cue_lemma=":", source=(s0, colon),
                             orientation="after"))
    return out
