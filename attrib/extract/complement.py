"""The content after a cue: where the complement of "X said ..." starts and ends.

:func:`content_after` finds the start (past the recipient of "told reporters
that", a time phrase before "that", the complementiser) and then applies each
``_end_*`` step in turn; each step may only move the end earlier, except the
last two, which follow quotation marks.
"""

from __future__ import annotations

from .. import lexicon
from .base import FINITE_XPOS, DocView, calls_for

# Dependents of the cue that hold what was said.
COMPLEMENTS = ("ccomp", "xcomp", "obj", "iobj", "parataxis", "csubj")


def content_after(d: DocView, v: int, s_end: int) -> tuple[int, int]:
    """Token range of the complement after cue ``v``, up to the sentence end ``s_end``."""
    i = _start(d, v, s_end)
    j = s_end
    for step in (_end_after_quoted_name, _end_at_new_predicate, _end_at_own_attribution, _end_at_inner_speech_act,
                 _end_at_trailing_attribution, _end_at_next_speech_act, _end_at_trailing_relative,
                 _end_at_participle_clause, _end_of_relative_clause, _end_of_complement, _end_of_quote_around_cue):
        j = step(d, v, i, j)
    j = _end_of_quote_opened(d, v, i, j)
    return d.trim(i, j, keep_quotes=True)


def _start(d: DocView, v: int, s_end: int) -> int:
    i = v + 1
    # (and the verb's particle: "points out that", "tweeted out that")
    while i < s_end and (d.toks[i].text in (",", ":", "—", "–")
                         or d.toks[i].deprel == "compound:prt" and d.toks[i].head == v):
        i += 1
    if i == v + 1 < s_end and calls_for(d, v):
        i += 1  # "called for a moratorium": the demand follows the particle
    if d.lemma(v) in lexicon.RECIPIENT_VERBS:
        i = _past_recipient(d, v, i, s_end)
    k = _past_that(d, i, s_end)
    # (after "that" whatever comes first is the clause's: "found that in the three largest
    # counties, which include ..., voters ..." is not to be skipped to a misattached clause)
    return k if k > i else _past_adjunct(d, v, i, s_end)


def _past_recipient(d: DocView, v: int, i: int, s_end: int) -> int:
    """"told a gathering in Washington (that) she will ...": the content starts at
    the clause (or quotation), after the recipient.  With no recipient ("warns that it's
    going to “explode.”", the complementiser right after the cue) the clause starts here,
    not at a quotation inside it."""
    if i < s_end and d.low(i) in lexicon.COMPLEMENTIZERS and d.toks[i].upos == "SCONJ":
        return i
    comp = _ccomp_after(d, v, i)
    quote = next((k for k in range(i, min(s_end, i + 12)) if d.is_quote_mark(k)), None)
    starts = [x for x in (min(d.subtree(comp)) if comp is not None else None, quote) if x is not None]
    if starts and min(starts) - i < 12:
        i = min(starts)
    else:
        obj = next((c for c in d.children(v) if c.deprel in ("obj", "iobj") and c.i >= i), None)
        if obj is not None:
            sub = d.subtree(obj.i)
            if sub[0] == i and len(sub) < 8:
                i = sub[-1] + 1
    while i < s_end and d.toks[i].text in (",", ":"):
        i += 1
    return i


def _past_that(d: DocView, i: int, s_end: int) -> int:
    """"said on Thursday that ..." / "said in a statement that ...": skip to after "that"."""
    for k in range(i, min(i + 12, s_end)):
        t = d.toks[k]
        if t.text.lower() == "that" and (t.upos == "SCONJ" or misread_that(d, i, k)):
            if all(d.toks[m].upos not in ("VERB", "AUX") for m in range(i, k)):
                return k + 1
            return i
        if t.upos in ("VERB", "AUX"):
            return i
    return i


def misread_that(d: DocView, i: int, k: int) -> bool:
    """"tweeted out that at 8:40 a.m., there was ...", "announced in a statement this month
    that he had reached ...": the parser read the complementiser "that" at ``k`` as a
    pronoun (the cue's object, or a relative pronoun of the noun before it).  Right where
    the content starts (``i``), or after an adjunct opened by a preposition, a "that"
    followed by a comma, a preposition or the subject of a clause opens that clause.  Not
    "said the same thing that he said" (a noun phrase, no adjunct, before it), nor "that"
    followed by a verb ("the statement that was released": a relative pronoun subject) or
    by its noun ("that plan": a determiner)."""
    if d.low(k) != "that" or d.toks[k].upos != "PRON" or k + 1 >= len(d.toks):
        return False
    if k > i and d.toks[i].upos != "ADP":
        return False
    nxt = d.toks[k + 1]
    return nxt.text == "," or nxt.upos == "ADP" or nxt.deprel in ("nsubj", "nsubj:pass", "expl") \
        or nxt.upos == "DET" and k + 2 < len(d.toks) and d.toks[k + 2].deprel in ("nsubj", "nsubj:pass")


