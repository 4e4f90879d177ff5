"""Role and organisation of a speaker from titles, appositions and possessives, on
hand-built parses (no stanza models): what a fact-checker sees beside each statement."""

from __future__ import annotations

from parsebuilder import build, statements

from attrib.extract.base import DocView
from attrib.resolve import org_name
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


def test_an_attorney_for_a_person_the_article_names_has_no_organisation():
    p = build(
        "Ray Cole left. An attorney for Cole, Ann Lund, said he was ill.",
        """
        Ray    PROPN  3 nsubj  B-PER
        Cole   PROPN  1 flat   E-PER
        left   VERB   0 root   leave
        .      PUNCT  3 punct
        """,
        """
        An       DET     2 det      a
        attorney NOUN    9 nsubj
        for      ADP     4 case
        Cole     PROPN   2 nmod     S-PER
        ,        PUNCT   6 punct
        Ann      PROPN   2 appos    B-PER
        Lund     PROPN   6 flat     E-PER
        ,        PUNCT   6 punct
        said     VERB    0 root
        he       PRON   12 nsubj
        was      AUX    12 cop
        ill      ADJ     9 ccomp
        .        PUNCT   9 punct
        """,
    )
    assert speaker(p) == ("Ann Lund", "attorney", None)


# --------------------------------------------------------------------------- possessives, titles before a comma


def test_a_possessive_apposition_after_the_name_gives_role_and_organisation():
    p = build(
        "Eva Lind, the bank's director, said rates would hold.",
        """
        Eva        PROPN  9 nsubj      B-PER
        Lind       PROPN  1 flat       E-PER
        ,          PUNCT  7 punct
        the        DET    5 det
        bank       NOUN   7 nmod:poss
        's         PART   5 case
        director   NOUN   1 appos
        ,          PUNCT  7 punct
        said       VERB   0 root
        rates      NOUN/NNS 12 nsubj   rate
        would      AUX   12 aux
        hold       VERB   9 ccomp
        .          PUNCT  9 punct
        """,
    )
    assert speaker(p) == ("Eva Lind", "director", "bank")


POSSESSOR_TITLE = """
    The       DET     2 det
    {owner}   {tag}   4 nmod:poss  {ner}
    's        PART    2 case
    director  NOUN    9 nsubj
    ,         PUNCT   6 punct
    Paul      PROPN   4 appos      B-PER
    Kim       PROPN   6 flat       E-PER
    ,         PUNCT   6 punct
    said      VERB    0 root
    the       DET    11 det
    queue     NOUN   12 nsubj
    grew      VERB    9 ccomp      grow
    .         PUNCT   9 punct
"""


def test_a_title_with_a_possessor_before_a_comma_gives_role_and_organisation():
    p = build("The agency's director, Paul Kim, said the queue grew.",
              POSSESSOR_TITLE.format(owner="agency", tag="NOUN", ner=""))
    assert speaker(p) == ("Paul Kim", "director", "agency")


def test_the_agency_in_a_possessor_is_the_agency_named_before():
    p = build(
        "Tax Agency staff left. The agency's director, Paul Kim, said the queue grew.",
        """
        Tax     PROPN  2 compound  B-ORG
        Agency  PROPN  3 compound  E-ORG
        staff   NOUN   4 nsubj
        left    VERB   0 root      leave
        .       PUNCT  4 punct
        """,
        POSSESSOR_TITLE.format(owner="agency", tag="NOUN", ner=""),
    )
    assert speaker(p) == ("Paul Kim", "director", "Tax Agency")


def test_a_person_s_aide_has_no_organisation():
    p = build("The Gomez's director, Paul Kim, said the queue grew.",
              POSSESSOR_TITLE.format(owner="Gomez", tag="PROPN", ner="S-PER"))
    assert speaker(p) == ("Paul Kim", "director", None)


def test_a_title_with_its_organisation_before_a_comma():
    # (the parse hangs the name on the organisation's last word, as stanza does)
    p = build(
        "The spokesman for Acme Corp., Tom Ruiz, said the recall was voluntary.",
        """
        The        DET    2 det
        spokesman  NOUN  10 nsubj
        for        ADP    4 case
        Acme       PROPN  2 nmod      B-ORG
        Corp.      PROPN  4 flat      E-ORG
        ,          PUNCT  7 punct
        Tom        PROPN  5 appos     B-PER
        Ruiz       PROPN  7 flat      E-PER
        ,          PUNCT  7 punct
        said       VERB   0 root
        the        DET   12 det
        recall     NOUN  14 nsubj
        was        AUX   14 cop
        voluntary  ADJ   10 ccomp
        .          PUNCT 10 punct
        """,
    )
    assert speaker(p) == ("Tom Ruiz", "spokesman", "Acme Corp")


def test_a_title_in_a_clause_before_the_name_is_not_the_name_s():
    p = build(
        "Asked about the mayor, Tom Ruiz said the recall was voluntary.",
        """
        Asked      VERB   8 advcl     ask
        about      ADP    4 case
        the        DET    4 det
        mayor      NOUN   1 obl
        ,          PUNCT  1 punct
        Tom        PROPN  8 nsubj     B-PER
        Ruiz       PROPN  6 flat      E-PER
        said       VERB   0 root
        the        DET   10 det
        recall     NOUN  12 nsubj
        was        AUX   12 cop
        voluntary  ADJ    8 ccomp
        .          PUNCT  8 punct
        """,
    )
    assert speaker(p) == ("Tom Ruiz", None, None)


