"""The rules for statements around a cue verb: one function per rule.

Each rule takes the document and one :class:`~attrib.extract.site.CueSite`
and returns its candidates, or None when its pattern does not apply.  The
rules are tried in the order of :data:`attrib.extract.rules.RULES`; the first
that applies claims the site.  The content side is decided from the surface,
because the parser is least reliable exactly here (inverted and trailing cues):
quotation marks first, then a clause before the speaker, then the complement
after the cue.
"""

from __future__ import annotations

from .. import lexicon
from .base import FINITE_XPOS, Candidate, DocView, calls_for
from .complement import content_after, misread_that
from .confidence import confidence
from .site import Chain, CueSite, evidence_subject

Spans = list[tuple[int, int]]
Found = tuple[Spans, str]  # content spans and their orientation to the cue


def _cand(d: DocView, s: CueSite, rule: str, spans: Spans, orientation: str) -> Candidate:
    return Candidate(content=tuple(spans), rule=rule, confidence=confidence(rule), cue_tok=s.v, cue=s.cue,
                     cue_lemma=d.lemma(s.v), source=s.src, orientation=orientation)


def _inner(chain: Chain) -> Spans:
    return [q.inner for q in chain]


def opens_clause(d: DocView, char: int) -> bool:
    """A quotation starting at ``char`` opens its clause: it follows the start of
    a sentence or paragraph, or a colon, comma, dash or end punctuation."""
    before = d.text[:char].rstrip()
    return before[-1:] in ("", ".", ":", ",", "—", "\n", "?", "!", ";") or d.tok_at(char) == d.sent_range(
        d.tok_at(char))[0]


# -- quotations -----------------------------------------------------------------


def _is_mixed(d: DocView, s: CueSite) -> bool:
    """X said “…” and the sentence goes on after the closing mark without a comma:
    the quotation is part of a longer, mixed statement."""
    chain = s.quote_after
    tail = d.tok_at(chain[-1].end - 1) + 1
    # ("said: “…,” adding that ...": a participle after a quotation closed on its comma is
    # the speaker's next act, the quotation alone is the statement)
    if tail < s.end and d.toks[tail].xpos == "VBG" and d.text[chain[-1].inner_end - 1] == ",":
        return False
    return tail < s.end and d.toks[tail].text not in (",", ";") and not d.is_quote_mark(tail) \
        and d.toks[tail].upos != "CCONJ" and len(chain) == 1


def _quote_before_split(d: DocView, s: CueSite) -> Chain | None:
    """“A,” he said, “B.”: a quotation ending in a comma or dash right before the speaker."""
    if s.src is None or s.src[0] <= s.s0 or s.src[0] >= s.v:
        return None
    before = d.quote_ending_at(d.toks[s.src[0] - 1].end, slack=2)
    return before if before and d.text[before[-1].inner_end - 1] in ",—" else None


def quote_split(d: DocView, s: CueSite) -> list[Candidate] | None:
    """“A,” he said, “B.” — one statement in two spans."""
    if s.inverted or s.quote_after is None or _is_mixed(d, s):
        return None
    before = _quote_before_split(d, s)
    if before is None:
        return None
    return [_cand(d, s, "quote_split", _inner(before) + _inner(s.quote_after), "split")]


def quote_cue_after(d: DocView, s: CueSite) -> list[Candidate] | None:
    """X said: “…” / X continued, “…” — the quotation that opens right after the cue;
    further quotations joined by *and*/*or* ("chanted “A” and “B”") are statements too."""
    if s.inverted or s.quote_after is None or _is_mixed(d, s):
        return None
    chain = s.quote_after
    out = [_cand(d, s, "quote_cue_after", _inner(chain), "after")]
    nxt = d.chains.index(chain) + 1
    while nxt < len(d.chains):
        gap = d.text[chain[-1].end : d.chains[nxt][0].start].strip(" ,")
        if gap not in ("and", "or", ""):
            break
        chain = d.chains[nxt]
        out.append(_cand(d, s, "quote_cue_after", _inner(chain), "after"))
        nxt += 1
    return out


