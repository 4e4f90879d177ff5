"""The confidence model: its file names only features attrib.calibrate produces, its
probabilities move the way its coefficients say, and find_attributions uses it."""

from __future__ import annotations

import math

import pytest
from parsebuilder import build

from attrib import calibrate
from attrib.attribute import attributions_with_features, find_attributions
from attrib.extract.confidence import confidence
from attrib.extract.rules import rule_names
from attrib.resolve import HOW
from attrib.types import STATEMENT_KINDS

#: The one-hot features of calibrate.features, and the values each may take.
CATEGORIES = {
    "rule": set(rule_names()),
    "how": set(HOW),
    "speaker_kind": {"person", "organisation", "anonymous", "group", "unknown"},
    "kind": set(STATEMENT_KINDS),
    "type": {"direct", "indirect", "mixed"},
    "content": set(calibrate.SHAPES),
    "speaker_head": {"name", "pronoun", "noun", "other", "none"},
}
NUMERIC = {"rule_precision", "named", "log_words", "short", "log_cue_gap", "log_speaker_gap", "core_cue", "relayed",
           "log_speaker_words", "speaker_heads", "speaker_time"}

SAID_TABLE = """
    Kim      PROPN  3 nsubj     B-PER
    Min-jun  PROPN  1 flat      E-PER
    said     VERB   0 root      say
    the      DET    5 det
    talks    NOUN   7 nsubj     talk
    had      AUX    7 aux
    failed   VERB   3 ccomp
    .        PUNCT  3 punct
"""
SAID = build("Kim Min-jun said the talks had failed.", SAID_TABLE)

# a quotation alone in the next paragraph: its speaker is the previous statement's (how=continued)
FLOATING = build(
    "Kim Min-jun said the talks had failed.\n“We will not go back to them.”",
    SAID_TABLE,
    """
    “      PUNCT  5 punct
    We     PRON   5 nsubj    we
    will   AUX    5 aux
    not    PART   5 advmod
    go     VERB   0 root
    back   ADV    5 advmod
    to     ADP    8 case
    them   PRON   5 obl      they
    .      PUNCT  5 punct
    ”      PUNCT  5 punct
    """,
)


def is_known(name: str) -> bool:
    """Whether ``name`` is a feature calibrate.features can produce."""
    if "=" in name:
        cat, _, value = name.partition("=")
        return value in CATEGORIES.get(cat, set())
    return name in NUMERIC


def test_model_file_names_only_features_calibrate_produces():
    m = calibrate.model()
    assert set(m["coef"]) == set(m["features"])
    unknown = [f for f in m["features"] if not is_known(f)]
    assert not unknown, f"calibration.json names features attrib.calibrate does not produce: {unknown}"
    assert all(isinstance(w, float | int) and math.isfinite(w) for w in m["coef"].values())
    assert math.isfinite(m["intercept"])
    t = m["trained_on"]
    assert "train" in t["file"] and "dev" not in t["file"]
    assert t["documents"] > 0 and t["statements"] > 0 and 0 < t["positive_rate"] < 1
    assert m["command"].startswith("python bench/calibrate.py")


@pytest.mark.parametrize("parse", [SAID, FLOATING], ids=["said", "floating"])
def test_features_of_real_statements_are_in_the_vocabulary(parse):
    found = attributions_with_features(parse)
    assert found
    for _, f in found:
        assert all(is_known(k) for k in f), f
        for cat in CATEGORIES:
            assert sum(1 for k in f if k.startswith(cat + "=")) == 1, (cat, f)


def base() -> dict[str, float]:
    """A plain statement: reported speech of a named person."""
    return {"rule=reported_after": 1.0, "how=name": 1.0, "speaker_kind=person": 1.0, "kind=speech": 1.0,
            "type=indirect": 1.0, "rule_precision": 0.7, "named": 1.0, "log_words": math.log1p(8),
            "short": 0.0, "log_cue_gap": 0.0, "log_speaker_gap": 0.0}