def _past_adjunct(d: DocView, v: int, i: int, s_end: int) -> int:
    """"said in an interview he would ...": step over a leading adjunct to the clause."""
    if i >= s_end or d.toks[i].upos != "ADP" or d.low(i) == "that":
        return i
    comp = _ccomp_after(d, v, i)
    if comp is not None and min(d.subtree(comp)) - i <= 8:
        i = min(d.subtree(comp))
        if d.low(i) == "that":
            i += 1
    return i


def _ccomp_after(d: DocView, v: int, i: int) -> int | None:
    """The clausal complement of ``v`` that starts after token ``i``."""
    return next((c.i for c in d.children(v) if c.deprel == "ccomp" and min(d.subtree(c.i)) > i), None)


def _end_after_quoted_name(d: DocView, v: int, i: int, j: int) -> int:
    """"described Clinton as a “disgrace” after she attacked ...", "blasted Clinton as a
    “disgrace” Wednesday on The Laura Ingraham Show": what the object is called ends with
    the quotation after "as"; a time, a place or a clause after it is circumstance (not a
    conjunction, which may add a second name: "as “reckless” and “cruel”")."""
    for k in range(i + 1, j - 2):
        if d.low(k) != "as" or not d.is_quote_mark(k + 1) and not (k + 2 < j and d.is_quote_mark(k + 2)):
            continue
        q = next((m for m in range(k + 1, min(j, k + 4)) if d.is_quote_mark(m)), None)
        chain = d.quote_starting_at(d.toks[q].start, slack=0) if q is not None else None
        if chain is None or len(chain) != 1:
            continue
        close = d.tok_at(chain[-1].end - 1) + 1
        # ("hailed Trump as “The Comeback Kid” for the business success": the reason of the
        # praise or the charge is content, as in _charge)
        namer = d.lemma(v) in lexicon.OBJECT_CUES | lexicon.NAMING_VERBS
        if namer and close < j and d.toks[close].upos in ("ADP", "SCONJ", "NOUN", "PROPN") \
                and d.low(close) not in lexicon.CHARGE_PREPOSITIONS:
            return close
        return j
    return j


def _end_at_new_predicate(d: DocView, v: int, i: int, j: int) -> int:
    """A coordinated verb starts a new predicate, not more content, when it is a
    speech verb ("announced X and said Y"), has its own subject ("Republicans
    said X and Democrats accused Y") or follows a comma or "but" ("denied X, but
    vowed Y"); otherwise ("said he had not heard ... and believes ...") it may be
    part of the reported clause."""
    for c in d.children(v):
        if c.deprel != "conj" or c.i <= i or c.upos not in ("VERB", "AUX"):
            continue
        k = min(d.subtree(c.i))
        if k <= i:  # the "conjunct" holds the content itself (a mis-attached complement)
            continue
        # (the comma or "but" before the conjunct is often inside its subtree: "as X, but stopped short")
        gap = {d.low(m) for m in range(max(i, k - 3), c.i)}
        own_subject = any(g.deprel in ("nsubj", "nsubj:pass") for g in d.children(c.i))
        if not (gap & {",", "but", ";", "—"} or own_subject or c.lemma.lower() in lexicon.SPEECH_VERBS):
            continue
        if object_predicate(d, v, c.i) or _reported_conjunct(d, v, c.i):
            continue  # the predicate of the reported clause, not a new one of the speaker's
        while k > i and (d.is_punct(k - 1) or d.toks[k - 1].upos == "CCONJ"):
            k -= 1
        j = min(j, k)
    return j