def quote_cue_before(d: DocView, s: CueSite) -> list[Candidate] | None:
    """“…,” the ministry said in a statement. / “…,” said X — a quotation right
    before the speaker and cue is that speaker's content."""
    if s.inverted:
        # (“A,” said Roe, “B.”: the quotation resumes after the speaker, one statement in two spans)
        chain = _quote_ending_near(d, s.v, slack=3, floor=s.s0)
        return [_cand(d, s, "quote_cue_before", _inner(chain) + _resumed_quote(d, s, _inner(chain)), "before")] \
            if chain else None
    if s.quote_after is not None or s.src is None or _participle_of_cue(d, s.v):
        return None
    chain = _quote_closing_before_speaker(d, s)
    if chain is not None:
        return [_cand(d, s, "quote_cue_before", _inner(chain), "before")]
    # "“…,” the ministry said in a statement.": nothing but adverbials after the cue
    # (a split statement, "“A,” he said, is B", takes precedence)
    if not (s.after_trivial and s.has_left) or _split_parts(d, s) is not None:
        return None
    chain = _quote_ending_near(d, s.src[0], slack=3, floor=0)
    if chain is None or not opens_clause(d, chain[0].start):
        return None  # '... the remarks as "militaristic rhetoric", X told reporters': a phrase
    return [_cand(d, s, "quote_cue_before", _inner(chain) + _resumed_quote(d, s, _inner(chain)), "before")]


def _participle_of_cue(d: DocView, v: int) -> bool:
    """"“…,” the mayor said, adding that S": a participle hanging on another cue is the
    speaker's next act; the quotation before belongs to that cue, and what follows the
    participle is its own statement."""
    t = d.toks[v]
    return t.xpos == "VBG" and t.deprel in ("advcl", "xcomp", "conj") and t.head >= 0 \
        and d.lemma(t.head) in lexicon.SPEECH_VERBS


def _quote_ending_near(d: DocView, k: int, slack: int, floor: int) -> Chain | None:
    """The quotation closing right before token ``k`` (when ``k > floor``), or before the token before it."""
    chain = d.quote_ending_at(d.toks[k - 1].end, slack=slack) if k > floor else None
    if chain is None and k > 1:
        chain = d.quote_ending_at(d.toks[k - 2].end, slack=slack)
    return chain


def _quote_closing_before_speaker(d: DocView, s: CueSite) -> Chain | None:
    """“…,” Trump said in August after ...: a quotation that closes right before the
    speaker, its last words ending in , ? ! or a dash, is the content whatever follows
    the cue.  (It must open its clause: in 'X is “in good health,” a day after her son
    said' it belongs to X's sentence, not to the son.)"""
    a = s.src[0]
    if a <= s.s0 or a > s.v:
        return None
    chain = d.quote_ending_at(d.toks[a - 1].end, slack=2)
    if chain and opens_clause(d, chain[0].start) and d.text[chain[-1].inner_end - 1] in ",?!—":
        return chain
    return None


def _resumed_quote(d: DocView, s: CueSite, spans: Spans) -> Spans:
    """“A,” Tester said, referring to X, “B.”: the quotation resumes after the cue clause."""
    nxt = next((ch for ch in d.chains if d.toks[s.v].end < ch[0].start < d.toks[s.s1 - 1].end), None)
    end = spans[-1][1]  # (the comma inside the marks, “A,”, or after them, “A”,)
    if nxt is not None and d.text[: nxt[0].start].rstrip().endswith(",") and (
            d.text[end - 1 : end + 1].strip().endswith(",") or d.text[end - 1] == ","):
        return _inner(nxt)
    return []


# -- reported speech ------------------------------------------------------------


def _mixed_after_quote(d: DocView, s: CueSite) -> Found | None:
    """X said “…” and went on: from the quotation to the end of the sentence."""
    if s.inverted or s.quote_after is None or not _is_mixed(d, s):
        return None
    return [(s.quote_after[0].start, d.toks[s.end - 1].end)], "after"


