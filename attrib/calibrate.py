"""Per-statement confidence: a logistic model over what is known about a statement.

One number per rule covers good and bad rows alike, so the confidence of each
statement is estimated from its own evidence: the rule, how the speaker was
found (full name, surname, pronoun, nominal, description, none), the speaker's
kind, the statement's kind and type, the rule's measured precision, the size
and shape of the content (quotation, clause, infinitive, noun phrase) and its
distance from the cue, and the shape of the speaker mention (its head, its
length, a word of time inside it).  The coefficients live in
``attrib/data/calibration.json``, fitted by ``bench/calibrate.py`` on PolNeAR
*train* only (a statement counts as right when its content matches the
annotators' and its speaker does too); ``bench/accuracy.py`` measures how well
it is calibrated on the dev sets.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files
from typing import Any

from . import lexicon
from .extract.base import Candidate, DocView
from .resolve import Speaker

DATA_FILE = "calibration.json"


def features(d: DocView, c: Candidate, sp: Speaker) -> dict[str, float]:
    """The evidence about one statement, as named numeric features (absent = 0)."""
    words = sum(d.words(d.tok_at(s), d.tok_at(max(s, e - 1)) + 1) for s, e in c.content)
    f = {
        f"rule={c.rule}": 1.0,
        f"how={sp.how}": 1.0,
        f"speaker_kind={sp.kind}": 1.0,
        f"kind={c.kind}": 1.0,
        f"type={c.type}": 1.0,
        "rule_precision": c.confidence,
        "named": 1.0 if sp.name else 0.0,
        "log_words": math.log1p(words),
        "short": 1.0 if words < 4 else 0.0,
    }
    if c.cue is not None:
        gap = min(abs(c.cue[0] - e) if e <= c.cue[0] else abs(s - c.cue[1]) for s, e in c.content)
        f["log_cue_gap"] = math.log1p(gap)
    if c.source is not None and c.cue_tok is not None:
        f["log_speaker_gap"] = math.log1p(min(abs(c.source[0] - c.cue_tok), abs(c.source[1] - 1 - c.cue_tok)))
    if c.cue_lemma in lexicon.CORE_SPEECH_VERBS:
        f["core_cue"] = 1.0  # "said", "told": the commonest cues, whose complement is nearly always what was said
    if c.relay is not None:
        f["relayed"] = 1.0
    f[f"content={content_shape(d, c)}"] = 1.0
    f.update(mention_features(d, *c.source) if c.source is not None else {"speaker_head=none": 1.0})
    return f


def mention_features(d: DocView, a: int, b: int) -> dict[str, float]:
    """The shape of the speaker mention in tokens ``[a, b)``: its length, whether its head
    is a name, a pronoun, a noun or something else, and whether it holds a word of time
    (a mention that swallowed "on Friday" or "in 2006" is often not a speaker at all)."""
    heads = d.heads(a, b)
    upos = d.toks[heads[0]].upos if heads else "X"
    head = {"PROPN": "name", "PRON": "pronoun", "NOUN": "noun"}.get(upos, "other")
    f = {"log_speaker_words": math.log1p(d.words(a, b)), f"speaker_head={head}": 1.0}
    if len(heads) > 1:
        f["speaker_heads"] = 1.0  # more than one phrase: "new trade opportunities and they"
    if any(d.low(k) in lexicon.TIME_WORDS or d.toks[k].upos == "NUM" for k in range(a, b)):
        f["speaker_time"] = 1.0
    return f


#: Dependents that make a content head a clause: it has a subject, a copula, an
#: auxiliary or a complementiser ("the plan was fair", "that it will close").
CLAUSE_DEPRELS = (*lexicon.SUBJECT_DEPRELS, "cop", "aux", "aux:pass", "mark")
#: The shapes of content :func:`content_shape` tells apart.
SHAPES = ("quote", "clause", "infinitive", "claim_noun", "noun", "other")


def content_shape(d: DocView, c: Candidate) -> str:
    """What the content is: a quotation, a clause, an infinitive ("urged them to leave"),
    a noun phrase naming something said ("denied the allegation"), another noun phrase
    ("praised the police"), or something else.  A noun phrase is a statement under some
    annotation schemes and not others, so the model must be able to tell it apart."""
    first, last = c.content[0][0], c.content[-1][1]
    i, j = d.tok_at(first), d.tok_at(max(first, last - 1)) + 1
    if d.has_quote_mark(i, j):
        return "quote"
    heads = d.heads(i, j)
    if not heads:
        return "other"
    kinds = set()
    for h in heads:
        t, kids = d.toks[h], d.children(h)
        marks = {ch.lemma.lower() for ch in kids if ch.deprel == "mark"} if kids else _NO_MARKS
        if t.xpos in FINITE or marks & lexicon.COMPLEMENTIZERS or any(
                ch.deprel in _CLAUSE_DEPRELS and i <= ch.i < j for ch in kids):
            return "clause"  # (the first of SHAPES any head can give: the other heads cannot change it)
        if "to" in marks or t.upos in ("VERB", "AUX"):
            kinds.add("infinitive")
        elif t.upos in ("NOUN", "PROPN", "PRON", "NUM"):
            kinds.add("claim_noun" if d.lemma(h) in lexicon.CLAIM_NOUNS else "noun")
    return next((k for k in SHAPES if k in kinds), "other")


#: A content head with one of these dependents inside the content is a clause (:func:`content_shape`).
_CLAUSE_DEPRELS = frozenset({*lexicon.SUBJECT_DEPRELS, "cop"})
_NO_MARKS: frozenset[str] = frozenset()


#: Penn tags of finite verbs.
FINITE = frozenset("VBD VBZ VBP MD".split())


@cache
def model() -> dict[str, Any]:
    """The fitted model: intercept, coefficients by feature name, and how it was fitted."""
    return json.loads(files("attrib.data").joinpath(DATA_FILE).read_text(encoding="utf-8"))


def probability(feats: dict[str, float], m: dict[str, Any] | None = None) -> float:
    """The calibrated probability that the statement and its speaker are right.

    ``m`` is the model (default: the committed one, :func:`model`); features it
    does not know weigh nothing.  A feature listed in the model's ``factors``
    multiplies the probability by its factor: evidence the training data cannot
    measure, such as a pronoun with two equally likely persons behind it (the
    annotations say which mention spoke, not who "he" is, so a wrong guess between
    two candidates goes unseen in training; the name is right at most half the time)."""
    m = m if m is not None else model()
    coef = m["coef"]
    z = m["intercept"] + sum(coef.get(k, 0.0) * v for k, v in feats.items())
    if z >= 0:
        p = 1.0 / (1.0 + math.exp(-z))
    else:
        ez = math.exp(z)  # the same, without overflow for a very negative z
        p = ez / (1.0 + ez)
    for k, factor in m.get("factors", {}).items():
        if feats.get(k):
            p *= factor
    return p