def _reported_conjunct(d: DocView, v: int, c: int) -> bool:
    """A conjunct of the cue that can only be more of what was said, whatever comma or
    subject it has: a second that-clause ("said he was upset ... and that his attack was
    meant to ..."), a base form still under the reported clause's modal ("they should be
    offered help, and be compensated ..."), or, after a cue in the past, a verb in the
    present or with a modal ("said British plants could become uncompetitive and companies
    will move production elsewhere"): the narrator tells in the past, the speaker's words
    keep their tense.  A past conjunct ("..., and Smith was happy to hear it", "but stopped
    short of ...") stays a new predicate."""
    kids = d.children(c)
    if any(g.deprel == "mark" and d.low(g.i) == "that" for g in kids):
        return True
    subject = any(g.deprel in ("nsubj", "nsubj:pass", "expl") for g in kids)
    verbs = [g for g in kids if g.deprel in ("aux", "aux:pass", "cop") and g.i < c] + [d.toks[c]]
    if not subject and verbs[0].xpos == "VB" and not verbs[0].lemma.lower() == "do":
        return True
    return d.toks[v].xpos == "VBD" and verbs[0].xpos in ("VBZ", "VBP", "MD")


def object_predicate(d: DocView, v: int, c: int) -> bool:
    """"Klisch said a beer or two might help", "she said professors or supervisors would
    dismiss it", "they say the program, run by X, has brought ...": the parser split the
    reported clause into an object of the cue (its subject) and a conjunct of the cue (its
    finite predicate).  Only where the object follows the cue directly, the conjunct is
    finite, its own subject (if any) stands between the object and it (coordinated with the
    object: "a beer or two"), and no "but", semicolon, dash or other finite verb comes
    between: "denied the charges and his lawyer said ..." (an object cue: its object is
    content of its own), "said a prayer, and the crowd went home" (a comma closes the
    clause) or "announced a plan, said ..." (a speech verb with no subject: the speaker's
    next act) stay two predicates."""
    if d.lemma(v) in lexicon.OBJECT_CUES or d.lemma(v) in lexicon.RECIPIENT_VERBS:
        return False
    t = d.toks[c]
    kids = d.children(c)
    finite = t.xpos in FINITE_XPOS or any(g.deprel in ("aux", "aux:pass", "cop") and g.xpos in FINITE_XPOS
                                          for g in kids)
    obj = next((g for g in d.children(v) if g.deprel == "obj" and v < g.i < c), None)
    if not finite or obj is None:
        return False
    sub = d.subtree(obj.i)
    if any(not (d.toks[m].upos == "ADV" or d.is_punct(m)) for m in range(v + 1, sub[0])):
        return False
    subjects = [g.i for g in kids if g.deprel in ("nsubj", "nsubj:pass")]
    if not subjects and (any(g.deprel == "cc" for g in kids) or t.lemma.lower() in lexicon.SPEECH_VERBS):
        return False  # "said goodbye and left", "announced a plan, said ...": the speaker's next act
    if any(not sub[-1] < k < c for k in subjects):
        return False
    # ("said a prayer, and the crowd went home": a comma before the conjunction closes the
    # clause, unless it closes an item of a list the object opens: "A, B, and C need ...")
    cc = next((g.i for g in kids if g.deprel == "cc" and g.i < c), None)
    if cc is not None and d.toks[cc - 1].text == "," and not any(g.deprel == "conj" for g in d.children(obj.i)):
        return False
    own = {m for g in kids if g.deprel in ("aux", "aux:pass", "cop", "nsubj", "nsubj:pass") for m in d.subtree(g.i)}
    between = [m for m in range(sub[-1] + 1, c) if m not in own]
    return not any(d.low(m) in ("but", ";", "—", "–") or d.toks[m].xpos in FINITE_XPOS for m in between)


def _end_at_own_attribution(d: DocView, v: int, i: int, j: int) -> int:
    """"Though Dunphy said he was loath to penalize ..., he believed the station had acted
    ...": a cue verb with its own subject that the parser hung on the cue as a parataxis is
    a second attribution (a statement of its own), not more of the first one's content."""
    for c in d.children(v):
        # (inside a quotation it is the quoted speaker's words: "a level I don't think ...")
        if c.deprel != "parataxis" or c.i <= i or d.lemma(c.i) not in lexicon.CUE_LEMMAS \
                or d.in_quote(d.toks[c.i].start):
            continue
        if not any(g.deprel in ("nsubj", "nsubj:pass") and g.i < c.i for g in d.children(c.i)):
            continue
        k = min(d.subtree(c.i))
        while k > i and d.is_punct(k - 1) and not d.is_quote_mark(k - 1):
            k -= 1
        if k > i:
            j = min(j, k)
    return j


