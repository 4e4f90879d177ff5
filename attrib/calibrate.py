"""Per-statement confidence: a logistic model over what is known about a statement.

One number per rule covers good and bad rows alike, so the confidence of each
statement is estimated from its own evidence: the rule, how the speaker was
found (full name, surname, pronoun, nominal, description, none), the speaker's
kind, the statement's kind and type, the rule's measured precision, and the
size of the content and its distance from the cue.  The coefficients live in
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
    return f


@cache
def model() -> dict[str, Any]:
    """The fitted model: intercept, coefficients by feature name, and how it was fitted."""
    return json.loads(files("attrib.data").joinpath(DATA_FILE).read_text(encoding="utf-8"))


def probability(feats: dict[str, float], m: dict[str, Any] | None = None) -> float:
    """The calibrated probability that the statement and its speaker are right.

    ``m`` is the model (default: the committed one, :func:`model`); features it
    does not know weigh nothing."""
    m = m if m is not None else model()
    coef = m["coef"]
    z = m["intercept"] + sum(coef.get(k, 0.0) * v for k, v in feats.items())
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)  # the same, without overflow for a very negative z
    return ez / (1.0 + ez)