def test_probabilities_are_in_the_open_unit_interval():
    coef = calibrate.model()["coef"]
    for k in coef:
        for v in (0.0, 1.0, 5.0):
            assert 0.0 < calibrate.probability({**base(), k: v}) < 1.0
    assert 0.0 < calibrate.probability({}) < 1.0
    # far out, the function neither overflows nor leaves [0, 1]
    m = {"intercept": 0.0, "coef": {"x": 1.0}}
    assert calibrate.probability({"x": -1000.0}, m) == pytest.approx(0.0)
    assert calibrate.probability({"x": 1000.0}, m) == pytest.approx(1.0)
    assert calibrate.probability({"unseen": 3.0}, m) == 0.5


@pytest.mark.parametrize("name", sorted(set(calibrate.model()["coef"]) - set(calibrate.model().get("factors", {}))))
def test_each_feature_moves_the_probability_the_way_its_coefficient_says(name):
    w = calibrate.model()["coef"][name]
    f = base()
    low, high = {**f, name: 0.0}, {**f, name: 1.0}
    p_low, p_high = calibrate.probability(low), calibrate.probability(high)
    if w > 0:
        assert p_high > p_low
    elif w < 0:
        assert p_high < p_low
    else:
        assert p_high == p_low


def test_a_named_speaker_against_none_follows_the_coefficients():
    """The same statement, its speaker found by name or not at all (and so unnamed)."""
    coef = calibrate.model()["coef"]
    named = base()
    nobody = {**base(), "how=none": 1.0, "named": 0.0, "speaker_kind=unknown": 1.0}
    del nobody["how=name"], nobody["speaker_kind=person"]
    gap = sum(coef.get(k, 0.0) * v for k, v in named.items()) - sum(coef.get(k, 0.0) * v for k, v in nobody.items())
    p_named, p_nobody = calibrate.probability(named), calibrate.probability(nobody)
    assert (p_named > p_nobody) == (gap > 0)
    assert gap > 0, "the fitted model should trust a named speaker more than none"


@pytest.mark.parametrize("parse", [SAID, FLOATING], ids=["said", "floating"])
def test_find_attributions_confidence_is_the_calibrated_probability(parse):
    with_features = attributions_with_features(parse)
    found = find_attributions(parse)
    assert len(found) == len(with_features)
    for a, (b, f) in zip(found, with_features, strict=True):
        assert a.confidence == round(calibrate.probability(f), 3)
        assert 0.0 < a.confidence < 1.0
        assert b.confidence == round(confidence(b.rule), 3)  # before calibration: the rule's precision
        assert a.to_json(parse.text) | {"confidence": None} == b.to_json(parse.text) | {"confidence": None}


def test_the_hand_built_statements_are_the_ones_meant():
    (a,) = find_attributions(SAID)
    assert (a.rule, a.source_name, a.speaker_kind) == ("reported_after", "Kim Min-jun", "person")
    rules = [(x.rule, x.source_name) for x in find_attributions(FLOATING)]
    assert rules == [("reported_after", "Kim Min-jun"), ("floating_quote", "Kim Min-jun")], rules
    assert attributions_with_features(FLOATING)[1][1]["how=continued"] == 1.0


def test_a_factor_multiplies_the_probability():
    m = calibrate.model()
    assert m["factors"] == {"how=pronoun_ambiguous": 0.5}
    assert m["coef"]["how=pronoun_ambiguous"] == m["coef"]["how=pronoun"]  # fitted as a pronoun
    pronoun = {**base(), "how=pronoun": 1.0}
    del pronoun["how=name"]
    ambiguous = {**base(), "how=pronoun_ambiguous": 1.0}
    del ambiguous["how=name"]
    assert calibrate.probability(ambiguous) == pytest.approx(0.5 * calibrate.probability(pronoun))