def _end_at_inner_speech_act(d: DocView, v: int, i: int, j: int) -> int:
    """"May said that the country would declare X and suggested that it would withdraw",
    "Obama emphasized that the reforms were not complete, and rights groups warned that
    ...": the parser hung a coordinated speech verb on the reported clause's verb instead of
    the cue.  With a clause of its own it is another speech act -- the speaker's next one
    (no subject of its own), or another speaker's (its own subject, after a comma) -- and
    the content ends before its conjunction.  Not a speech verb with a noun phrase ("says he
    voted yes and proposed an amendment": what he did, still content), nor when the
    clause's verb is itself a cue ("said the firm reported losses and warned that ...")."""
    for k in range(i + 1, j):
        t = d.toks[k]
        if t.deprel != "conj" or t.upos != "VERB" or t.lemma.lower() not in lexicon.SPEECH_VERBS \
                or not i <= t.head < k or t.head == v or d.lemma(t.head) in lexicon.SPEECH_VERBS:
            continue
        kids = d.children(k)
        cc = next((g.i for g in kids if g.deprel == "cc" and g.i < k), None)
        # (after "but" an infinitive or an object will do: "said they want X but pledged to remain civil")
        comps = ("ccomp", "xcomp", "obj") if cc is not None and d.low(cc) == "but" else ("ccomp",)
        if cc is None or not any(g.deprel in comps and g.i > k for g in kids):
            continue
        own = any(g.deprel in ("nsubj", "nsubj:pass") and cc < g.i < k for g in kids)
        if own and d.toks[cc - 1].text != ",":
            continue
        if not own and any(g.deprel in ("nsubj", "nsubj:pass") for g in kids):
            continue
        cut = cc - 1 if d.toks[cc - 1].text == "," else cc
        if cut > i:
            return min(j, cut)
    return j


def _end_at_trailing_attribution(d: DocView, v: int, i: int, j: int) -> int:
    """"..., Campbell said." — a trailing speaker and cue close the clause before
    them: what follows the comma is another attribution."""
    for k in range(i + 1, j):
        if d.toks[k].text == "," and k + 1 < j:
            m = k + 1
            while m < j and m - k <= 7 and d.toks[m].upos in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"):
                m += 1
            if m > k + 1 and m < j and d.lemma(m) in lexicon.SPEECH_VERBS and d.toks[m].upos == "VERB" \
                    and d.words(m + 1, j) <= 6:
                return k
    return j


def _end_at_next_speech_act(d: DocView, v: int, i: int, j: int) -> int:
    """", telling X that ..." / ", adding ...": the speaker's next speech act."""
    for k in range(i + 1, j - 1):
        if d.toks[k].text == "," and d.toks[k + 1].xpos == "VBG" and d.lemma(k + 1) in lexicon.SPEECH_VERBS:
            return k
    return j


def _end_at_trailing_relative(d: DocView, v: int, i: int, j: int) -> int:
    """"said about 1,300 people attended the event, which was the latest in a series of
    sessions": a non-restrictive relative clause on "which" that closes the sentence is the
    writer's gloss on the last noun, not the speaker's words; so is a closing apposition
    after a dash (:func:`_closing_apposition`)."""
    for k in range(i + 1, j - 2):
        if d.toks[k].text in ("—", "–", "--") and _closing_apposition(d, k + 1, j):
            return k
        if d.toks[k].text == "," and _closing_concession(d, k + 1, j):
            return k
        if d.toks[k].text != "," or d.low(k + 1) != "which":
            continue
        rel = d.toks[k + 1].head
        if rel >= 0 and d.toks[rel].deprel == "acl:relcl" and max(d.subtree(rel)) >= j - 1:
            return k
    return j


def _end_of_relative_clause(d: DocView, v: int, i: int, j: int) -> int:
    """"The law, which opponents call a power grab, passed on Tuesday", "The ministry, which
    said the talks had failed, ...": a cue inside a relative clause set off by commas has its
    content inside that clause, which the next comma closes; what follows is the sentence the
    clause interrupts.  Not when a quotation opens before that comma (its words run on)."""
    s0, _ = d.sent_range(v)
    k = v - 1
    while k >= s0 and d.toks[k].text != "," and d.low(k) not in ("which", "who", "whom"):
        k -= 1
    if k < s0 or d.toks[k].text == "," or k - 1 < s0 or d.toks[k - 1].text != ",":
        return j
    close = next((m for m in range(i, j) if d.toks[m].text == ","), None)
    if close is None or any(d.is_quote_mark(m) for m in range(i, close)):
        return j
    return close


def _closing_concession(d: DocView, a: int, j: int) -> bool:
    """"He claimed that paying no income taxes was smart, although he again refused to pledge
    ...": a concessive clause with its own subject that closes the sentence is the writer's
    counterweight, not more of the claim."""
    if d.low(a) not in lexicon.CONCESSIVES or d.toks[a].upos != "SCONJ":
        return False
    h = d.toks[a].head
    return h > a and max(d.subtree(h)) >= j - 1 and any(
        c.deprel in ("nsubj", "nsubj:pass", "expl") for c in d.children(h))