def _split_parts(d: DocView, s: CueSite) -> Found | None:
    """Less clear, he said, is what ...: a part before the speaker, and after the cue
    (past the adverbials) a rest that goes on with a finite verb."""
    if s.inverted or s.quote_after is not None or s.src is None or not s.after_trivial:
        return None
    if not (s.has_left or s.split_left) or s.comma < s.end and d.toks[s.comma].text == ";":
        return None  # (after a semicolon a statement of its own begins: "S, X wrote; S2")
    rest = s.comma + 1 if s.comma < s.end and d.toks[s.comma].text == "," else s.comma
    if not (rest < s.end and d.words(rest, s.end) >= 2 and _goes_on_with_verb(d, rest, s.end)):
        return None
    a = d.trim(s.s0, s.left_end)
    b = d.trim(rest, s.end, keep_quotes=True)
    return [d.char_span(*a), d.char_span(*b)], "split"


def _goes_on_with_verb(d: DocView, rest: int, end: int) -> bool:
    t = d.toks[rest]
    # ("It is on Trudeau's watch, Scheer said, that the country is facing ...": the rest
    # may open with the complementiser of a cleft or of the reported clause)
    if d.low(rest) == "that" and t.upos == "SCONJ":
        return any(d.toks[m].xpos in FINITE_XPOS for m in range(rest + 1, min(end, rest + 10)))
    return (
        t.xpos in FINITE_XPOS
        or any(d.toks[m].xpos in FINITE_XPOS for m in range(rest, min(end, rest + 8)))
        and t.upos not in ("ADP", "SCONJ") and t.xpos != "VBG"
        or t.xpos == "VBG" and any(d.toks[m].xpos in FINITE_XPOS for m in range(rest, end))
        and t.deprel in ("csubj", "nsubj")
    )


def _left_content(d: DocView, s: CueSite) -> Found | None:
    """S, X said (yesterday). / S, wrote X.: the clause before the speaker, when
    nothing but adverbials follow the cue."""
    if s.inverted:
        left = d.trim(s.s0, s.v, keep_quotes=True)
        return ([d.char_span(*left)], "before") if left[1] > left[0] and d.words(*left) >= 2 else None
    if s.quote_after is not None or s.src is None or not (s.after_trivial and s.has_left):
        return None
    a = d.trim(s.s0, s.left_end, keep_quotes=True)
    return ([d.char_span(*a)], "before") if a[1] > a[0] else None


def _complement(d: DocView, s: CueSite) -> Found | None:
    """X said (on Thursday) (that) S / told reporters S: the complement after the cue.

    Content is a clause, a quotation, or a noun phrase that names something said
    ("denied the allegations", "accused X of Y"); anything else after the cue is
    its object or circumstance: "posted his best score", "writing the council",
    "denied them the votes", "yelled at a player", "responded to the letter"."""
    if s.inverted or s.quote_after is not None or not _speech_sense(d, s.v):
        return None
    a, b = content_after(d, s.v, s.end)
    if b <= a or d.words(a, b) < 2 or d.toks[a].upos == "CCONJ":
        return None  # ("told a joke and the room laughed": a clause joined to the act, not its content)
    quoted = any(d.is_quote_mark(m) for m in range(a, b))
    # ("said that, in 1998, she ...": after the complementiser, whatever comes first is the clause's)
    k = a - 1
    while k > s.v and d.is_punct(k):
        k -= 1  # (the content starts after the comma of "that, in 2019, ...")
    after_that = k > s.v and d.low(k) == "that" and (d.toks[k].upos == "SCONJ" or misread_that(d, s.v + 1, k)
                                                    or k > s.v + 1 and misread_that(d, k, k))
    adjunct = d.toks[a].upos in ("ADP", "SCONJ") and d.low(a) not in lexicon.COMPLEMENTIZERS
    if not (quoted or after_that) and (adjunct and not _adjunct_then_clause(d, a, b) or d.low(a) in lexicon.WH_WORDS):
        return None  # a prepositional phrase, an adverbial clause, an embedded question ("asked how ...")
    # ("insisted he has different questions ...": the parser hung the clause on "questions";
    # a nominative pronoun is a subject, so a clause starts here)
    subject = d.low(a) in lexicon.NOMINATIVE_PRONOUNS and d.toks[a].upos == "PRON" and d.words(a, b) >= 3
    if quoted or after_that or subject or is_clause(d, a, b) or _small_clause(d, s.v, a, b) or _names_a_claim(d, a, b) \
            or _charge(d, s.v, a, b) or _words_object(d, s.v, a, b) or _demand(d, s.v, a) \
            or _shown(d, s.v, a, b):
        return [d.char_span(a, b)], "after"
    return None


