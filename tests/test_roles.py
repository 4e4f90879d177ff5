"""Role and organisation of a speaker from titles, appositions and possessives, on
hand-built parses (no stanza models): what a fact-checker sees beside each statement."""

from __future__ import annotations

from parsebuilder import build, statements

from attrib.types import ParsedArticle


def speaker(p: ParsedArticle) -> tuple:
    """(name, role, organisation) of the only statement in ``p``."""
    found = statements(p)
    assert len(found) == 1, found
    return found[0]["name"], found[0]["role"], found[0]["organisation"]


# --------------------------------------------------------------------------- organisation in a phrase


def test_the_organisation_after_a_hyphenated_modifier_is_the_name_not_the_place():
    p = build(
        "Rents will rise, said Lena Holt, an analyst at the Oslo-based broker Fjordline.",
        """
        Rents     NOUN/NNS   3 nsubj     rent
        will      AUX/MD     3 aux
        rise      VERB       0 root
        ,         PUNCT      5 punct
        said      VERB       3 conj
        Lena      PROPN      5 obj       B-PER
        Holt      PROPN      6 flat      E-PER
        ,         PUNCT     10 punct
        an        DET       10 det       a
        analyst   NOUN       5 nsubj
        at        ADP       17 case
        the       DET       17 det
        Oslo      PROPN     15 compound  S-LOC
        -         PUNCT/HYPH 13 punct
        based     VERB/VBN  17 amod      base
        broker    NOUN      17 compound
        Fjordline PROPN     10 nmod      S-ORG
        .         PUNCT      3 punct
        """,
    )
    assert speaker(p) == ("Lena Holt", "analyst", "Fjordline")


LAWYER_FOR = """
    Mark      PROPN  10 nsubj  B-PER
    Bell      PROPN   1 flat   E-PER
    ,         PUNCT   5 punct
    a         DET     5 det
    lawyer    NOUN    1 appos
    for       ADP     8 case
    the       DET     8 det
    {what}    NOUN    5 nmod
    ,         PUNCT   5 punct
    said      VERB    0 root
    they      PRON   13 nsubj
    would     AUX    13 aux
    sue       VERB   10 ccomp
    .         PUNCT  10 punct
"""


def test_a_lawyer_for_the_family_has_no_organisation():
    p = build("Mark Bell, a lawyer for the family, said they would sue.", LAWYER_FOR.format(what="family"))
    assert speaker(p) == ("Mark Bell", "lawyer", None)


def test_a_lawyer_for_the_firm_works_for_the_firm():
    p = build("Mark Bell, a lawyer for the firm, said they would sue.", LAWYER_FOR.format(what="firm"))
    assert speaker(p) == ("Mark Bell", "lawyer", "firm")


def test_an_official_speaking_on_condition_of_anonymity_has_no_organisation():
    p = build(
        "An officer who spoke on condition of anonymity said the road was closed.",
        """
        An         DET     2 det     a
        officer    NOUN    9 nsubj
        who        PRON    4 nsubj
        spoke      VERB    2 acl:relcl speak
        on         ADP     6 case
        condition  NOUN    4 obl
        of         ADP     8 case
        anonymity  NOUN    6 nmod
        said       VERB    0 root
        the        DET    11 det
        road       NOUN   13 nsubj:pass
        was        AUX    13 aux:pass
        closed     VERB   9 ccomp   close
        .          PUNCT   9 punct
        """,
    )
    found = statements(p)
    assert len(found) == 1 and found[0]["kind"] == "anonymous"
    assert found[0]["organisation"] is None