def _closing_apposition(d: DocView, a: int, j: int) -> bool:
    """"... overpaid for an aging pipeline — a problem compounded by the delays": after a
    dash, a noun phrase that runs to the end of the sentence (its head a noun, no finite verb
    of its own) is the writer's apposition, like a closing relative clause."""
    heads = d.heads(a, j)
    if d.toks[a].upos not in ("DET", "ADJ", "NOUN", "NUM") or not heads or any(
            d.toks[m].xpos in FINITE_XPOS for m in heads):
        return False
    if any(d.toks[m].text in ("—", "–", "--") for m in range(a, j)):
        return False  # a parenthesis between two dashes ("— municipal, provincial and federal —") goes on
    h = d.toks[heads[0]]
    return h.upos == "NOUN" and not any(c.deprel in ("nsubj", "cop", "aux") for c in d.children(h.i))


def _end_at_participle_clause(d: DocView, v: int, i: int, j: int) -> int:
    """", citing satellite imagery" / ", adding that ...": a participle clause after
    a comma is the speaker's next act, not part of the content."""
    for c in d.children(v):
        if c.deprel in ("advcl", "xcomp") and c.xpos == "VBG" and c.i > i + 1:
            k = min(d.subtree(c.i))
            if k > i and d.toks[k - 1].text == ",":
                j = min(j, k - 1)
    # ("said that “Shifting blame ... will not resolve the problems,” alluding to a trade war":
    # right after a quotation that closes on its comma the participle is the speaker's act,
    # wherever the parser hung it)
    for k in range(i + 1, j - 1):
        if d.is_quote_mark(k) and d.toks[k - 1].text == "," and d.toks[k + 1].xpos == "VBG" \
                and d.quote_ending_at(d.toks[k].end, slack=0):
            return min(j, k + 1)
    return j


def _end_of_complement(d: DocView, v: int, i: int, j: int) -> int:
    """The complement ends where its subtree ends: trailing adjuncts of the cue
    (", a swipe at ...", "with a speech that ...") are not content."""
    comps = [c for c in d.children(v) if c.deprel in COMPLEMENTS and c.i >= i]
    if not comps:
        return j
    last = _past_closing_quote(d, max(max(d.subtree(c.i)) for c in comps) + 1, j)
    # (", but that ...", ", fix the ..." and a quotation further on still continue it)
    cont = last + 1 < j and (d.toks[last + 1].upos in ("CCONJ", "VERB") or d.low(last + 1) == "that"
                             or any(d.is_quote_mark(m) for m in range(last, j)))
    # (for "accused X of Y" / "praised X for Y" the phrase is part of what was said)
    after_quote = 0 < last < j and d.is_quote_mark(last - 1) and d.toks[last].upos in ("DET", "NOUN", "NUM")
    if last >= j or cont:
        return j
    adjunct = d.words(last, j) >= 3 and (d.toks[last].text in (",", "—", "–", ";", "(") or after_quote)
    if adjunct or d.toks[last].upos == "ADP" and d.lemma(v) not in lexicon.OBJECT_CUES:
        return min(j, last)
    return j


def _past_closing_quote(d: DocView, last: int, j: int) -> int:
    """Keep the closing mark of a quotation that ends the complement (“… health,”)."""
    while last < j and (d.is_quote_mark(last) or d.toks[last].text in (".", "?", "!")
                        or d.toks[last].text == "," and last + 1 < j and d.is_quote_mark(last + 1)
                        and d.quote_ending_at(d.toks[last + 1].end, slack=0)):
        last += 1
    return last


def _end_of_quote_around_cue(d: DocView, v: int, i: int, j: int) -> int:
    """A cue inside a quotation speaks only up to the closing mark."""
    q = d.quote_around(d.toks[v].start)
    if q is not None:
        while j > i and d.toks[j - 1].start >= q.inner_end:
            j -= 1
    return j


def _end_of_quote_opened(d: DocView, v: int, i: int, j: int) -> int:
    """A quotation opened in the content runs to its closing mark, over sentences."""
    if j <= i or d.quote_around(d.toks[v].start) is not None:
        return j
    for chain in d.chains:
        if d.toks[i].start <= chain[0].start < d.toks[j - 1].end and chain[-1].end > d.toks[j - 1].end \
                and len(chain) == 1:
            return d.tok_at(chain[-1].end - 1) + 1
    return j