def _adjunct_then_clause(d: DocView, a: int, b: int) -> bool:
    """"Rutledge said, for others, it can heighten ...", "He said as RCMP entered the camp,
    one person secured ...": an adjunct opening the content (a prepositional phrase or an
    adverbial clause) that a comma closes, followed by the subject of a finite verb, is the
    fronted adjunct of the reported clause, not a circumstance of the cue ("said as confetti
    fell", "commented on the closure": no clause follows)."""
    comma = next((k for k in range(a + 1, min(b, a + 15)) if d.toks[k].text == ","), None)
    if comma is None:
        return False
    k = comma + 1
    while k < b and d.toks[k].upos in ("DET", "ADJ", "NUM"):
        k += 1
    if k >= b or d.toks[k].deprel not in ("nsubj", "nsubj:pass", "expl") or d.toks[k].head < 0:
        return False
    h = d.toks[k].head
    return d.toks[h].xpos in FINITE_XPOS or any(
        c.deprel in ("aux", "aux:pass", "cop") and c.xpos in FINITE_XPOS for c in d.children(h))


def is_clause(d: DocView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` form a clause: introduced by "that"/"whether"/"if", or
    headed by a verb or by a predicate with its own subject or copula ("the drills
    were a rehearsal").  A noun phrase with a relative clause is not one."""
    if d.low(a) in lexicon.COMPLEMENTIZERS:
        return True
    heads = d.heads(a, b)
    for h in heads:
        t = d.toks[h]
        if t.upos in ("VERB", "AUX") and t.deprel not in ("amod", "acl"):
            return True
        if any(c.deprel in ("nsubj", "nsubj:pass", "cop", "aux") for c in d.children(h)):
            return True
    return False


def _small_clause(d: DocView, v: int, a: int, b: int) -> bool:
    """"called the plan reckless": an object and its predicate, both after a naming verb
    (lexicon.NAMING_VERBS; "citing people familiar with the plans" names no one)."""
    if d.lemma(v) not in lexicon.NAMING_VERBS:
        return False
    kids = d.children(v)
    return any(c.deprel == "obj" and a <= c.i < b for c in kids) and any(
        c.deprel == "xcomp" and a <= c.i < b for c in kids)


def _speech_sense(d: DocView, v: int) -> bool:
    """The cue is used as a verb of saying here.  Some verbs are cues only in some
    senses, told apart by their complement: "called the plan reckless" or "called
    for talks" is speech, "called his former boss" is a phone call.  A negated or
    modal cue ("did not say", "will argue", "would call") reports nothing said."""
    kids = d.children(v)
    if any(c.deprel == "aux" and c.xpos == "MD" or c.deprel == "advmod" and c.lemma.lower() in lexicon.NEGATIONS
           for c in kids):
        return False
    if d.lemma(v) == "call":  # "called on the government to", "called for talks": the particle right after
        named = any(c.deprel == "obj" for c in kids) and _quoted_name_after(d, v)
        return calls_for(d, v) or named or any(c.deprel == "xcomp" for c in kids)
    return True


def _quoted_name_after(d: DocView, v: int) -> bool:
    """"called the plan “a betrayal”", "called half of them “deplorables”": a quotation
    after a short object is the name the speaker gave it.  Not when a preposition
    other than "of" comes first ("called the number on the “Help wanted” sign") or a
    noun follows the closing mark (the quotation then modifies that noun)."""
    s1 = d.sent_range(v)[1]
    q = next((m for m in range(v + 1, min(v + 12, s1)) if d.is_quote_mark(m)), None)
    if q is None or any(d.toks[m].upos == "ADP" and d.low(m) != "of" for m in range(v + 1, q)):
        return False
    close = next((m for m in range(q + 1, s1) if d.is_quote_mark(m)), None)
    return close is None or close + 1 >= s1 or d.toks[close + 1].upos not in ("NOUN", "PROPN")


def _charge(d: DocView, v: int, a: int, b: int) -> bool:
    """"accused Washington of staging a provocation", "praised the police for their
    restraint": with these verbs the of/for phrase is the claim made about the object."""
    if d.lemma(v) not in lexicon.OBJECT_CUES:
        return False
    return any(c.deprel in ("obl", "advcl") and a <= c.i < b and any(
        g.deprel in ("case", "mark") and g.lemma.lower() in lexicon.CHARGE_PREPOSITIONS for g in d.children(c.i))
        for c in d.children(v))


def _words_object(d: DocView, v: int, a: int, b: int) -> bool:
    """"officials said the two raised $3 million": a noun phrase of four words or more
    after a verb whose object can only be the words said (lexicon.WORDS_ONLY_CUES) is
    a clause the parser misread; short ones ("said the same thing") say nothing."""
    # ("said nothing about the deficit", "said little about it": an amount of talk, not its words)
    return d.lemma(v) in lexicon.WORDS_ONLY_CUES and d.words(a, b) >= 4 and d.low(a) not in lexicon.AMOUNT_WORDS


def _demand(d: DocView, v: int, a: int) -> bool:
    """"called for a moratorium", "called on the city to act": what the speaker asks
    for follows the particle, a noun phrase or a clause alike."""
    return d.lemma(v) == "call" and a > v + 1 and d.low(a - 1) in lexicon.DEMAND_PARTICLES


def _shown(d: DocView, v: int, a: int, b: int) -> bool:
    """"polls show a close contest": what a document or a measurement shows is
    content even as a noun phrase (kind evidence, never in the default output)."""
    return d.lemma(v) in lexicon.EVIDENCE_ONLY_VERBS and d.words(a, b) >= 3 and evidence_subject(d, v)


def _names_a_claim(d: DocView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` form a noun phrase headed by a claim noun (lexicon.CLAIM_NOUNS)."""
    heads = d.heads(a, b)
    return len(heads) == 1 and d.toks[heads[0]].upos == "NOUN" and d.lemma(heads[0]) in lexicon.CLAIM_NOUNS


def _claim(d: DocView, s: CueSite, rule: str, found: Found | None) -> list[Candidate] | None:
    return None if found is None else [_cand(d, s, rule, *found)]


def reported_split(d: DocView, s: CueSite) -> list[Candidate] | None:
    """Less clear, he said, is what … — one statement in two spans around the cue."""
    return None if s.belief else _claim(d, s, "reported_split", _split_parts(d, s))


def reported_before(d: DocView, s: CueSite) -> list[Candidate] | None:
    """S, X said (yesterday). — the clause before the speaker."""
    return None if s.belief else _claim(d, s, "reported_before", _left_content(d, s))


def reported_after(d: DocView, s: CueSite) -> list[Candidate] | None:
    """X said (that) S — the complement after the cue (or a quotation and what follows it)."""
    if s.belief:
        return None
    return _claim(d, s, "reported_after", _mixed_after_quote(d, s) or _complement(d, s))


def belief(d: DocView, s: CueSite) -> list[Candidate] | None:
    """X believes / thinks / fears S — reported content of a belief verb, found as for speech."""
    if not s.belief:
        return None
    for pattern in (_mixed_after_quote, _split_parts, _left_content, _complement):
        found = pattern(d, s)
        if found is not None:
            return [_cand(d, s, "belief", *found)]
    return None
