"""Cue sites: a reporting verb with what every verb-cue rule needs to know about it.

:func:`cue_sites` finds each verb that can introduce a statement and computes,
once, what the rules in :mod:`attrib.extract.verb_cues` read: the sentence
bounds, the cue span (with its auxiliaries), the speaker mention (from the
parse, else from the surface), whether the speaker follows the cue, the
quotation that opens right after it, and the parts of the sentence around it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicon
from .base import FINITE_XPOS, DocView, mention_range, party_tag_start, subject_of
from .complement import object_predicate
from .quotemarks import Quote

Chain = list[Quote]


@dataclass(frozen=True)
class CueSite:
    """A cue verb in its sentence.

    Token indices throughout; ``end`` is the sentence end before its final
    punctuation (extended to the end of a quotation that opens right after
    the cue, even in the next sentence); ``src`` the speaker mention
    ``[i, j)`` or None; ``comma`` the first comma after the cue (or ``end``).
    """

    v: int
    s0: int
    s1: int
    end: int
    cue: tuple[int, int]
    src: tuple[int, int] | None
    inverted: bool  # the speaker follows the cue: “…,” said X
    belief: bool  # a belief verb that is not also a speech verb
    quote_after: Chain | None  # the quotation opening right after the cue: X said: “…”
    comma: int
    after_trivial: bool  # only time, place or manner between the cue and ``comma``
    left_end: int  # end of the text before the speaker (before its comma or closing quote)
    has_left: bool  # that text is a clause or a quotation (S, X said)
    split_left: bool  # it is at least two words before a comma (Less clear, he said, is ...)

    @property
    def src_start(self) -> int:
        """First token of the speaker mention, or the cue when there is none."""
        return self.src[0] if self.src else self.v


def cue_sites(d: DocView) -> Iterator[CueSite]:
    """Every cue site of the document, in text order."""
    for v, lem in enumerate(d.lemmas):
        # (most words are no cue: skip them before the call; is_cue says no to every lemma outside this set)
        if lem in _MAYBE_CUE and is_cue(d, v):
            site = _site(d, v)
            if site is not None:
                yield site


#: Every lemma :func:`is_cue` can say yes to.
_MAYBE_CUE = lexicon.QUOTE_ONLY_CUES | frozenset(lexicon.PARTICLE_CUES) | lexicon.CUE_LEMMAS \
    | lexicon.EVIDENCE_ONLY_VERBS


def is_cue(d: DocView, i: int) -> bool:
    """True when token ``i`` is a verb that introduces speech or belief here."""
    t = d.toks[i]
    lem = d.lemmas[i]
    # "He continued, “…”" / "as follows: “…”": verbs that only introduce speech
    # when a quotation follows them directly
    if lem in lexicon.QUOTE_ONLY_CUES:
        k = i + 1
        while k < len(d.toks) and d.toks[k].text in (",", ":"):
            k += 1
        return k > i + 1 and k < len(d.toks) and d.is_quote_mark(k)
    if lem in lexicon.PARTICLE_CUES:  # "points out that ...", not "points to the door"
        return any(c.deprel == "compound:prt" and c.lemma.lower() == lexicon.PARTICLE_CUES[lem]
                   for c in d.children(i)) or t.upos == "NOUN" and t.xpos == "NNS" and _mistagged_verb(d, i)
    if t.upos == "NOUN" and (t.xpos == "NNS" or _base_form_after_plural(d, i)):
        return _mistagged_verb(d, i)
    if lem in lexicon.EVIDENCE_ONLY_VERBS:  # "polls show ...", not "she showed the house"
        return t.upos == "VERB" and evidence_subject(d, i)
    if lem in lexicon.NOT_CUES or lem not in lexicon.CUE_LEMMAS:
        return False
    # Verbs only: "the said agreement" (ADJ, or a participle modifying a noun)
    # or "a report" (NOUN) are not cues.
    if not (t.upos == "VERB" or t.xpos.startswith("VB")):
        return False
    if _modifies_noun(d, i):
        return False
    kids = d.children(i)
    # An imperative has no speaker: "Add the onions", "Say what you will".
    if t.xpos == "VB" and t.deprel == "root" and not any(c.deprel in lexicon.SUBJECT_DEPRELS for c in kids) \
            and not _noun_before(d, i):
        return False
    # Idioms that are not speech: "suffice it to say", "needless to say"; nor is a reduced passive.
    if t.deprel == "xcomp" and t.head >= 0 and d.lemma(t.head) in lexicon.IDIOM_HEADS or _reduced_passive(d, i, kids):
        return False
    if lem == "add" and _numeric_object(d, i):
        return False  # "the index added 0.4 per cent": a figure, not words
    # Passive without an agent ("it was reported that") names no speaker.
    if any(c.deprel == "aux:pass" for c in kids) and not any(c.deprel == "obl:agent" for c in kids):
        return False
    # "call" is speech only as "called X Y" / "called for" / "called on",
    # not "a group called X" or "called him on the phone"
    if lem == "call":
        return t.xpos != "VBN" or any(c.deprel == "aux" for c in kids)
    # A belief verb counts only with a subject of its own ("they think ...",
    # not the noun compound "think tank" mis-tagged as a verb).
    # ("believe bigotry and xenophobia are acceptable": a clause the parser split into an
    # object and a conjunct predicate, complement.object_predicate, counts as one)
    if lem in lexicon.BELIEF_VERBS and lem not in lexicon.SPEECH_VERBS:
        return any(c.deprel in ("nsubj", "nsubj:outer") for c in kids) and any(
            c.deprel in ("ccomp", "xcomp") or c.deprel == "conj" and object_predicate(d, i, c.i) for c in kids)
    return True


def _reduced_passive(d: DocView, i: int, kids: list) -> bool:
    """"Fifty people believed to have been in the complex": a belief verb that takes no
    to-infinitive of its own (lexicon.PASSIVE_BEFORE_TO), as a participle or past form right
    before "to" and with no auxiliary, is a reduced passive that names no believer (the
    parser may still make it the root with the noun as its subject)."""
    return d.lemma(i) in lexicon.PASSIVE_BEFORE_TO and d.toks[i].xpos in ("VBN", "VBD") and i + 1 < len(d.toks) \
        and d.low(i + 1) == "to" and d.toks[i + 1].upos == "PART" and not any(c.deprel == "aux" for c in kids)


def _noun_before(d: DocView, i: int) -> bool:
    """A noun, name or pronoun stands between the start of the clause of verb ``i`` (the
    sentence start, a comma, colon, semicolon or quotation mark) and ``i``: "All those
    involved say the issue is complex", "Developers and supporters in Congress say ...".
    The tagger reads a plural present after a long subject as a base form and the parser
    then gives it no subject; an imperative opens its clause ("Add the onions", "Then say
    no")."""
    s0 = d.sent_range(i)[0]
    k = i - 1
    while k >= s0 and not (d.toks[k].text in (",", ":", ";") or d.is_quote_mark(k)):
        if d.toks[k].upos in ("NOUN", "PROPN", "PRON"):
            return True
        k -= 1
    return False


def _mistagged_verb(d: DocView, i: int) -> bool:
    """"The study shows that ...", "…, Foster writes in his book.": the tagger often
    reads a verb in -s as a plural noun.  It is the cue when a noun, name or
    pronoun comes right before it and what follows (past its particle and adverbs of
    manner) is what a cue takes: "that" opening a clause, a quotation, or (after a name)
    the end of a trailing attribution.  "The reports that were filed" (a verb after "that") and "the
    plans that your state offers" (no speech verb) stay nouns."""
    base = _base_form_after_plural(d, i)
    if i == 0 or i + 1 >= len(d.toks) or not (base or d.toks[i].text.lower().endswith("s")):
        return False
    before = d.toks[i - 1]
    if before.sent != d.toks[i].sent:
        return False
    if _inverted_name_after(d, i) is not None:
        return d.lemma(i) in lexicon.SPEECH_VERBS or d.lemma(i) in lexicon.PARTICLE_CUES
    name = before.upos in ("PROPN", "PRON") or _tagged_name(d, i - 1)
    if not (name or before.upos == "NOUN"):
        return False
    lem = d.lemma(i)
    if lem in lexicon.EVIDENCE_ONLY_VERBS:
        if not (before.upos == "NOUN" and d.lemma(i - 1) in lexicon.EVIDENCE_NOUNS or before.upos == "PROPN"):
            return False
    elif lem not in lexicon.SPEECH_VERBS and lem not in lexicon.PARTICLE_CUES:
        return False
    k = _past_particle_and_manner(d, i)
    if k is None or k >= len(d.toks):
        return False
    nxt = d.toks[k]
    more = k + 1 < len(d.toks)
    # ("The Ledger advises that Okafor may ...": after a name the tagger may read
    # the complementiser as a pronoun too; "the notes that were" has a verb right after it)
    if d.low(k) == "that" and (nxt.upos == "SCONJ" or nxt.upos == "PRON" and name):
        return more and d.toks[k + 1].upos not in ("VERB", "AUX")
    # (X shouts: “…” / X shouts, “…”)
    if d.is_quote_mark(k) or nxt.text in (":", ",") and more and d.is_quote_mark(k + 1):
        return True
    # ("Officials explain they will ...": a nominative pronoun opens the reported clause,
    # when the noun phrase before the cue opens its own clause -- not "read the notes he wrote")
    if d.low(k) in lexicon.NOMINATIVE_PRONOUNS and nxt.upos == "PRON" and _subject_opens_clause(d, i):
        return True
    return k == i + 1 and (name or base) and _trailing(d, i)


def _base_form_after_plural(d: DocView, i: int) -> bool:
    """"Officials explain they ...", "…, researchers report.": after a plural subject the
    tagger also reads the base form of a speech verb as a singular noun (the word is its
    own lemma); the noun or pronoun right before it is plural.  "The workers' report" has
    the possessive between them."""
    t = d.toks[i]
    if i == 0 or t.xpos != "NN" or t.text.lower() != d.lemma(i) or d.lemma(i) not in lexicon.SPEECH_VERBS:
        return False
    before = d.toks[i - 1]
    return before.xpos in ("NNS", "NNPS") or before.upos == "PRON" and d.low(i - 1) in ("they", "we")


def _subject_opens_clause(d: DocView, i: int) -> bool:
    """No verb stands between the start of the clause of cue ``i`` (the sentence start, a
    comma, colon, semicolon or quotation mark) and ``i``."""
    s0 = d.sent_range(i)[0]
    k = i - 1
    while k >= s0 and not (d.toks[k].text in (",", ":", ";") or d.is_quote_mark(k)):
        if d.toks[k].upos in ("VERB", "AUX"):
            return False
        k -= 1
    return True


def _inverted_name_after(d: DocView, i: int) -> tuple[int, int] | None:
    """"“…,” notes Varga, who ...", "S, insists 16-year-old Jane Roe, in ...": a cue tagged a
    plural noun after the comma closing a clause or a quotation, followed (past its particle:
    "“…,” points out the resident") by a short noun phrase that ends the sentence or a comma
    not opening a quotation, is an inverted attribution; the noun phrase is its speaker.  It
    must name a person (an entity or a word of a person's name in the article), or, right
    after a quotation, open with a determiner ("“…,” notes the laid-back resident").  Not
    "pens, notes four pages long" (no name), nor "…, notes Roe left" (a verb after the name:
    the noun's relative clause)."""
    s0, s1 = d.sent_range(i)
    k = i - 1
    if k <= s0 or not (d.toks[k].text == "," or d.is_quote_mark(k) and d.quote_ending_at(d.toks[k].end, slack=0)):
        return None
    quoted = d.is_quote_mark(k)
    if not (quoted or any(d.toks[m].xpos in FINITE_XPOS for m in range(s0, k))):
        return None
    a = _past_particle(d, i)
    if a is None:
        return None
    j = a
    while j < s1 and j - a <= 8 and (d.toks[j].upos in ("PROPN", "NOUN", "ADJ", "NUM", "DET")
                                     or d.toks[j].text in ("-", "’s", "'s") or _tagged_name(d, j)):
        j += 1
    named = any(d.toks[m].ner.endswith("PER") or d.toks[m].text in d.person_words for m in range(a, j))
    if j == a or j - a > 8 or not (named or quoted and d.toks[a].upos == "DET"):
        return None
    end_ok = j >= s1 or d.is_punct(j) and d.toks[j].text != "," or d.toks[j].text == "," and not (
        j + 1 < s1 and d.is_quote_mark(j + 1))
    return (a, j) if end_ok and not d.is_quote_mark(j) else None


def _past_particle(d: DocView, i: int) -> int | None:
    """The token after cue ``i`` and its particle ("points out that": the particle is
    required, the tagger having read neither word right); None when a particle cue lacks it."""
    particle = lexicon.PARTICLE_CUES.get(d.lemma(i))
    if particle is None:
        return i + 1
    return i + 2 if d.low(i + 1) == particle else None


def _past_particle_and_manner(d: DocView, i: int) -> int | None:
    """:func:`_past_particle`, then adverbs of manner in -ly ("suggests euphemistically that")."""
    k = _past_particle(d, i)
    if k is None:
        return None
    while k < len(d.toks) and d.toks[k].upos == "ADV" and d.low(k).endswith("ly"):
        k += 1
    return k


def _tagged_name(d: DocView, k: int) -> bool:
    """Token ``k`` is a capitalised word the entity tagger marks as a person or an
    organisation, or a word of a person's name elsewhere in the article, whatever its
    part of speech: beside a verb mis-tagged as a noun the tagger often reads the name
    before it as an adjective ("…, Foster writes.", "Foster points out that")."""
    t = d.toks[k]
    return t.text[:1].isupper() and (t.ner.endswith(("PER", "ORG")) or t.text in d.person_words)


def _trailing(d: DocView, i: int) -> bool:
    """Cue ``i`` closes its sentence ("…, Foster writes in his book."): a comma or a
    closing quotation mark before its speaker, and nothing but a short adjunct after it."""
    s0, s1 = d.sent_range(i)
    k = i - 1
    while k > s0 and (d.toks[k - 1].upos == "PROPN" or _tagged_name(d, k - 1)):
        k -= 1
    if k <= s0 or not (d.toks[k - 1].text == "," or d.is_quote_mark(k - 1)):
        return False
    semi = next((k for k in range(i + 1, s1) if d.toks[k].text == ";"), s1)  # (S, Foster writes; S2)
    rest = [t for t in d.toks[i + 1 : semi] if not d.is_punct(t.i)]
    return len(rest) <= 5 and all(t.upos not in ("VERB", "AUX") for t in rest)


def evidence_subject(d: DocView, v: int) -> bool:
    """The subject of ``v`` is headed by a document or measurement noun
    (lexicon.EVIDENCE_NOUNS): "the latest poll", "video of the incident"."""
    h = subject_of(d, v)
    return h is not None and d.toks[h].upos == "NOUN" and d.lemma(h) in lexicon.EVIDENCE_NOUNS


def _modifies_noun(d: DocView, i: int) -> bool:
    """A participle that modifies a noun predicates nothing of a speaker: "an
    estimated $14 billion", "the said agreement" (after a determiner or an
    adjective), "threats demanding money" (a present participle after its noun).
    The parser also labels finite verbs so ("NK Pro reported", "Kim praised
    officers"): after a name or a noun that can be its subject it stays a cue."""
    t = d.toks[i]
    before = d.toks[i - 1] if i > 0 and d.toks[i - 1].sent == t.sent else None
    if t.deprel in ("amod", "nummod"):
        # (after a closing quotation mark it is the inverted cue: "“…,” quipped Green, who ...")
        if before is not None and d.is_quote_mark(before.i) and d.quote_ending_at(before.end, slack=0):
            return False
        # ("Clinton, at Monday's debate, cited derogatory comments": after the comma closing an
        # interruption, a speech verb before its object is the verb of the sentence)
        if before is not None and before.text == "," and d.lemma(i) in lexicon.SPEECH_VERBS and t.head > i:
            return False
        # ("The plan announced last week drew criticism": a past participle right after a common
        # noun, read as a modifier, is a reduced relative clause about that noun, not its act;
        # a finite verb so labelled after a name stays a cue, "NK Pro reported")
        if before is not None and t.xpos == "VBN" and before.upos == "NOUN" and before.text.islower():
            return True
        return before is None or before.upos in ("DET", "ADJ", "NUM", "PUNCT")
    # ("a statement accusing X of Y" is the statement's issuer speaking)
    return t.deprel == "acl" and t.xpos == "VBG" and before is not None and before.i == t.head \
        and before.lemma.lower() not in lexicon.SPEECH_NOUNS


def _numeric_object(d: DocView, v: int) -> bool:
    """The object of ``v`` starts with a number or a currency sign."""
    k = v + 1
    while k < len(d.toks) and d.toks[k].upos == "ADV":
        k += 1
    return k < len(d.toks) and (d.toks[k].upos == "NUM" or d.toks[k].text in lexicon.CURRENCY_SIGNS)


def _site(d: DocView, v: int) -> CueSite | None:
    s0, s1 = d.sent_range(v)
    end = s1
    while end > s0 and d.is_punct(end - 1) and not d.is_quote_mark(end - 1):
        end -= 1
    speaker = _speaker(d, v, s0, s1, end)
    if speaker is None:
        return None
    src, inverted = speaker
    if src is not None and not inverted and _unsaid(d, v, src, s0):
        return None
    k = v  # the cue spans its auxiliaries ("has said", "have denied")
    while k - 1 >= s0 and d.toks[k - 1].upos == "AUX" and d.toks[k - 1].head == v:
        k -= 1
    # (a semicolon closes the attribution as a comma does: "S, Foster writes; S2" ends the
    # cue's clause there, and what follows it is a statement of its own)
    comma = v + 1
    while comma < end and d.toks[comma].text not in (",", ";"):
        comma += 1
    after_trivial = trivial(d, v + 1, comma)
    quote_after = None
    if src is not None:
        src = _named_apposition(d, src, s0)
    if not inverted:
        end, quote_after = _quote_after(d, v, end)
        if quote_after is None and src is not None:
            src = _name_before_apposition(d, src, s0)
    left = _left_part(d, src, v, s0)
    return CueSite(v, s0, s1, end, (d.toks[k].start, d.toks[v].end), src, inverted,
                   d.lemma(v) in lexicon.BELIEF_VERBS and d.lemma(v) not in lexicon.SPEECH_VERBS,
                   quote_after, comma, after_trivial, *left)


def _unsaid(d: DocView, v: int, src: tuple[int, int], s0: int) -> bool:
    """The cue reports nothing said, whatever follows: its subject says no one spoke ("Nobody
    said S", "None of the officials said S", "No official has claimed S"), or its clause only
    supposes it ("If the president says S, ...", "Unless the union says otherwise")."""
    a, b = src
    lo = a  # (back over "none of" before the mention, to a punctuation mark)
    while lo - 1 >= max(s0, a - 3) and not d.is_punct(lo - 1):
        lo -= 1
    for k in range(lo, b):
        if d.low(k) in lexicon.NEGATIVE_SUBJECTS or d.low(k) == "no" and k + 1 < b and not d.is_punct(k + 1):
            return True
    return a - 1 >= s0 and d.low(a - 1) in lexicon.CONDITIONAL_MARKERS


def _speaker(d: DocView, v: int, s0: int, s1: int, end: int) -> tuple[tuple[int, int] | None, bool] | None:
    """The speaker mention of cue ``v`` and whether it follows the cue; None when
    the verb is no cue of its own (a fronted participle clause)."""
    # (a cue the tagger read as a noun, site._mistagged_verb, has its parse built around
    # that noun: its "subject" is the parser's guess at some other verb's; the surface,
    # the noun phrase right before it, names the speaker: "“…,” Foster writes.")
    h = subject_of(d, v) if d.toks[v].upos in ("VERB", "AUX") else None
    h = _oblique_subject(d, v, h)
    src = mention_range(d, h, v) if h is not None else None
    if h is not None and _joined_inverted(d, v, h, s0, end):
        return d.trim(v + 1, _inverted_mention_end(d, v, end)), True
    if src is not None and (d.is_quote_mark(src[0]) or d.in_quote(d.toks[src[0]].start)) and not d.in_quote(
        d.toks[v].start
    ):
        src = None  # words inside a quotation are content, never the speaker of a cue outside it
    if src is None:
        src = surface_subject(d, v, s0) or _before_relative(d, v, s0)
        if src is not None and d.toks[v].xpos == "VBG" and _object_of_verb_before(d, *src):
            src = None
    if src is not None:
        src = trim_mention(d, *src)
    if src is not None and not can_speak(d, *src):
        src = _speaking_surface(d, v, s0) if h is not None else None
    in_sentence = src is None or s0 <= src[0] < s1
    # Inverted cue: “…,” said X  /  S, wrote X.  Speaker after the verb.
    # (only the verb's own subject: "Asked to respond, Carson said" climbs
    # from "respond" to Carson, who is not an inverted speaker of "respond")
    inverted = src is not None and src[0] > v and h is not None and d.toks[h].head == v
    if inverted and _speaker_before_after_all(d, v, s0, end, src):
        src, inverted = _trimmed_surface(d, v, s0), False
    if src is not None and src[0] > v and not inverted and h is not None:
        return None  # a fronted participle clause ("Asked to respond, ..., Carson said"): circumstance
    if src is None and d.toks[v].upos == "NOUN" and _inverted_name_after(d, v) is not None:
        return _inverted_name_after(d, v), True  # ("“…,” notes Varga, who ...": the name alone)
    if src is None and _noun_phrase_after(d, v, end):
        # ("…,” said one Democratic source": a number opens the mention too)
        # parser found no subject; "…,” said Jane Smith" has one after the cue
        before = v - 1
        while before >= s0 and d.toks[before].text == ",":
            before -= 1
        if before >= s0 and d.is_quote_mark(before) or _trailing_inverted(d, v, s0, end):
            return d.trim(v + 1, _inverted_mention_end(d, v, end)), True
    if inverted:
        return src, True
    if src is None and d.toks[v].xpos == "VBG":
        src = _speaker_of_verb_above(d, v, s0, s1, end)
    return (src if in_sentence else None), False


def _speaker_before_after_all(d: DocView, v: int, s0: int, end: int, src: tuple[int, int]) -> bool:
    """The parser's subject ``src`` after cue ``v`` is no inverted speaker, the noun phrase
    before the cue is: a noun right before the verb is its subject ("S, the Democrats stressed
    the need for ...": an inverted cue follows a comma or a quotation, "…,” said X; the
    parser's subject after the verb is its object), or a finite verb right after ``src``
    makes it the subject of the reported clause ("Sarah Buckley, who ..., said Covington
    Catholic has “a culture of ...”")."""
    noun_before = v - 1 > s0 and d.toks[v - 1].upos in ("NOUN", "PROPN", "PRON") and not d.is_quote_mark(v - 1)
    return noun_before or _subject_of_clause_after(d, src[1], end)


def _before_relative(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """"A senior official who asked not to be named said S": the parser hung the finite cue
    inside the relative clause that stands between the speaker and the cue (the anonymity
    formulas: "who asked not to be named", "who spoke on condition of anonymity"); the noun
    phrase before "who" is the speaker.  Only with no comma and no other finite verb than the
    relative clause's own between "who" and the cue."""
    # (the tagger, reading "to be named said" as a chain, may call the cue a participle)
    if d.toks[v].xpos not in FINITE_XPOS | {"VBN"} or v + 1 < len(d.toks) and d.toks[v + 1].upos == "ADP":
        return None
    k = next((m for m in range(v - 1, max(s0, v - 12) - 1, -1) if d.low(m) == "who"), None)
    if k is None or k - 1 < s0 or d.toks[k - 1].upos not in ("NOUN", "PROPN"):
        return None
    between = range(k + 1, v)
    if any(d.toks[m].text == "," for m in between) or sum(d.toks[m].xpos in FINITE_XPOS for m in between) > 1:
        return None
    a = k - 1
    while a - 1 >= s0 and d.toks[a - 1].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        a -= 1
    return a, k


def _speaking_surface(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """The noun phrase right before cue ``v`` when it can speak, for a parser's subject that
    cannot: a date, a clause fragment is never a speaker (the statement stays, unattributed),
    but the parser's subject may be the wrong word ("“…,” Senator X said Tuesday" with Tuesday
    as subject; "“…,” Mr. Roe, 82, told me" with 82; a subject climbed to from a verb inside
    the quotation)."""
    src = _trimmed_surface(d, v, s0)
    return src if src is not None and can_speak(d, *src) else None


def _trimmed_surface(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """The noun phrase right before cue ``v`` (surface_subject), trimmed (trim_mention)."""
    src = surface_subject(d, v, s0)
    return trim_mention(d, *src) if src is not None else None


def _joined_inverted(d: DocView, v: int, h: int, s0: int, end: int) -> bool:
    """"The ceasefire is holding, said three diplomats briefed on the talks.": the parser
    joined "said" to the verb before it and climbed to that verb's subject ``h``; a finite cue
    after the comma that closes that clause (not a quotation's, not a relative clause's), with
    only a noun phrase after it, is inverted, and that noun phrase is the speaker."""
    t = d.toks[v]
    if t.deprel != "conj" or t.xpos not in FINITE_XPOS or d.lemma(v) in lexicon.RECIPIENT_VERBS:
        return False
    if not (h < t.head < v and d.toks[h].head == t.head) or d.in_quote(d.toks[t.head].start):
        return False
    if any(d.low(m) in lexicon.RELATIVE_PRONOUNS for m in range(h, v)):
        return False
    return _noun_phrase_after(d, v, end) and _trailing_inverted(d, v, s0, end)


def _noun_phrase_after(d: DocView, v: int, end: int) -> bool:
    """A noun phrase opens right after cue ``v``, as an inverted speaker does ("said Jane Smith",
    "said one Democratic source": a number opens one too)."""
    return v + 1 < end and d.toks[v + 1].upos in ("PROPN", "DET", "NOUN", "ADJ", "NUM")


def _speaker_of_verb_above(d: DocView, v: int, s0: int, s1: int, end: int) -> tuple[int, int] | None:
    """"A judge rejected the request to unseal the file, saying ...", "Roe spoke to the
    growers, promising ...", "Kim told the audience that S, saying ...": a participle with
    no subject of its own tells what the subject of a verb before it, on which the parser
    hung it (through any relation: a parataxis, a conjunct, a misread case), did next; the
    speaker of the nearest such verb is the participle's.  Not a verb inside a quotation the
    participle is outside of (the quotation's own subject: "“It does say that,” Kim
    confirmed, adding"), nor a cue with no object or with its speaker after it ("“S,” Roe
    said, adding S2", "“S,” says the mayor, noting S2": that cue's statement names the
    speaker and the participle continues it; its statement is left as it was, with none, as
    ggt annotates it), nor a verb after it (a fronted participle, "Asked to respond, Carson
    said", is circumstance, no cue: see _speaker)."""
    k = d.toks[v].head
    for _ in range(6):
        if k < 0 or not s0 <= k < s1:
            return None
        if k < v and d.toks[k].upos in ("VERB", "AUX") and not (
                d.in_quote(d.toks[k].start) and not d.in_quote(d.toks[v].start)):
            found = _speaker(d, k, s0, s1, end)
            if is_cue(d, k) and (found is None or found[1] or not any(
                    c.deprel in ("obj", "iobj") for c in d.children(k))):
                return None
            if found is not None and found[0] is not None and found[0][1] <= v:
                return found[0]
        k = d.toks[k].head
    return None


def _object_of_verb_before(d: DocView, a: int, b: int) -> bool:
    """The noun phrase ``[a, b)`` is the object or an oblique of a verb before it ("Trump
    unleashed a series of tweets saying that S"): a participle after another verb's object
    tells what the subject of that verb did; its object did not speak."""
    k = next(iter(d.heads(a, b)), None)
    for _ in range(4):
        if k is None or d.toks[k].head < 0:
            return False
        t, head = d.toks[k], d.toks[d.toks[k].head]
        if t.deprel in ("obj", "iobj", "obl") and head.upos in ("VERB", "AUX") and head.i < a:
            return True
        if t.deprel != "nmod":
            return False
        k = head.i
    return False


def _oblique_subject(d: DocView, v: int, h: int | None) -> int | None:
    """"His comments come days after Trudeau told CP that ...": the parser read "after
    Trudeau" as a prepositional phrase on the cue and gave it the subject of another verb;
    a name or pronoun right before the cue that hangs on it as an oblique (a noun does not
    precede its own finite verb so) is the cue's subject.  ``h`` otherwise."""
    k = v - 1
    if k < 0 or d.toks[k].sent != d.toks[v].sent or h == k or d.toks[v].xpos not in FINITE_XPOS:
        return h
    t = d.toks[k]
    if t.head == v and t.deprel in ("obl", "nmod") and (t.upos in ("PROPN", "PRON") or t.ner.endswith("PER")):
        return k
    return h


def _inverted_mention_end(d: DocView, v: int, end: int) -> int:
    """Where the speaker after an inverted cue ends: "“…,” says the bow-tied maverick, noting
    that S" -- at a comma followed by a participle (the speaker's next act), by "and" (a
    resumed quotation: "said Blumenthal, and “…”") or by a quotation mark; else ``end``."""
    for k in range(v + 2, end - 1):
        if d.toks[k].text == "," and (d.toks[k + 1].xpos == "VBG" or d.toks[k + 1].upos == "CCONJ"
                                       or d.is_quote_mark(k + 1)):
            return k
    return end


def _trailing_inverted(d: DocView, v: int, s0: int, end: int) -> bool:
    """"S, noted NBC's Dante Chinni." / "S, said the winter railroading report.": a cue
    after the comma that closes a clause, followed by nothing but a short noun phrase to
    the end of the sentence, is an inverted attribution even without quotation marks (the
    parser, finding no subject, makes the speaker an object).  Not when a finite verb or
    a comma follows ("S, said Roe, who is ..."): that is more than a name."""
    if v - 1 <= s0 or d.toks[v - 1].text != "," or end - (v + 1) > 12:
        return False
    # (a participle may be a misread noun: "the winter railroading report")
    if any(d.toks[m].xpos in FINITE_XPOS or d.is_punct(m) and d.toks[m].text != "." for m in range(v + 1, end)):
        return False
    return any(d.toks[m].xpos in FINITE_XPOS and d.toks[m].upos in ("VERB", "AUX") for m in range(s0, v - 1))


def _subject_of_clause_after(d: DocView, k: int, end: int) -> bool:
    """A finite verb follows the noun phrase ending at ``k`` (past the rest of a name the
    parser left out of it: "Covington Catholic has ...")."""
    while k < end and d.toks[k].upos in ("PROPN", "NOUN"):
        k += 1
    return k < end and d.toks[k].xpos in FINITE_XPOS and d.toks[k].upos in ("VERB", "AUX")


def can_speak(d: DocView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` can be a speaker: a person, an organisation, a group, an
    anonymous source or a pronoun -- not a date or a time ("Thursday", "years"), a
    number, an event, a clause, or a fragment cut in mid-phrase ("many changing their profiles to", "the
    Globe Thursday that", "China's support for resolving the crisis and")."""
    if d.toks[b - 1].upos in ("ADP", "CCONJ") or d.low(b - 1) in ("that", "to"):
        return False
    if b - a > 1 and d.low(b - 1) in lexicon.RELATIVE_PRONOUNS and d.toks[b - 2].upos == "CCONJ":
        return False  # "Congress and who": the pronoun's antecedent is not the phrase before it
    if d.low(a) == "to" and a + 1 < b and d.toks[a + 1].upos in ("VERB", "AUX"):
        return False  # an infinitive ("to discuss internal strategy") is what someone did
    if b - a == 1 and _bare_singular(d, a):
        return False
    if _clause_mention(d, a, b) or _time_phrase(d, a, b):
        return False
    heads = d.heads(a, b)
    if len(heads) == 1 and d.lemma(heads[0]) in lexicon.EVENT_NOUNS and d.toks[heads[0]].upos == "NOUN":
        return False  # an event ("the debate", "Wednesday's debate", "the storm") cannot speak
    return any(_nominal_speaker(d, k) for k in range(a, b))


def _clause_mention(d: DocView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are a clause, not a mention: a finite verb comes before any comma,
    relative pronoun or subordinator ("He's a puppet", "the plan did not go over well",
    "is among those", misread by the parser as a cue's subject).  A name with an
    apposition or an adjunct after it ("X, a lawyer who was there", "X when asked about
    Y") is still a mention; so is a name the tagger read as a verb (entity or capital)."""
    for k in range(a, b):
        t = d.toks[k]
        if t.text == "," or t.upos == "SCONJ" or t.xpos == "WRB" or d.low(k) in lexicon.RELATIVE_PRONOUNS \
                or d.low(k) in lexicon.TIME_CONJUNCTIONS:
            return False
        if t.xpos in FINITE_XPOS and t.upos in ("VERB", "AUX") and t.ner == "O" and not t.text[:1].isupper():
            return True
    return False


def _time_phrase(d: DocView, a: int, b: int) -> bool:
    """"this month", "Last year", "the past week": a phrase headed by a time word (its last
    word), whose nouns and pronouns are all time words, is a date however many determiners
    stand before it -- not "the 43-year-old" (headed by the adjective) nor a person named May."""
    if d.toks[b - 1].upos not in ("NOUN", "PROPN") or d.lemma(b - 1).lower() not in lexicon.TIME_WORDS:
        return False
    return all(d.lemma(k).lower() in lexicon.TIME_WORDS and not d.toks[k].ner.endswith("PER")
               and not month_as_name(d, k) for k in range(a, b) if d.toks[k].upos in ("NOUN", "PROPN", "PRON"))


def month_as_name(d: DocView, k: int) -> bool:
    """"May said the country would ...": a month's name that is also a person's
    (lexicon.MONTHS_ALSO_NAMES), a capitalised name the tagger marked no date, as the subject
    of a verb, names a person (a month does not say; "in May" is no subject).  Not before a
    capitalised word: in a title-case headline that is the modal verb ("Trump May Not Have")."""
    t = d.toks[k]
    return t.upos == "PROPN" and t.ner == "O" and t.deprel in ("nsubj", "nsubj:pass") \
        and d.lemma(k).lower() in lexicon.MONTHS_ALSO_NAMES \
        and k + 1 < len(d.toks) and d.toks[k + 1].text[:1].islower()


def _bare_singular(d: DocView, k: int) -> bool:
    """A lone lower-case singular noun with no determiner or modifier ("Trump further
    described ...", with "further" tagged a noun and made the subject): English lets no
    count noun stand so as a subject, so it is a misread adverb or verb, not a speaker;
    a group, an organisation or a role noun may ("staff say", "police said", in a headline
    "mayor says")."""
    t = d.toks[k]
    return (t.xpos == "NN" and t.text.islower() and t.ner == "O" and not d.children(k)
            and d.lemma(k) not in lexicon.BARE_GROUP_NOUNS | lexicon.ORG_HEADS | lexicon.ROLE_HEADS)


def _nominal_speaker(d: DocView, k: int) -> bool:
    """Token ``k`` names someone: a pronoun, a name, an entity that is no date, or a
    noun that is no time word."""
    t = d.toks[k]
    if name_as_verb(d, k):
        return True
    if t.ner != "O":
        return not t.ner.endswith(("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"))
    if t.upos in ("PRON", "PROPN", "DET") or t.text[:1].isupper():  # "some said", "Foster writes"
        return d.lemma(k) not in lexicon.TIME_WORDS or month_as_name(d, k)
    return t.upos == "NOUN" and d.lemma(k) not in lexicon.TIME_WORDS


def _quote_after(d: DocView, v: int, end: int) -> tuple[int, Chain | None]:
    """X said: “…”: the quotation that opens right after the cue, even when the
    tokenizer put it in the next sentence ("says:\\n\\n“Well ..."); the sentence
    end is extended over it."""
    first = _past_short_adjunct(d, v + 1, end)
    while first < len(d.toks) and d.toks[first].text in (",", ":"):
        first += 1
    opens = first < len(d.toks) and d.is_quote_mark(first) and (
        first < end or first > v + 1 and d.toks[first - 1].text in (",", ":"))
    if not opens:
        return end, None
    return max(end, d.sent_range(first)[1] - 1), d.quote_starting_at(d.toks[first].start)


def _past_short_adjunct(d: DocView, i: int, end: int) -> int:
    """"says of Clinton, “…”", "said on the other hand, “…”": a phrase of at most five
    words opened by a preposition and closed by a comma before a quotation is an
    adjunct of the cue, not content: the quotation after it is what was said."""
    if i >= end or d.toks[i].upos != "ADP" or d.low(i) == "that":
        return i
    k = i + 1
    while k < end and k - i <= 5 and d.toks[k].text != "," and not d.is_quote_mark(k) \
            and d.toks[k].upos not in ("VERB", "AUX"):
        k += 1
    if k < end and d.toks[k].text == "," and k + 1 < len(d.toks) and d.is_quote_mark(k + 1):
        return k
    return i


def _named_apposition(d: DocView, src: tuple[int, int], s0: int) -> tuple[int, int]:
    """"says Gomes, a drug policy researcher with X" / "Dr. Jane Roe, the province's
    chief medical officer, said": the parser made the apposition the subject; the
    person named right before it, and the comma, belong to the speaker mention."""
    a = src[0]
    if a < s0 + 2 or d.toks[a - 1].text != "," or d.toks[a].upos not in ("DET", "NOUN", "ADJ", "PROPN"):
        return src
    # ("Sen. Ann Lowell, D-Ore., a member of ..., said": past the party-and-state tag)
    tag = party_tag_start(d, a - 1)
    named_end = tag if tag is not None else a - 1
    named = next((e for e in d.p.entities if e.label == "PER" and e.tok_end == named_end and e.tok_start >= s0), None)
    return (named.tok_start, src[1]) if named is not None else src


def _name_before_apposition(d: DocView, src: tuple[int, int], s0: int) -> tuple[int, int]:
    """“…,” Jenna Golden, director of political advertising, said: the parser
    took the apposition for the subject; the name between the quote and it is
    the speaker."""
    a = src[0]
    if a <= s0 + 2 or d.toks[a - 1].text != "," or d.quote_ending_at(d.toks[a - 1].end, slack=2):
        return src
    k = a - 2
    while k > s0 and d.toks[k].upos == "PROPN" and a - k < 6:
        k -= 1
    if k < a - 2 and d.is_quote_mark(k) and d.quote_ending_at(d.toks[k].end, slack=1):
        return k + 1, src[1]
    return src


def _left_part(d: DocView, src: tuple[int, int] | None, v: int, s0: int) -> tuple[int, bool, bool]:
    """What stands before the speaker: its end, whether it is content (a clause
    or a quotation, not an adjunct: "Last week, X called ..."), and whether it
    could be the first half of a split statement."""
    start = src[0] if src else v
    if src is None:
        return start, False, False
    # a comma or closing quote just before the speaker (allowing a connective
    # such as "as well as" in between)
    sep = next((k for k in range(start - 1, max(s0, start - 5) - 1, -1)
                if d.toks[k].text == "," or d.is_quote_mark(k)), None)
    if sep is None or any(d.toks[m].xpos in FINITE_XPOS or d.low(m) in ("which", "whom", "who")
                          for m in range(sep + 1, start)):
        # (no finite verb between: in "S, the Democrats stressed the need that would ..." the
        # comma closes a clause of its own, not the content of the cue; no relative pronoun: in
        # "The deal, which the president called the best, was signed" the text before the comma
        # is the clause the relative clause hangs on, not what the president said)
        return start, False, False
    # (a left part opening with a subordinator, "Though X is gaining, Clinton
    # maintains ...", is an adverbial clause, not content)
    has_left = d.words(s0, sep) >= 2 and (
        d.is_quote_mark(sep) or any(d.toks[m].xpos in FINITE_XPOS for m in range(s0, sep))
        and d.toks[d.trim(s0, sep)[0]].upos != "SCONJ")
    # "Less clear, he said, is what ...": a verbless fronted part can still be the
    # first half of a split statement (the rule checks that the rest has a verb)
    split_left = d.words(s0, sep) >= 2 and d.toks[sep].text == ","
    return (sep + 1 if d.is_quote_mark(sep) else sep), has_left, split_left


def trivial(d: DocView, i: int, j: int) -> bool:
    """Tokens ``[i, j)`` add nothing but time/place/manner ("on Thursday", "in a statement",
    "at a news conference announcing ...")."""
    # "said matter-of-factly as confetti fell", "said, answering a question":
    # a subordinate or participle clause after the cue is circumstance, not content
    first = next((k for k in range(i, j) if d.toks[k].upos != "ADV" and not d.is_punct(k)), None)
    if first is not None and (
        d.toks[first].upos == "SCONJ" and d.low(first) not in lexicon.COMPLEMENTIZERS
        or d.toks[first].xpos == "VBG" and first == i
    ):
        return True
    if i < j and d.toks[i].upos == "ADP" and d.low(i) != "that" and not any(
        d.toks[k].xpos in FINITE_XPOS or d.low(k) == "that" or d.is_quote_mark(k) for k in range(i, j)
    ):
        return True
    if d.words(i, j) > 8:
        return False
    return not any(d.toks[k].upos in ("VERB", "AUX") or d.is_quote_mark(k) or d.low(k) == "that"
                   for k in range(i, j))


def surface_subject(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """The noun phrase just before cue ``v``, back to a comma, colon or quote
    mark, when the parser gave the verb no subject ("…, US Director of National
    Intelligence Avril Haines said")."""
    opening = _sentence_opening_name(d, v, s0)
    if opening is not None:
        return opening
    k = v
    # (a name the tagger took for an adverb is still a name: "Still, McNeely said")
    while k - 1 >= s0 and d.toks[k - 1].upos in ("AUX", "ADV") and d.toks[k - 1].ner == "O":
        k -= 1
    end = k
    k = _skip_apposition_back(d, k, s0)
    n = 0
    while k - 1 >= s0 and n < 14:
        t = d.toks[k - 1]
        if t.text == ")":  # "Rep. John Mica (R-Fla.) said": step over the parenthesis
            m = k - 1
            while m > s0 and d.toks[m].text != "(":
                m -= 1
            if d.toks[m].text == "(" and k - 1 - m < 8:
                k = m
                continue
        if t.text in (",", ";", ":", "(", ")") or d.is_quote_mark(k - 1) or (
            t.xpos in FINITE_XPOS and t.upos in ("VERB", "AUX") and t.ner == "O"  # "The New York Times" as a verb
            and not (k == end and name_as_verb(d, k - 1))
        ):
            break
        k -= 1
        n += 1
    if end <= k or not any(d.toks[m].upos in ("NOUN", "PROPN", "PRON") or d.toks[m].ner != "O"
                           or name_as_verb(d, m) or _tagged_name(d, m) for m in range(k, end)):
        return None
    return k, end


def name_as_verb(d: DocView, k: int) -> bool:
    """"Trump said ...", "But Trump claims that ...": a capitalised word the tagger read as
    a verb, right before the cue (two verbs in a row), is the name of its speaker; a word
    opening the sentence counts only when it is a name elsewhere in the article."""
    t = d.toks[k]
    if t.upos != "VERB" or not t.text[:1].isupper() or t.text.isupper():
        return False
    if k > d.sent_range(k)[0]:
        return True
    return t.text in d.person_words


def _sentence_opening_name(d: DocView, v: int, s0: int) -> tuple[int, int] | None:
    """"Will Young, a mechanic in Kansas City, Mo., and an organizer at X, said ...":
    a sentence that opens with a name (of a person or an organisation) and a comma, and reaches the cue
    through an apposition ending in a comma, names its speaker first."""
    if v - 1 <= s0 or d.toks[v - 1].text != ",":
        return None
    e = next((e for e in d.p.entities if e.label in ("PER", "ORG") and s0 <= e.tok_start <= s0 + 2), None)
    span = (e.tok_start, e.tok_end) if e is not None else _opening_noun_phrase(d, s0, v)
    if span is None or span[1] >= v - 1 or d.toks[span[1]].text != ",":
        return None
    # (a relative clause on the name may hold verbs: "Sarah Buckley, who attended ..., said")
    relative = d.low(span[1] + 1) in lexicon.RELATIVE_PRONOUNS
    if not relative and any(d.toks[m].xpos in FINITE_XPOS and d.toks[m].upos in ("VERB", "AUX")
                            for m in range(span[1], v)):
        return None  # a clause in between: the name is not this cue's speaker
    return span


def _opening_noun_phrase(d: DocView, s0: int, v: int) -> tuple[int, int] | None:
    """"Somali group al-Shabaab, an affiliate fighting to ..., said", "Will Young, a mechanic
    based in ..., said": a name the entity tagger missed (or tagged a place) opening the
    sentence: at most six words before its first comma, each a noun, a name, an adjective, a
    determiner or a hyphen, or capitalised (the tagger reads "Will Young" as verbs), with a
    capitalised word after the first.  Not a phrase opened by a preposition ("In Ohio, ...")."""
    c = next((k for k in range(s0, min(v, s0 + 7)) if d.toks[k].text == ","), None)
    if c is None or c == s0:
        return None
    ok = all(d.toks[k].upos in ("NOUN", "PROPN", "ADJ", "DET") or d.toks[k].text == "-"
             or d.toks[k].text[:1].isupper() and d.toks[k].upos != "ADP" for k in range(s0, c))
    named = any(d.toks[k].text[:1].isupper() for k in range(s0 + 1, c))
    return (s0, c) if ok and named else None


def _skip_apposition_back(d: DocView, k: int, s0: int) -> int:
    """"…, NK Pro, a Seoul-based Web site, reported": step back over an apposition.

    Up to 20 words when it follows a person's name ("“…,” Jane Roe, the city's director of
    engineering and public works, said"): a title with its department runs long; that far,
    never over a finite verb or a quotation mark (a clause, not an apposition)."""
    if k - 1 >= s0 and d.toks[k - 1].text == ",":
        m = k - 2
        while m >= s0 and d.toks[m].text != "," and m > k - 22 and not (m <= k - 10 and (
                d.is_quote_mark(m) or d.toks[m].xpos in FINITE_XPOS and d.toks[m].upos in ("VERB", "AUX"))):
            m -= 1
        if m < k - 10 and not (m > s0 and d.toks[m - 1].ner in ("E-PER", "S-PER")):
            return k
        after_name = m > s0 and d.toks[m - 1].ner in ("E-PER", "S-PER")  # "Jane Roe, technical researcher at X,"
        if m >= s0 and d.toks[m].text == "," and (d.toks[m + 1].upos in ("DET", "NUM") or after_name):
            return m
    return k


def trim_mention(d: DocView, a: int, b: int) -> tuple[int, int] | None:
    """Drop what is not part of the speaker: a dateline, a leading conjunction or
    preposition ("since Japanese Prime Minister X") and a trailing time phrase
    ("A senior official ... on Wednesday", "X last month")."""
    # "BERLIN (Reuters) - German Chancellor X": a dateline before a dash is no part of the speaker
    for k in range(b - 1, a, -1):
        if d.toks[k].text in ("-", "—", "–", "--") and d.text[d.toks[k].start - 1 : d.toks[k].start].isspace():
            a = k + 1
            break
    while a < b and d.toks[a].upos in ("SCONJ", "ADP", "CCONJ", "ADV", "PUNCT") and d.toks[a].ner == "O":
        a += 1  # (a name the tagger called an adverb stays: "Still, McNeely said")
    # "a day after her son", "hours before the senator": a time phrase, then the speaker
    for k in range(a, min(b - 1, a + 4)):
        if d.low(k) in lexicon.TIME_CONJUNCTIONS and any(
            d.lemma(m) in lexicon.TIME_WORDS or d.lemma(m) in lexicon.SHORT_TIME_UNITS for m in range(a, k)
        ):
            a = k + 1
            break
    for k in range(a + 1, b):
        low = d.low(k)
        nxt = d.low(k + 1) if k + 1 < b else ""
        if low in lexicon.TIME_DEICTICS or (low in lexicon.TIME_PREMODIFIERS and nxt in lexicon.TIME_WORDS):
            b = k
            break
    if b - a > 1 and d.low(b - 1) in ("who", "which") and d.toks[b - 2].upos not in ("ADP", "CCONJ"):
        # "voters who said", "Sanders, who said": the speaker is the antecedent ("many of whom"
        # stays; a trailing "that" is more often a complementizer: "told the Globe Thursday that")
        b -= 1
    a, b = d.trim(a, b)
    return (a, b) if b > a else None
