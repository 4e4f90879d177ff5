"""Helpers shared by the extraction rules: a read-only view over a parse and
the :class:`Candidate` that every rule returns."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass

from .. import lexicon
from ..types import ParsedArticle, Token
from .quotemarks import Quote, find_quotes, quote_chains

WORD = re.compile(r"\w+")
PUNCT_UPOS = frozenset({"PUNCT", "SYM"})
QUOTE_CHARS = "“”„«»‘’‚\"'"
_QUOTE_CHARS = frozenset(QUOTE_CHARS)
_PUNCT_CHARS = frozenset(QUOTE_CHARS + ".,;:!?—–-()[]")
FINITE_XPOS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NP_UPOS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "DET"})
SUBJ = ("nsubj", "nsubj:pass", "csubj", "nsubj:outer")


@dataclass(frozen=True)
class Candidate:
    """A statement found by a rule, before speaker resolution.

    Spans are character offsets.  ``source`` is the speaker mention as a token
    range ``[i, j)``; ``orientation`` says where the content lies relative to
    the cue ("before", "after", "split", "none").  Candidates are immutable:
    the conflict passes return new candidates (:func:`dataclasses.replace`).
    """

    content: tuple[tuple[int, int], ...]
    rule: str
    confidence: float
    cue_tok: int | None = None
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    source: tuple[int, int] | None = None
    orientation: str = "after"
    relay: tuple[int, int] | None = None  # token range naming the relaying body
    speaker_from: int | None = None  # floating quotes: the anchor of the statement whose speaker goes on
    type: str = "indirect"
    kind: str = "speech"  # speech, belief, intention or evidence (attrib.extract.kinds)

    @property
    def start(self) -> int:
        """Start of the first content span."""
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        """End of the last content span."""
        return max(e for _, e in self.content)

    @property
    def anchor(self) -> int:
        """Where the statement is made: its cue, else its content (speakers are resolved in this order)."""
        return self.cue[0] if self.cue else self.start

    def covers(self, pos: int) -> bool:
        """True when character ``pos`` lies inside one of the content spans."""
        for s, e in self.content:  # a loop, not any(): called for every pair of candidates
            if s <= pos < e:
                return True
        return False


class DocView:
    """Convenience lookups over a :class:`ParsedArticle` (character <-> token,
    sentence bounds, subtrees, quotes)."""

    def __init__(self, parse: ParsedArticle):
        self.p = parse
        self.text = parse.text
        self.toks: tuple[Token, ...] = parse.tokens
        self._starts = [t.start for t in self.toks]
        # per-token flags, worked out once: the rules ask for them hundreds of times an article
        self._punct = [t.upos in PUNCT_UPOS or _PUNCT_CHARS.issuperset(t.text) for t in self.toks]
        self._quote_mark = [_QUOTE_CHARS.issuperset(t.text) for t in self.toks]
        self._kids = parse._children_index()
        #: each token's text and lemma, lower-cased
        self.lows: list[str] = [t.text.lower() for t in self.toks]
        self.lemmas: list[str] = [t.lemma.lower() for t in self.toks]
        # _words_before[k]: non-punctuation tokens in [0, k)
        self._words_before = list(itertools.accumulate(map(operator.not_, self._punct), initial=0))
        self._subtrees: dict[int, list[int]] = {}
        self.quotes: list[Quote] = find_quotes(parse.text)
        self.chains = quote_chains(self.quotes)
        self._quote_starts = [q.inner_start for q in self.quotes]

    @functools.cached_property
    def person_words(self) -> frozenset[str]:
        """Every word of the article's person names (its PER entities)."""
        return frozenset(w for e in self.p.entities if e.label == "PER" for w in e.text.split())

    # -- tokens -------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the token containing or following character ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and self.toks[i].end > char:
            return i
        return min(i + 1, len(self.toks) - 1)

    def sent_range(self, i: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the sentence of token ``i``."""
        s = self.p.sentences[self.toks[i].sent]
        return s.tok_start, s.tok_end

    def is_punct(self, i: int) -> bool:
        """True for punctuation (including quotation marks and dashes)."""
        return self._punct[i]

    def is_quote_mark(self, i: int) -> bool:
        """True when token ``i`` is only quotation marks."""
        return self._quote_mark[i]

    def has_quote_mark(self, i: int, j: int) -> bool:
        """True when one of the tokens ``[i, j)`` is only quotation marks."""
        return any(self._quote_mark[i:j])

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens ``[i, j)``."""
        return self.toks[i].start, self.toks[j - 1].end

    def trim(self, i: int, j: int, keep_quotes: bool = False) -> tuple[int, int]:
        """Shrink ``[i, j)`` past punctuation at both ends (optionally keeping quote marks)."""
        punct, mark = self._punct, self._quote_mark
        while i < j and punct[i] and not (keep_quotes and mark[i]):
            i += 1
        while j > i and punct[j - 1] and not (keep_quotes and mark[j - 1]):
            j -= 1
        return i, j

    def words(self, i: int, j: int) -> int:
        """Number of non-punctuation tokens in ``[i, j)``."""
        if j <= i:
            return 0
        if i < 0:  # (negative indices count from the end, as a list's do)
            return sum(1 for k in range(i, j) if not self._punct[k])
        return self._words_before[j] - self._words_before[i]

    def heads(self, i: int, j: int) -> list[int]:
        """The tokens of ``[i, j)`` (punctuation aside) whose head lies outside it: the
        roots of the phrase or phrases it holds."""
        toks, punct = self.toks, self._punct
        return [k for k in range(i, j) if not punct[k] and not (i <= toks[k].head < j)]

    def children(self, i: int) -> list[Token]:
        """Dependents of token ``i``."""
        return self._kids[i]

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and its descendants, sorted (worked out once per token: the rules ask
        for the subtrees of the cue and its subject several times each; do not change the list)."""
        sub = self._subtrees.get(i)
        if sub is None:
            sub = self._subtrees[i] = self.p.subtree(i)
        return sub

    def lemma(self, i: int) -> str:
        """Lower-cased lemma of token ``i``."""
        return self.lemmas[i]

    def low(self, i: int) -> str:
        """Lower-cased text of token ``i``."""
        return self.lows[i]

    # -- quotes -------------------------------------------------------------
    def quote_around(self, char: int) -> Quote | None:
        """The quote whose inner text contains character ``char``."""
        # quotes are in text order and never overlap: only the last one starting at or before can
        k = bisect.bisect_right(self._quote_starts, char) - 1
        if k >= 0 and char < self.quotes[k].inner_end:
            return self.quotes[k]
        return None

    def in_quote(self, char: int) -> bool:
        """True when ``char`` lies inside quotation marks."""
        return self.quote_around(char) is not None

    def quote_ending_at(self, char: int, slack: int = 2) -> list[Quote] | None:
        """The quote chain whose closing mark ends at ``char`` (or just before)."""
        for chain in self.chains:
            last = chain[-1]
            if last.closed and 0 <= char - last.end <= slack:
                return chain
        return None

    def quote_starting_at(self, char: int, slack: int = 2) -> list[Quote] | None:
        """The quote chain whose opening mark is at ``char`` (or just after)."""
        for chain in self.chains:
            if 0 <= chain[0].start - char <= slack:
                return chain
        return None


#: A US party-and-state tag after a politician's name: "D-Mich.", "R-Fla." (one token or three).
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


def party_tag_start(d: DocView, j: int) -> int | None:
    """"Sen. Ann Lowell, D-Ore., a member of ...": when the tokens ending at ``j``
    (exclusive) are a party-and-state tag after a comma, the index of that comma (right
    after the name), else None.  The entity tagger often reads the state as a person."""
    if j >= 2 and PARTY_TAG.match(d.toks[j - 1].text) and d.toks[j - 2].text == ",":
        return j - 2
    if j >= 4 and d.toks[j - 2].text == "-" and d.toks[j - 3].text in ("D", "R", "I") \
            and d.toks[j - 1].text[:1].isupper() and d.toks[j - 4].text == ",":
        return j - 4
    return None


def calls_for(d: DocView, v: int) -> bool:
    """"called for a moratorium", "called on the city to act": the cue ``v`` is *call* with
    its particle right after it, a demand whose object follows the particle."""
    return d.lemma(v) == "call" and v + 1 < len(d.toks) and d.low(v + 1) in lexicon.DEMAND_PARTICLES


def subject_of(d: DocView, v: int) -> int | None:
    """The head token of the subject of verb ``v``.

    Climbs from participles, infinitives and coordinated verbs to the verb whose
    subject they share ("declined ..., but *said*", "issued a statement
    *accusing*"); for a relative clause with no subject of its own the noun it
    modifies is the subject ("the ministry, which said").
    """
    cur = v
    for _ in range(4):
        t = d.toks[cur]
        subjects = sorted((c for c in d.children(cur) if c.deprel in SUBJ), key=lambda c: abs(c.i - cur))
        # (of two subjects the parser gave a verb, a time word is the misread adverbial:
        # "Wells Fargo just this month announced" has "month" as a second subject)
        subjects = [c for c in subjects if c.lemma.lower() not in lexicon.TIME_WORDS] or subjects
        if subjects:
            c = subjects[0]
            if c.lemma.lower() in lexicon.RELATIVE_PRONOUNS and t.deprel == "acl:relcl" and t.head >= 0:
                return t.head
            return c.i
        if t.head < 0:
            return None
        head = d.toks[t.head]
        if t.deprel == "acl:relcl" and head.upos in ("NOUN", "PROPN", "PRON"):
            # (not after a comma with no relative pronoun: "Dr. Roe, who later retired from
            # the service as a rear admiral, said that": the parser hung the main verb on
            # the last noun of the relative clause, which is no speaker)
            if cur > 0 and d.toks[cur - 1].text == "," and head.i < cur - 1:
                return None
            return head.i
        if t.deprel == "conj" and _speech_act_on_reported_verb(d, cur):
            cur = d.toks[_reported_clause(d, head.i)].head  # "May said the country would declare X and
            continue  # suggested that ...": May's act
        if t.deprel in ("conj", "xcomp", "advcl", "acl"):
            cur = t.head
            continue
        # "issued a statement accusing ...": climb from a speech noun to its verb
        if t.upos == "NOUN" and t.deprel in ("obj", "obl", "nmod") and head.upos in ("VERB", "AUX"):
            cur = t.head
            continue
        return None
    return None


def _speech_act_on_reported_verb(d: DocView, k: int) -> bool:
    """Speech verb ``k``, with no subject of its own, is coordinated with the verb of a clause
    reported by a cue ("said the country would declare X and suggested that Y"): the parser
    hung the speaker's next act on the reported verb, so it shares the cue's subject, not
    that verb's (extract.complement._end_at_inner_speech_act ends the first content there).
    Not when the reported verb is a cue itself ("the firm reported X and warned that Y")."""
    head = d.toks[_reported_clause(d, d.toks[k].head)]
    return d.lemma(k) in lexicon.SPEECH_VERBS and head.deprel == "ccomp" and head.head >= 0 \
        and d.lemma(head.i) not in lexicon.CUE_LEMMAS and d.lemma(head.head) in lexicon.CUE_LEMMAS \
        and any(c.deprel == "ccomp" for c in d.children(k))


def _reported_clause(d: DocView, k: int) -> int:
    """The verb of the clause verb ``k`` belongs to, past the infinitives it hangs under
    ("the country would declare its intention to break with X and suggested": the parser hangs
    "suggested" on "break", whose clause is "declare"'s)."""
    for _ in range(3):
        if d.toks[k].deprel != "xcomp" or d.toks[k].head < 0:
            break
        k = d.toks[k].head
    return k


def mention_range(d: DocView, h: int, v: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``h``, on the side of ``v`` it is on.

    The subtree is cut at the verb, at a parenthetical introduced by a comma and
    a preposition or relative pronoun ("Kim, in a call with Campbell, said"),
    and trimmed of punctuation.
    """
    sub = [k for k in d.subtree(h) if (k < v) == (h < v) and k != v]
    if v in d.subtree(h):
        sub = [k for k in sub if k not in set(d.subtree(v))]
    if not sub:
        return h, h + 1
    # keep the contiguous run around h
    lo = hi = h
    sset = set(sub)
    while lo - 1 in sset:
        lo -= 1
    while hi + 1 in sset:
        hi += 1
    lo, hi = d.trim(lo, hi + 1)
    hi -= 1
    if h < v:
        # the parser often splits a long subject ("South Korean and US officials",
        # "state media KCNA"): take the whole noun phrase up to the verb and back to a comma
        while hi + 1 < v and d.toks[hi + 1].upos in NP_UPOS:
            hi += 1
        while lo - 1 >= 0 and d.toks[lo - 1].sent == d.toks[h].sent and (
            d.toks[lo - 1].upos in NP_UPOS or d.toks[lo - 1].upos == "CCONJ" and lo - 2 >= 0
            and d.toks[lo - 2].upos in NP_UPOS
        ):
            lo -= 1
    j = hi + 1
    for k in range(h + 1, j):
        if d.toks[k].text == "," and k + 1 < j:
            nxt = d.toks[k + 1]
            if nxt.upos in ("ADP", "SCONJ", "VERB") or nxt.lemma.lower() in lexicon.RELATIVE_PRONOUNS:
                j = k
                break
    return d.trim(lo, j)