def _board_article(rival: bool):
    """"She said ..." after one person named as a subject, or after two, neither of whose
    gender the article gives: with the second, "She" could be either."""
    sents = [("Lina Park met the board.", """
        Lina   PROPN  3 nsubj  B-PER
        Park   PROPN  1 flat   E-PER
        met    VERB   0 root   meet
        the    DET    5 det
        board  NOUN   3 obj
        .      PUNCT  3 punct
        """)]
    if rival:
        sents.append(("Robin Haddad met the staff.", """
        Robin   PROPN  3 nsubj  B-PER
        Haddad  PROPN  1 flat   E-PER
        met     VERB   0 root   meet
        the     DET    5 det
        staff   NOUN   3 obj
        .       PUNCT  3 punct
        """))
    sents.append(("The room was cold.", """
        The   DET    2 det
        room  NOUN   4 nsubj
        was   AUX    4 cop    be
        cold  ADJ    0 root
        .     PUNCT  4 punct
        """))  # (a pronoun right after a name would be taken as evidence of that person's gender)
    sents.append(("She said the budget was tight.", """
        She     PRON   2 nsubj  she
        said    VERB   0 root   say
        the     DET    4 det
        budget  NOUN   6 nsubj
        was     AUX    6 cop    be
        tight   ADJ    2 ccomp
        .       PUNCT  2 punct
        """))
    return build("\n".join(t for t, _ in sents), *(tab for _, tab in sents))


def test_an_ambiguous_pronoun_gets_a_lower_confidence_than_a_plain_one():
    """Issue 9: when two candidates are equally likely, say so with a lower confidence."""
    ((plain, pf),) = attributions_with_features(_board_article(rival=False))
    ((amb, af),) = attributions_with_features(_board_article(rival=True))
    assert (plain.source_name, pf.get("how=pronoun")) == ("Lina Park", 1.0)
    assert (amb.source_name, af.get("how=pronoun_ambiguous")) == ("Robin Haddad", 1.0)
    (p_plain,) = find_attributions(_board_article(rival=False))
    (p_amb,) = find_attributions(_board_article(rival=True))
    assert p_amb.confidence < p_plain.confidence
    assert p_amb.confidence == pytest.approx(0.5 * p_plain.confidence, abs=0.002)


def test_the_features_of_a_said_clause_by_a_named_speaker():
    ((_, f),) = attributions_with_features(SAID)
    assert f["content=clause"] == 1.0 and f["speaker_head=name"] == 1.0
    assert "speaker_time" not in f and "speaker_heads" not in f


def _object_statement(verb: str, lemma: str, obj: str, obj_lemma: str):
    return build(f"Dana Cole {verb} the {obj}.", f"""
        Dana  PROPN  3 nsubj  B-PER
        Cole  PROPN  1 flat   E-PER
        {verb}  VERB  0 root  {lemma}
        the   DET    5 det
        {obj}  NOUN  3 obj    {obj_lemma}
        .     PUNCT  3 punct
        """)


@pytest.mark.parametrize(("parse", "shape"), [
    (_object_statement("denied", "deny", "allegation", "allegation"), "claim_noun"),
    (build("Dana Cole praised the crew for its speed.", """
        Dana    PROPN  3 nsubj      B-PER
        Cole    PROPN  1 flat       E-PER
        praised VERB   0 root       praise
        the     DET    5 det
        crew    NOUN   3 obj
        for     ADP    8 case
        its     PRON   8 nmod:poss  its
        speed   NOUN   3 obl
        .       PUNCT  3 punct
        """), "noun"),
    (SAID, "clause"),
], ids=["claim noun", "other noun", "clause"])
def test_content_shape_tells_a_claim_from_another_noun_phrase(parse, shape):
    """A noun phrase is a statement under some annotation schemes only when it names
    something said: the model sees which kind of noun phrase the content is."""
    ((_, f),) = attributions_with_features(parse)
    assert f[f"content={shape}"] == 1.0, f