# --------------------------------------------------------------------------- which name a title belongs to


def test_a_title_belongs_to_the_name_right_after_it_not_to_one_further_on():
    p = build(
        "Ann Lund, a spokeswoman for Mr. Cole, said the talks failed.",
        """
        Ann         PROPN  10 nsubj   B-PER
        Lund        PROPN   1 flat    E-PER
        ,           PUNCT   5 punct
        a           DET     5 det
        spokeswoman NOUN    1 appos
        for         ADP     7 case
        Mr.         PROPN   5 nmod    B-PER
        Cole        PROPN   7 flat    E-PER
        ,           PUNCT   5 punct
        said        VERB    0 root
        the         DET    12 det
        talks       NOUN   13 nsubj   talk
        failed      VERB   10 ccomp   fail
        .           PUNCT  10 punct
        """,
    )
    assert speaker(p) == ("Ann Lund", "spokeswoman", None)


# --------------------------------------------------------------------------- occupations as titles


def test_a_lower_case_occupation_before_the_name_is_the_role():
    p = build(
        "“We won,” said coach Amy Li.",
        """
        “      PUNCT  3 punct
        We     PRON   3 nsubj
        won    VERB   0 root   win
        ,      PUNCT  6 punct
        ”      PUNCT  6 punct
        said   VERB   3 parataxis
        coach  NOUN   6 obj
        Amy    PROPN  7 flat   B-PER
        Li     PROPN  8 flat   E-PER
        .      PUNCT  3 punct
        """,
    )
    assert speaker(p) == ("Amy Li", "coach", None)


def test_an_occupation_in_an_apposition_is_the_role():
    p = build(
        "Omar Sid, a surgeon at Kell Clinic, said the drug works.",
        """
        Omar     PROPN  10 nsubj   B-PER
        Sid      PROPN   1 flat    E-PER
        ,        PUNCT   5 punct
        a        DET     5 det
        surgeon  NOUN    1 appos
        at       ADP     8 case
        Kell     PROPN   8 compound B-ORG
        Clinic   PROPN   5 nmod    E-ORG
        ,        PUNCT   5 punct
        said     VERB    0 root
        the      DET    12 det
        drug     NOUN   13 nsubj
        works    VERB   10 ccomp   work
        .        PUNCT  10 punct
        """,
    )
    assert speaker(p) == ("Omar Sid", "surgeon", "Kell Clinic")


TITLED_OF = """
    “          PUNCT  3 punct
    Rates      NOUN/NNS 3 nsubj  rate
    rise       VERB   0 root
    ,          PUNCT  6 punct
    ”          PUNCT  6 punct
    said       VERB   3 parataxis
    economist  NOUN   9 compound
    Jane       PROPN  9 compound  B-PER
    Moss       PROPN  6 obj       E-PER
    of         ADP   12 case
    {first}    PROPN 12 compound  B-{label}
    {second}   PROPN  9 nmod      E-{label}
    .          PUNCT  3 punct
"""


def test_an_organisation_after_a_titled_name_is_hers():
    p = build("“Rates rise,” said economist Jane Moss of Harbor Bank.",
              TITLED_OF.format(first="Harbor", second="Bank", label="ORG"))
    assert speaker(p) == ("Jane Moss", "economist", "Harbor Bank")


def test_a_place_after_a_titled_name_is_no_organisation():
    p = build("“Rates rise,” said economist Jane Moss of New Hampshire.",
              TITLED_OF.format(first="New", second="Hampshire", label="LOC"))
    assert speaker(p) == ("Jane Moss", "economist", None)


def test_an_organisation_whose_name_holds_a_verb_is_taken_whole():
    p = build(
        "Dan Roe, director of Keep the Peace, said the vote was fair.",
        """
        Dan       PROPN  10 nsubj  B-PER
        Roe       PROPN   1 flat   E-PER
        ,         PUNCT   4 punct
        director  NOUN    1 appos
        of        ADP     6 case
        Keep      VERB    4 acl    B-ORG
        the       DET     8 det    I-ORG
        Peace     PROPN   6 obj    E-ORG
        ,         PUNCT   4 punct
        said      VERB    0 root
        the       DET    12 det
        vote      NOUN   14 nsubj
        was       AUX    14 cop
        fair      ADJ    10 ccomp
        .         PUNCT  10 punct
        """,
    )
    assert speaker(p) == ("Dan Roe", "director", "Keep the Peace")


def _org(text: str, table: str) -> str | None:
    p = build(text, table)
    return org_name(DocView(p), 0, len(p.tokens) - 1)


def test_a_possessive_inside_one_name_is_kept():
    table = """
        the      DET    4 det
        {owner}  PROPN  4 nmod:poss  B-ORG
        's       PART   2 case       I-ORG
        {head}   PROPN  0 root       E-ORG
        .        PUNCT  4 punct
    """
    assert _org("the Pilgrim's Hospital.", table.format(owner="Pilgrim", head="Hospital")) == "Pilgrim's Hospital"
    # (a country owns what it names: its newspaper is the newspaper)
    assert _org("the Norway's Dagbladet.", table.format(owner="Norway", head="Dagbladet")) == "Dagbladet"
